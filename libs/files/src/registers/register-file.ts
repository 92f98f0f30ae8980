import ExcelJS from 'exceljs';
import { Problem, RegisterRow, ValidationError } from '@it-samverkan/domain';
import { readCsvTable } from '../csv/csv-table';

/** The first bytes of every XLSX (a zip archive). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a register export — CSV (semicolon or comma, UTF-8 with or without BOM) or the first sheet
 * of an XLSX workbook — into rows by the named columns (compared case-insensitively; other columns
 * are ignored). Row numbers are the file's own (line of a CSV, row of the sheet; the header is 1).
 * A file that cannot be read is refused whole: a ValidationError with every problem at its row.
 */
export async function readRegisterFile(
  content: Buffer | string,
  columns: readonly string[],
): Promise<RegisterRow[]> {
  const problems: Problem[] = [];
  const isXlsx = Buffer.isBuffer(content) && ZIP_MAGIC.every((b, i) => content[i] === b);
  const rows = isXlsx
    ? await readRegisterSheet(content, columns, problems)
    : readCsvTable(Buffer.isBuffer(content) ? content.toString('utf8') : content, columns, problems).rows;
  if (problems.length === 0 && rows.length === 0)
    problems.push({ path: 'line 2', message: 'Rad 2: registret har inga rader under rubrikraden' });
  if (problems.length > 0)
    throw new ValidationError(problems, 'Registret går inte att läsa', 'REGISTER_UNREADABLE');
  return rows;
}

async function readRegisterSheet(
  content: Buffer,
  columns: readonly string[],
  problems: Problem[],
): Promise<RegisterRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    problems.push({ path: 'file', message: 'Filen går inte att läsa som XLSX-arbetsbok' });
    return [];
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    problems.push({ path: 'file', message: 'Arbetsboken har inget blad' });
    return [];
  }
  const header = new Map<string, number[]>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell).trim().toLowerCase();
    if (name) header.set(name, [...(header.get(name) ?? []), col]);
  });
  const index = new Map<string, number>();
  for (const column of columns) {
    const at = header.get(column.trim().toLowerCase()) ?? [];
    if (at.length === 0)
      problems.push({
        path: 'line 1',
        message: `Rad 1: kolumnen "${column}" saknas på bladet ${sheet.name}`,
      });
    else if (at.length > 1)
      problems.push({ path: 'line 1', message: `Rad 1: kolumnen "${column}" finns ${at.length} gånger` });
    else index.set(column, at[0]);
  }
  if (problems.length > 0) return [];
  const rows: RegisterRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const fields: Record<string, string> = {};
    for (const column of columns) fields[column] = cellText(row.getCell(index.get(column)!)).trim();
    const anything =
      row.values &&
      (row.values as unknown[]).some((v) => v !== null && v !== undefined && String(v).trim() !== '');
    if (!anything) continue;
    rows.push({ line: r, fields });
  }
  return rows;
}

/** A cell as text: numbers as written, dates as YYYY-MM-DD, formulas by their result. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined && o.result !== null) return String(o.result);
    if (typeof o.text === 'string') return o.text;
    return '';
  }
  return String(v);
}
