import { parse } from 'csv-parse/sync';
import { Problem } from '@it-samverkan/domain';

/** One data row: the file line it starts on (header = line 1) and its fields by column name, trimmed. */
export interface CsvTableRow<C extends string> {
  line: number;
  fields: Record<C, string>;
}

/** A CSV file read by header: its delimiter and its data rows. */
export interface CsvTable<C extends string> {
  delimiter: ',' | ';';
  rows: CsvTableRow<C>[];
}

/**
 * Reads a CSV the way the incident import does (DOMAIN.md 6.4): UTF-8 with or without BOM, CRLF
 * or LF, comma or semicolon (decided by the header line), quoted fields allowed, columns by header
 * name in any order (names compared case-insensitively; other columns ignored), blank lines
 * skipped. Problems (unreadable CSV, missing or repeated columns, rows of the wrong width) are
 * added to `problems` with paths like `line 3` and messages starting "Rad 3:"; the returned rows
 * are only those of the right width, so the caller validates fields and then decides.
 */
export function readCsvTable<C extends string>(
  text: string,
  columns: readonly C[],
  problems: Problem[],
): CsvTable<C> {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const newline = normalized.indexOf('\n');
  const firstLine = newline < 0 ? normalized : normalized.slice(0, newline);
  const delimiter = detectDelimiter(firstLine);
  const table: CsvTable<C> = { delimiter, rows: [] };

  type Parsed = Array<{ record: string[]; info: { lines: number } }>;
  let records: Parsed;
  try {
    records = parse(normalized, {
      delimiter,
      record_delimiter: '\n',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({
      path: `line ${line}`,
      message: `Rad ${line}: filen går inte att läsa som CSV (${csvReason(error)})`,
    });
    return table;
  }
  if (records.length === 0 || firstLine.trim() === '') {
    problems.push({
      path: 'line 1',
      message: `Rad 1: rubrikraden saknas; den ska vara ${columns.join(delimiter)}`,
    });
    return table;
  }
  const header = readHeader(records[0].record, columns, delimiter, problems);
  if (!header) return table;

  for (const { record, info } of records.slice(1)) {
    const line = info.lines - record.reduce((n, field) => n + countNewlines(field), 0);
    if (record.every((field) => field.trim() === '')) continue;
    if (record.length !== header.width) {
      problems.push({
        path: `line ${line}`,
        message: `Rad ${line}: raden har ${record.length} fält men rubrikraden har ${header.width}`,
      });
      continue;
    }
    const fields = {} as Record<C, string>;
    for (const column of columns) fields[column] = record[header.index[column]].trim();
    table.rows.push({ line, fields });
  }
  return table;
}

/** Adds a problem of one field of a row: path `line 3.opened`, message "Rad 3: …". */
export function rowProblem(problems: Problem[], line: number, field: string, message: string): void {
  problems.push({ path: `line ${line}${field ? `.${field}` : ''}`, message: `Rad ${line}: ${message}` });
}

/** Semicolon when the header line has more semicolons than commas outside quotes, else comma. */
function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function readHeader<C extends string>(
  header: string[],
  columns: readonly C[],
  delimiter: string,
  problems: Problem[],
): { index: Record<C, number>; width: number } | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<C, number>;
  const before = problems.length;
  for (const column of columns) {
    const positions = names.flatMap((name, i) => (name === column.toLowerCase() ? [i] : []));
    if (positions.length === 0) {
      problems.push({
        path: 'line 1',
        message: `Rad 1: kolumnen "${column}" saknas; rubrikraden ska vara ${columns.join(delimiter)}`,
      });
    } else if (positions.length > 1) {
      problems.push({
        path: 'line 1',
        message: `Rad 1: kolumnen "${column}" finns ${positions.length} gånger`,
      });
    } else index[column] = positions[0];
  }
  return problems.length > before ? null : { index, width: header.length };
}

function countNewlines(field: string): number {
  let n = 0;
  for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

function csvReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'ett citattecken stängs aldrig';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'tecken efter ett avslutande citattecken';
  return code ?? 'okänt fel';
}
