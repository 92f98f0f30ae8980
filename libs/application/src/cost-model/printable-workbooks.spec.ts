import ExcelJS from 'exceljs';
import { splitCostModel, toSplitResultDocument, validateCostModel } from '@it-samverkan/domain';
import { exampleModel } from '../../../../test/factories/cost-model';
import { costModelToXlsx } from './cost-model-xlsx-writer';
import { splitResultXlsx, SPLIT_XLSX_HEADING_ROW, SPLIT_XLSX_SHEETS } from './split-result-files';

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

const created = new Date('2025-03-10T09:00:00Z');
const DECISION = 'IT-styrgruppen 2024-11-20 § 14';

describe('the cost model’s workbooks are set up to print (the one helper, print-setup.ts)', () => {
  it('split result: every sheet one page wide, its heading row repeated, title, date and decision printed', async () => {
    const model = validateCostModel(exampleModel());
    const doc = toSplitResultDocument(model, splitCostModel(model));
    const wb = await read(await splitResultXlsx(model, doc, created, { decision: DECISION }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(Object.values(SPLIT_XLSX_SHEETS));
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${SPLIT_XLSX_HEADING_ROW}:${SPLIT_XLSX_HEADING_ROW}`,
      });
      expect(sheet.headerFooter.oddHeader).toBe(
        `&L&B${doc.model} – kostnadsfördelning ${doc.year}: ${sheet.name}&RSkapad 2025-03-10`,
      );
      expect(sheet.headerFooter.oddFooter).toBe(`&LBeslut: ${DECISION}&RSida &P av &N`);
    }
    // the consumers' names fit their column: nothing cut off
    const consumers = wb.getWorksheet(SPLIT_XLSX_SHEETS.consumers)!;
    const longest = Math.max(...model.consumers.map((c) => c.name.length));
    expect(consumers.getColumn(1).width).toBeGreaterThanOrEqual(Math.min(60, longest + 2));
  });

  it('split result: names first (consumer, municipality, service, driver), ids after; the decision on the sheet', async () => {
    const model = validateCostModel(exampleModel());
    const doc = toSplitResultDocument(model, splitCostModel(model));
    const names: Record<string, string> = { ulricehamn: 'Ulricehamns kommun', tranemo: 'Tranemo kommun' };
    const wb = await read(
      await splitResultXlsx(model, doc, created, {
        decision: DECISION,
        municipalityName: (id) => names[id] ?? id,
      }),
    );
    const row = (sheet: string, r: number) => {
      const values = wb.getWorksheet(sheet)!.getRow(r).values as unknown[];
      return values.slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v));
    };
    const first = SPLIT_XLSX_HEADING_ROW + 1;
    expect(row(SPLIT_XLSX_SHEETS.consumers, SPLIT_XLSX_HEADING_ROW)).toEqual([
      'Förbrukare',
      'Kommun',
      'Arbetsplatstjänst',
      'Servicedesk',
      'Totalt',
      'Förbrukarens id',
      'Kommunens id',
    ]);
    // ulr-ks: 100 devices and 100 accounts of the example; its figures are the split document's
    const ulrKs = doc.consumers.find((c) => c.id === 'ulr-ks')!;
    expect(row(SPLIT_XLSX_SHEETS.consumers, first)).toEqual([
      'Ulricehamn kommunstyrelsens förvaltning',
      'Ulricehamns kommun',
      Number(ulrKs.services.arbetsplats),
      Number(ulrKs.services.servicedesk),
      Number(ulrKs.total),
      'ulr-ks',
      'ulricehamn',
    ]);
    expect(row(SPLIT_XLSX_SHEETS.municipalities, first)).toEqual([
      'Ulricehamns kommun',
      Number(doc.municipalities[0].total),
      'ulricehamn',
    ]);
    const services = row(
      SPLIT_XLSX_SHEETS.services,
      first + doc.services.findIndex((s) => s.id === 'arbetsplats'),
    );
    expect([services[0], services[4], services[7]]).toEqual([
      'Arbetsplatstjänst',
      'Antal datorer',
      'arbetsplats',
    ]);
    for (const sheet of wb.worksheets) expect(row(sheet.name, 3)).toEqual(['Beslut', DECISION]);
  });

  it('split result without the organisation (the CLI): a municipality by its id capitalised, no decision row', async () => {
    const model = validateCostModel(exampleModel());
    const doc = toSplitResultDocument(model, splitCostModel(model));
    const wb = await read(await splitResultXlsx(model, doc, created));
    const kommuner = wb.getWorksheet(SPLIT_XLSX_SHEETS.municipalities)!;
    expect(kommuner.getCell(SPLIT_XLSX_HEADING_ROW + 1, 1).value).toBe('Ulricehamn');
    expect(kommuner.getCell(3, 1).value).toBeNull();
    expect(kommuner.headerFooter.oddFooter).toBe('&L&RSida &P av &N');
  });

  it('the import template and a model file print the same way, with the date made', async () => {
    const wb = await read(await costModelToXlsx(exampleModel(), created));
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(sheet.headerFooter.oddHeader).toContain('&RSkapad 2025-03-10');
    }
    // the instructions keep their wide column
    expect(wb.worksheets[0].getColumn(1).width).toBe(110);
  });
});
