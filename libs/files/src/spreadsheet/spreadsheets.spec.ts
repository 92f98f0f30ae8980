import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { Money, ValidationError } from '@it-samverkan/domain';
import {
  buildInvoiceFile,
  sampleAppropriationRows,
  sampleCreditNote,
  sampleEnergi,
  sampleEnergiInvoice,
  sampleInternalCharges,
  sampleInvoices,
} from '../../../../test/factories/invoice-files';
import {
  appropriationReportCsv,
  appropriationReportXlsx,
  internalChargesCsv,
  internalChargesXlsx,
  invoicesCsv,
  invoicesXlsx,
  lineVatShares,
} from '.';

const generatedOn = '2025-04-15';
const documents = () => [...sampleInvoices(), sampleCreditNote()];

// Hand sums: 112 441.67 + 33 116.50 + 14 400.00 − 1 166.70; 2 968.75 + 8 279.13 + 3 429.00 − 291.68.
const NET = '158791.47';
const VAT = '14385.20';
const GROSS = '173176.67';

const money = (value: unknown) => Money.parse(String(value).replace(',', '.'));
const sumOf = (values: unknown[]) => Money.sum(values.map(money)).toString();

function readCsv(text: string): Record<string, string>[] {
  return parse(text, { delimiter: ';', bom: true, columns: true });
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

/** The values of a column under the header, up to the totals row, and the totals cell. */
function column(sheet: ExcelJS.Worksheet, header: string) {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const index = headers.indexOf(header) + 1;
  if (index === 0) throw new Error(`no column ${header}`);
  const values: ExcelJS.Cell[] = [];
  let row = 2;
  while (sheet.getCell(row, 1).value !== 'Summa') values.push(sheet.getCell(row++, index));
  return { values, total: sheet.getCell(row, index), totalRow: row };
}

describe('line VAT shares', () => {
  it('split each rate’s VAT over its lines so they add up: 5 833.25 + 1 458.38 + 987.50 = 8 279.13', () => {
    expect(lineVatShares(sampleEnergiInvoice()).map(String)).toEqual(['5833.25', '1458.38', '987.50']);
    for (const inv of documents()) {
      expect(Money.sum(lineVatShares(inv)).toString()).toBe(inv.totals.vat.toString());
    }
  });

  it('add up to the VAT of each rate and stay within one öre of net × rate, negative lines too (property)', () => {
    const line = fc.record({
      ore: fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }),
      vatRate: fc.constantFrom('25' as const, '12' as const, '6' as const, '0' as const),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (specs) => {
        const invoice = buildInvoiceFile({
          number: 'p',
          buyer: sampleEnergi(),
          buyerReference: 'p',
          lines: specs.map((l) => {
            const amount = Money.ofOre(l.ore).toString();
            return {
              description: 'x',
              quantity: '1',
              unit: 'EA',
              unitPrice: amount,
              net: amount,
              vatRate: l.vatRate,
            };
          }),
        });
        const shares = lineVatShares(invoice);
        for (const b of invoice.vatBreakdown) {
          const ofRate = shares.filter((_, i) => invoice.lines[i].vatRate === b.rate);
          if (!Money.sum(ofRate).equals(b.vat)) return false;
        }
        return invoice.lines.every((l, i) => {
          const exact = l.net.toDecimal().times(l.vatRate).dividedBy(100);
          return shares[i].toDecimal().minus(exact).abs().lessThan('0.01');
        });
      }),
    );
  });
});

describe('invoices as CSV', () => {
  const text = invoicesCsv(documents(), { generatedOn });
  const rows = readCsv(text);

  it('starts with a BOM and a Swedish header, separated by semicolons', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'Fakturanummer;Typ;Krediterar;Fakturadatum;Förfallodatum;Bokföringsdag;Period;Köpare;Köparens org.nr;Motpart;Er referens;' +
        'Rad;Beskrivning;Tjänst;Ansvar;Köparens ansvar;Antal;Enhet;À-pris;Netto;Momssats;Moms;Brutto;Skapad',
    );
  });

  it('has one row per line, with the creation date on every row', () => {
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.Skapad === generatedOn)).toBe(true);
  });

  it('adds up to the invoices net of the credit note, with decimal commas', () => {
    expect(sumOf(rows.map((r) => r.Netto))).toBe(NET);
    expect(sumOf(rows.map((r) => r.Moms))).toBe(VAT);
    expect(sumOf(rows.map((r) => r.Brutto))).toBe(GROSS);
    expect(rows[4]).toMatchObject({
      Fakturanummer: '2025-0002',
      Rad: '2',
      Antal: '50',
      'À-pris': '116,67',
      Netto: '5833,50',
      Moms: '1458,38',
    });
  });

  it('shows a credit note negative, with what it credits', () => {
    expect(rows[8]).toMatchObject({
      Typ: 'Kreditfaktura',
      Krediterar: '2025-0002',
      Antal: '-10',
      Netto: '-1166,70',
      Moms: '-291,68',
      Brutto: '-1458,38',
    });
  });

  it('quotes text with semicolons and quotes, and disarms text Excel would run as a formula', () => {
    const doc = sampleEnergiInvoice();
    doc.lines[0].description = 'Licenser; "Office"';
    doc.lines[1].description = '=HYPERLINK("http://x")';
    const [first, second] = readCsv(invoicesCsv([doc], { generatedOn }));
    expect(first.Beskrivning).toBe('Licenser; "Office"');
    expect(second.Beskrivning).toBe('\'=HYPERLINK("http://x")');
  });

  it('refuses an invoice that does not add up, and a bad date', () => {
    const doc = sampleEnergiInvoice();
    doc.totals.net = Money.parse('1.00');
    expect(() => invoicesCsv([doc], { generatedOn })).toThrow(ValidationError);
    expect(() => invoicesCsv([], { generatedOn: '15/4 2025' })).toThrow(ValidationError);
  });
});

describe('invoices as XLSX', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await readXlsx(await invoicesXlsx(documents(), { generatedOn }));
  });

  it('has the sheets Fakturor and Fakturarader', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Fakturor', 'Fakturarader']);
  });

  it('totals each amount column with a SUM formula whose cached value equals the rows’ sum', () => {
    for (const [sheetName, rowCount] of [
      ['Fakturor', 4],
      ['Fakturarader', 9],
    ] as const) {
      const sheet = wb.getWorksheet(sheetName)!;
      for (const [header, expected] of [
        ['Netto', NET],
        ['Moms', VAT],
        ['Brutto', GROSS],
      ]) {
        const { values, total, totalRow } = column(sheet, header);
        expect(values).toHaveLength(rowCount);
        expect(sumOf(values.map((c) => c.value))).toBe(expected);
        const letter = total.address.replace(/\d+/, '');
        expect(total.value).toEqual({
          formula: `SUM(${letter}2:${letter}${totalRow - 1})`,
          result: Number(expected),
        });
        expect(total.numFmt).toBe('#,##0.00');
        expect(values.every((c) => typeof c.value === 'number' && c.numFmt === '#,##0.00')).toBe(true);
      }
    }
  });

  it('writes dates as date cells and carries the creation date', () => {
    const sheet = wb.getWorksheet('Fakturor')!;
    const issued = column(sheet, 'Fakturadatum').values[0];
    expect(issued.value).toEqual(new Date('2025-03-31T00:00:00Z'));
    expect(issued.numFmt).toBe('yyyy-mm-dd');
    const { totalRow } = column(sheet, 'Netto');
    expect([sheet.getCell(totalRow + 2, 1).value, sheet.getCell(totalRow + 2, 2).value]).toEqual([
      'Skapad',
      generatedOn,
    ]);
    expect(wb.created).toEqual(new Date('2025-04-15T00:00:00Z'));
  });

  it('shows the credit note as negative with its type', () => {
    const sheet = wb.getWorksheet('Fakturor')!;
    expect([sheet.getCell(5, 1).value, sheet.getCell(5, 2).value, sheet.getCell(5, 3).value]).toEqual([
      '2025-0004',
      'Kreditfaktura',
      '2025-0002',
    ]);
    expect(column(sheet, 'Brutto').values[3].value).toBe(-1458.38);
  });
});

describe('appropriation report', () => {
  const rows = [
    ...sampleAppropriationRows(),
    {
      municipality: 'tranemo',
      consumerId: 'tra-oms',
      consumerName: 'Tranemo omsorgssektionen',
      responsibilityCode: '5000',
      amount: Money.parse('396666.67'),
    },
  ];

  it('as CSV: one row per consumer and service, summing to the total', () => {
    const parsed = readCsv(appropriationReportCsv(rows, { generatedOn }));
    expect(Object.keys(parsed[0])).toEqual([
      'Kommun',
      'Förbrukar-id',
      'Förbrukare',
      'Ansvar',
      'Tjänst',
      'Belopp',
      'Skapad',
    ]);
    expect(sumOf(parsed.map((r) => r.Belopp))).toBe('1400000.00');
    expect(parsed[4].Tjänst).toBe('');
  });

  it('as XLSX: a total and a sum per municipality that are formulas with the right values', async () => {
    const wb = await readXlsx(await appropriationReportXlsx(rows, { generatedOn }));
    const { values, total } = column(wb.getWorksheet('Anslag')!, 'Belopp');
    expect(sumOf(values.map((c) => c.value))).toBe('1400000.00');
    expect(total.value).toEqual({ formula: 'SUM(E2:E6)', result: 1400000 });
    const per = wb.getWorksheet('Per kommun')!;
    expect([per.getCell(2, 1).value, per.getCell(2, 2).value]).toEqual([
      'ulricehamn',
      { formula: 'SUMIF(Anslag!A2:A6,A2,Anslag!E2:E6)', result: 1003333.33 },
    ]);
    expect(per.getCell(3, 2).value).toEqual({
      formula: 'SUMIF(Anslag!A2:A6,A3,Anslag!E2:E6)',
      result: 396666.67,
    });
    expect(column(per, 'Belopp').total.value).toEqual({ formula: 'SUM(B2:B3)', result: 1400000 });
  });
});

describe('internal charges', () => {
  it('as CSV: debit and credit unit per row, summing to 221 666.67', () => {
    const parsed = readCsv(internalChargesCsv(sampleInternalCharges(), { generatedOn }));
    expect(parsed[0]).toMatchObject({
      Id: 'ic-1',
      Datum: '2025-03-31',
      'Debiterat ansvar': '4100',
      'Krediterat ansvar': '1150',
      Belopp: '140000,00',
      Skapad: generatedOn,
    });
    expect(sumOf(parsed.map((r) => r.Belopp))).toBe('221666.67');
  });

  it('as XLSX: totals row with formula and value, and an empty list still has its header and date', async () => {
    const wb = await readXlsx(await internalChargesXlsx(sampleInternalCharges(), { generatedOn }));
    const { values, total } = column(wb.getWorksheet('Interndebiteringar')!, 'Belopp');
    expect(sumOf(values.map((c) => c.value))).toBe('221666.67');
    expect(total.value).toEqual({ formula: 'SUM(I2:I3)', result: 221666.67 });
    const empty = (await readXlsx(await internalChargesXlsx([], { generatedOn }))).getWorksheet(
      'Interndebiteringar',
    )!;
    expect([empty.getCell(2, 1).value, empty.getCell(2, 9).value, empty.getCell(4, 2).value]).toEqual([
      'Summa',
      0,
      generatedOn,
    ]);
  });
});
