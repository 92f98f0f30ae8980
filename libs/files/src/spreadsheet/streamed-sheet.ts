import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { excelDate, MONEY_FORMAT } from './xlsx-format';
import { ColumnWidths, PrintSetup, setUpStreamedForPrint } from './print-setup';

/** A table written to a streamed workbook: one heading row (bold, frozen), then the data rows. */
export interface StreamedTable {
  name: string;
  headers: readonly string[];
  /** The least width of each column; wider values widen it (up to MAX_COLUMN_WIDTH). */
  widths: readonly number[];
  /** Indexes of the columns holding money (MONEY_FORMAT). */
  money?: readonly number[];
  rows: Iterable<ExcelJS.CellValue[]>;
  print: PrintSetup;
}

/**
 * A workbook written straight to `out` as its rows are made (ExcelJS's streaming WorkbookWriter):
 * nothing of a large trace is held as ExcelJS cells, and the file reaches the reader while it is
 * written. Metadata dates are the generation date, as in `newWorkbook`.
 */
export function streamedWorkbook(out: Writable, generatedOn: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    // the fastest deflate: a large trace takes a fifth less time, the file is a little larger
    zip: { zlib: { level: 1 } },
  });
  wb.creator = 'it-samverkan';
  wb.created = excelDate(generatedOn);
  wb.modified = excelDate(generatedOn);
  return wb;
}

/**
 * Writes one table as a sheet set up to print: the columns sized from the values written (measured
 * before the first row is committed, since a streamed sheet cannot be read back), the data cells
 * sharing one style object per column (ExcelJS then finds the style in its cache).
 */
export async function writeStreamedTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  table: StreamedTable,
): Promise<void> {
  const rows = Array.isArray(table.rows) ? (table.rows as ExcelJS.CellValue[][]) : [...table.rows];
  const money = new Set(table.money ?? []);
  const formats = table.headers.map((_, i) => (money.has(i) ? MONEY_FORMAT : undefined));
  const widths = new ColumnWidths(formats);
  widths.measure([...table.headers]);
  for (const row of rows) widths.measure(row);
  const sheet = wb.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: table.print.headingRow }] });
  sheet.columns = table.headers.map((_, i) => ({ width: table.widths[i] }));
  setUpStreamedForPrint(sheet, table.print, widths);
  const styles = table.headers.map((_, i) => {
    const column = sheet.getColumn(i + 1);
    return {
      ...(money.has(i) ? { numFmt: MONEY_FORMAT } : {}),
      ...(column.alignment ? { alignment: column.alignment } : {}),
    } as Partial<ExcelJS.Style>;
  });
  const heading = sheet.addRow([...table.headers]);
  heading.font = { bold: true };
  heading.commit();
  for (const values of rows) {
    const row = sheet.addRow(values);
    for (let i = 0; i < values.length; i++) row.getCell(i + 1).style = styles[i];
    row.commit();
  }
  sheet.commit();
}

/** The whole of a streamed workbook as bytes (for callers that need a buffer: tests, the bench). */
export async function streamedBytes(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}
