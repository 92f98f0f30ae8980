import type ExcelJS from 'exceljs';

/**
 * Sets a sheet up to print: A4, fit to the page width (any number of pages down), the heading row
 * repeated on every printed page, and a footer with the date made and the page number.
 */
export function setUpForPrinting(
  sheet: ExcelJS.Worksheet,
  options: { headingRow: number; landscape?: boolean; footer: string },
): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: options.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${options.headingRow}:${options.headingRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    oddFooter: `&L${options.footer.replace(/&/g, '&&')}&RSida &P av &N`,
  };
}
