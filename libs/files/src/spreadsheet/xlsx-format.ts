import ExcelJS from 'exceljs';
import { Money } from '@it-samverkan/domain';
import { setUpForPrint } from './print-setup';

/**
 * The XLSX layout every export shares: one sheet per table with a bold, frozen header row and
 * a filter, data rows, a "Summa" row whose SUM formulas also carry their computed value (so a
 * reader that does not calculate, or a printout, shows the right total), and under it the date
 * the file was made. Amounts are number cells formatted '#,##0.00', which Swedish Excel shows as
 * "1 400 000,00"; dates are date cells.
 */
export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const TOTAL_LABEL = 'Summa';
export const CREATED_LABEL = 'Skapad';
export const DECISION_LABEL = 'Beslut';

export type CellKind = 'text' | 'money' | 'date' | 'number';

export interface Column<R> {
  header: string;
  kind: CellKind;
  width?: number;
  value: (row: R) => string | Money | undefined;
  /** Summed in the "Summa" row (money columns only). */
  total?: boolean;
}

/** A workbook whose metadata dates are the generation date, so nothing reads the clock. */
export function newWorkbook(generatedOn: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'it-samverkan';
  wb.created = excelDate(generatedOn);
  wb.modified = excelDate(generatedOn);
  return wb;
}

/** 'YYYY-MM-DD' as the UTC midnight ExcelJS turns into that day's serial number. */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The column letter of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellValue(kind: CellKind, value: string | Money | undefined): ExcelJS.CellValue {
  if (value === undefined || value === '') return null;
  if (value instanceof Money) return Number(value.toString());
  if (kind === 'date') return excelDate(value);
  if (kind === 'number') return Number(value);
  return value;
}

/** What a sheet's printout says about it: its title (default: the sheet's name) and the decision it rests on. */
export interface SheetAbout {
  title?: string;
  decision?: string | null;
}

/**
 * Adds a sheet with the table, its totals row, the creation date (and the decision it rests on),
 * set up to print (print-setup.ts); returns the sheet and the totals, summed exactly in öre, by
 * column header.
 */
export function addTableSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column<R>[],
  rows: readonly R[],
  generatedOn: string,
  about: SheetAbout = {},
): { sheet: ExcelJS.Worksheet; totals: Map<string, Money> } {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? (c.kind === 'money' ? 16 : c.kind === 'date' ? 12 : 14),
    style: c.kind === 'money' ? { numFmt: MONEY_FORMAT } : c.kind === 'date' ? { numFmt: DATE_FORMAT } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => cellValue(c.kind, c.value(row))));
  if (rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };

  const totals = new Map<string, Money>();
  const totalRow = sheet.getRow(rows.length + 2);
  totalRow.getCell(1).value = TOTAL_LABEL;
  totalRow.font = { bold: true };
  columns.forEach((c, i) => {
    if (!c.total) return;
    const total = Money.sum(rows.map((r) => c.value(r)).filter((v): v is Money => v instanceof Money));
    totals.set(c.header, total);
    const letter = columnLetter(i + 1);
    const cell = totalRow.getCell(i + 1);
    cell.value =
      rows.length > 0
        ? { formula: `SUM(${letter}2:${letter}${rows.length + 1})`, result: Number(total.toString()) }
        : 0;
    cell.numFmt = MONEY_FORMAT;
  });
  const created = sheet.getRow(rows.length + 4);
  created.getCell(1).value = CREATED_LABEL;
  created.getCell(2).value = generatedOn;
  if (about.decision) {
    const decision = sheet.getRow(rows.length + 5);
    decision.getCell(1).value = DECISION_LABEL;
    decision.getCell(2).value = about.decision;
  }
  setUpForPrint(sheet, { title: about.title ?? name, generatedOn, decision: about.decision, headingRow: 1 });
  return { sheet, totals };
}

/** The workbook as bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
