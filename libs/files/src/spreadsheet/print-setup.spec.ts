import ExcelJS from 'exceljs';
import { Money } from '@it-samverkan/domain';
import {
  sampleAppropriationRows,
  sampleCreditNote,
  sampleInternalCharges,
  sampleInvoices,
} from '../../../../test/factories/invoice-files';
import {
  appropriationReportXlsx,
  internalChargesXlsx,
  invoicesXlsx,
  MAX_COLUMN_WIDTH,
  yearToDateXlsx,
} from '.';

const generatedOn = '2025-07-10';
const DECISION = 'IT-styrgruppen 2024-11-20 § 14';

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

const headings = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

/** Every sheet: A4, one page wide, heading row repeated, a header with title and date, a footer with page numbers. */
function expectPrintable(sheet: ExcelJS.Worksheet, title: string, decision: string | null): void {
  expect(sheet.pageSetup).toMatchObject({
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  });
  expect(sheet.headerFooter.oddHeader).toBe(`&L&B${title}&RSkapad ${generatedOn}`);
  expect(sheet.headerFooter.oddFooter).toBe(`&L${decision ? `Beslut: ${decision}` : ''}&RSida &P av &N`);
  // no cut-off column: each is at least as wide as what it shows (or wraps at the widest)
  sheet.eachRow((row) =>
    row.eachCell((cell, col) => {
      const shown = typeof cell.value === 'string' ? cell.value.length : 0;
      const width = sheet.getColumn(col).width!;
      if (shown + 2 <= MAX_COLUMN_WIDTH) expect(width).toBeGreaterThanOrEqual(shown + 2);
      else expect(sheet.getColumn(col).alignment?.wrapText).toBe(true);
    }),
  );
}

describe('every spreadsheet is set up to print, names before ids, dated, with its decision', () => {
  it('year to date: landscape (8 columns), title, date and the budget decision in header, footer and sheet', async () => {
    const wb = await readXlsx(
      await yearToDateXlsx(
        {
          year: 2025,
          through: '2025-Q2',
          rows: [
            {
              municipality: 'Tranemo kommun',
              consumerName: 'Tranemo omsorgssektionen',
              consumerId: 'tra-oms',
              fundingMode: 'external-invoice',
              yearlyShare: Money.parse('333333.34'),
              charged: Money.parse('83333.34'),
              remaining: Money.parse('250000.00'),
              percentCharged: '25.0',
            },
          ],
        },
        { generatedOn, decision: DECISION },
      ),
    );
    const sheet = wb.getWorksheet('Per förbrukare')!;
    expect(headings(sheet)).toEqual([
      'Kommun',
      'Förbrukare',
      'Finansiering',
      'Årsandel',
      'Debiterat hittills',
      'Kvar att debitera',
      'Andel debiterad (%)',
      'Förbrukar-id',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Tranemo kommun',
      'Tranemo omsorgssektionen',
      'Extern faktura',
      333333.34,
      83333.34,
      250000,
      25,
      'tra-oms',
    ]);
    expectPrintable(sheet, 'Året hittills 2025, debiterat till och med 2025-Q2', DECISION);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    // under the totals: the date made and the decision, in the sheet itself too
    expect([sheet.getCell(5, 1).value, sheet.getCell(5, 2).value]).toEqual(['Skapad', generatedOn]);
    expect([sheet.getCell(6, 1).value, sheet.getCell(6, 2).value]).toEqual(['Beslut', DECISION]);
    const perMunicipality = wb.getWorksheet('Per kommun')!;
    expectPrintable(
      perMunicipality,
      'Året hittills 2025, debiterat till och med 2025-Q2, per kommun',
      DECISION,
    );
    expect(perMunicipality.pageSetup.orientation).toBe('portrait');
  });

  it('appropriation report: service names, ids after the names, the decision of the budget model', async () => {
    const rows = sampleAppropriationRows().map((r) => ({
      ...r,
      serviceName: r.service === 'arbetsplats' ? 'Arbetsplatstjänst' : 'Servicedesk',
    }));
    const wb = await readXlsx(await appropriationReportXlsx(rows, { generatedOn, decision: DECISION }));
    const sheet = wb.getWorksheet('Anslag')!;
    expect(headings(sheet)).toEqual([
      'Kommun',
      'Förbrukare',
      'Ansvar',
      'Tjänst',
      'Belopp',
      'Förbrukar-id',
      'Tjänst-id',
    ]);
    expect(sheet.getCell(2, 4).value).toBe('Arbetsplatstjänst');
    expect(sheet.getCell(2, 7).value).toBe('arbetsplats');
    expectPrintable(sheet, 'Anslagsrapport', DECISION);
    expectPrintable(wb.getWorksheet('Per kommun')!, 'Anslagsrapport per kommun', DECISION);
  });

  it('internal charges: the municipality by name, the charge id last; invoices: both sheets printable', async () => {
    const charges = sampleInternalCharges().map((c) => ({ ...c, municipalityName: 'Ulricehamns kommun' }));
    const wb = await readXlsx(await internalChargesXlsx(charges, { generatedOn }));
    const sheet = wb.getWorksheet('Interndebiteringar')!;
    expect(headings(sheet)[2]).toBe('Kommun');
    expect(sheet.getCell(2, 3).value).toBe('Ulricehamns kommun');
    expect(headings(sheet).at(-1)).toBe('Id');
    expectPrintable(sheet, 'Interndebiteringar', null);
    expect(sheet.pageSetup.orientation).toBe('landscape');

    const invoices = await readXlsx(
      await invoicesXlsx([...sampleInvoices(), sampleCreditNote()], { generatedOn }),
    );
    expectPrintable(invoices.getWorksheet('Fakturor')!, 'Fakturor och kreditfakturor', null);
    const lines = invoices.getWorksheet('Fakturarader')!;
    expectPrintable(lines, 'Fakturarader', null);
    expect(headings(lines).at(-1)).toBe('Tjänst-id');
    expect(lines.pageSetup.orientation).toBe('landscape');
  });
});
