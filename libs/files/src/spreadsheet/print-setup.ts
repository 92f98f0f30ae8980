import ExcelJS from 'exceljs';

/**
 * The one place every workbook the product hands out is set up to print (issue 13): A4, as wide
 * as one page (landscape when the columns need it), the heading rows repeated on every page,
 * columns wide enough that nothing is cut off, and the page header and footer saying what the
 * sheet is, the date it was made and the decision it rests on.
 */
export interface PrintSetup {
  /** What the sheet is, for the page header. */
  title: string;
  /** The date the file was made, YYYY-MM-DD. */
  generatedOn: string;
  /** The decision the figures rest on ("IT-styrgruppen 2024-11-20 § 14"), where there is one. */
  decision?: string | null;
  /** The row of column headings, repeated on every printed page (and where column widths are measured from). */
  headingRow: number;
  /** Landscape whatever the width (otherwise landscape when the columns are wider than a portrait page). */
  landscape?: boolean;
}

/** Columns wider than this wrap their text instead of growing. */
export const MAX_COLUMN_WIDTH = 60;
/** Wider than this (in character widths) the sheet prints landscape. */
export const PORTRAIT_WIDTH = 100;
/** Excel's paper size code for A4. */
export const A4 = 9;

/** Text in a page header or footer: '&' starts a code there, so it is doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/** How many characters a value shows, roughly, in its number format. */
export function shownLength(value: ExcelJS.CellValue, numFmt?: string): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  const result = typeof value === 'object' && 'result' in value ? value.result : value;
  if (typeof result === 'number') {
    const digits = Math.abs(result).toFixed(numFmt?.includes('.00') ? 2 : 1).length;
    return Math.ceil(digits * 1.34) + 1;
  }
  if (typeof result === 'object' && result !== null && 'richText' in result)
    return result.richText.map((r) => r.text).join('').length;
  return String(result ?? '').length;
}

/**
 * The widths a sheet's columns need, measured from the values before they are written (for a sheet
 * streamed to its file, whose rows cannot be read back): `measure` each row from the heading row on.
 */
export class ColumnWidths {
  private readonly widest = new Map<number, number>();
  /** The largest size of the numbers in each column: a number shows more digits the larger it is. */
  private readonly largest = new Map<number, number>();

  constructor(private readonly numFmts: readonly (string | undefined)[] = []) {}

  measure(values: readonly ExcelJS.CellValue[]): void {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value === 'number') {
        const size = Math.abs(value);
        if (!(size <= (this.largest.get(i + 1) ?? -1))) this.largest.set(i + 1, size);
        continue;
      }
      const width = shownLength(value, this.numFmts[i]) + 2;
      if (width > (this.widest.get(i + 1) ?? 0)) this.widest.set(i + 1, width);
    }
  }

  /** The width each measured column (1-based) needs. */
  get needed(): Map<number, number> {
    const needed = new Map(this.widest);
    for (const [col, size] of this.largest) {
      const width = shownLength(size, this.numFmts[col - 1]) + 2;
      if (width > (needed.get(col) ?? 0)) needed.set(col, width);
    }
    return needed;
  }
}

/** Widens every column to what its headings and cells below `fromRow` show (read back from the sheet). */
function measuredColumns(sheet: ExcelJS.Worksheet, fromRow: number): Map<number, number> {
  const needed = new Map<number, number>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber < fromRow) return;
    row.eachCell((cell, col) =>
      needed.set(col, Math.max(needed.get(col) ?? 0, shownLength(cell.value, cell.numFmt) + 2)),
    );
  });
  return needed;
}

/** Gives the columns their needed widths, up to MAX_COLUMN_WIDTH; wider text wraps. */
function fitColumns(sheet: ExcelJS.Worksheet, needed: ReadonlyMap<number, number>): void {
  for (const [col, width] of needed) {
    const column = sheet.getColumn(col);
    const fitted = fittedColumn(column.width, width);
    column.width = fitted.width;
    if (fitted.wrap) column.alignment = { ...column.alignment, wrapText: true, vertical: 'top' };
  }
}

/**
 * A column's printed width from the width the writer chose and the width its values need: the chosen
 * width is kept when wider; text wider than MAX_COLUMN_WIDTH wraps (top-aligned) instead of being cut.
 */
export function fittedColumn(chosen: number | undefined, needed: number): { width: number; wrap: boolean } {
  const width = Math.max(chosen ?? 8, Math.min(MAX_COLUMN_WIDTH, needed));
  return { width, wrap: needed > width };
}

/** Landscape when asked for or when the columns (their widths in characters) are wider than a portrait page. */
export function pageOrientation(setup: PrintSetup, widths: readonly number[]): 'landscape' | 'portrait' {
  const width = widths.reduce((a, b) => a + b, 0);
  return setup.landscape || width > PORTRAIT_WIDTH ? 'landscape' : 'portrait';
}

/** The page margins (inches) of every printed sheet. */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** The page header (title, date made) and footer (decision, page number) in Excel's header codes. */
export function headerFooterTexts(setup: PrintSetup): { oddHeader: string; oddFooter: string } {
  const decision = setup.decision ? `Beslut: ${headerText(setup.decision)}` : '';
  return {
    oddHeader: `&L&B${headerText(setup.title)}&RSkapad ${setup.generatedOn}`,
    oddFooter: `&L${decision}&RSida &P av &N`,
  };
}

/** Sets the sheet up to print; call it once the sheet holds all its rows. */
export function setUpForPrint(sheet: ExcelJS.Worksheet, setup: PrintSetup): void {
  fitColumns(sheet, measuredColumns(sheet, setup.headingRow));
  setUpPage(sheet, setup);
}

function setUpPage(sheet: ExcelJS.Worksheet, setup: PrintSetup): void {
  // a streamed sheet (WorksheetWriter) has no columnCount, only the columns it was given
  const count = (sheet.columnCount as number | undefined) ?? sheet.columns.length;
  const widths: number[] = [];
  for (let col = 1; col <= count; col++) widths.push(sheet.getColumn(col).width ?? 8);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: pageOrientation(setup, widths),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${setup.headingRow}:${setup.headingRow}`,
    margins: { ...PRINT_MARGINS },
  };
  sheet.headerFooter = { ...sheet.headerFooter, ...headerFooterTexts(setup) };
}
