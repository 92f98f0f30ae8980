import { spawnSync } from 'node:child_process';
import { ValidationError } from '@it-samverkan/domain';
import {
  buildInvoiceFile,
  sampleCreditNote,
  sampleEnergi,
  sampleLonenamndInvoice,
  sampleTranemoInvoice,
} from '../../../../test/factories/invoice-files';
import { invoicePdf } from '.';

/**
 * pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's module sandbox refuses
 * without --experimental-vm-modules; so the text is extracted by plain Node in a child process.
 */
const EXTRACT = `const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  process.stdout.write(JSON.stringify({ text: result.text, pages: result.total }));
  await parser.destroy();
});`;

function extract(pdf: Buffer): { text: string; pages: number } {
  const run = spawnSync(process.execPath, ['-e', EXTRACT], {
    input: pdf,
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const { text, pages } = JSON.parse(run.stdout);
  // Amounts are grouped with no-break spaces; compare text with plain single spaces.
  return { text: text.replace(/[\u00a0 ]+/g, ' '), pages };
}

const generatedOn = '2025-04-15';

describe('PDF invoice', () => {
  let text: string;
  beforeAll(async () => {
    text = extract(await invoicePdf(sampleTranemoInvoice(), { generatedOn })).text;
  });

  it('names the issuer with org no, VAT number, address and F-skatt, Swedish letters intact', () => {
    for (const s of [
      'Ulricehamns kommun',
      'Stadshuset, Nygatan 14',
      '523 86 Ulricehamn',
      'Org.nr 212000-1561',
      'Momsreg.nr SE212000156101',
      'Godkänd för F-skatt',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('names the buyer with address and reference, the number, dates and period', () => {
    for (const s of [
      'FAKTURA',
      'Tranemo kommun\nKommunhuset, Torget 2\n514 80 Tranemo',
      'Org.nr 212000-1538 Momsreg.nr SE212000153801',
      'Er referens: IT-chef 4100',
      'Fakturanummer 2025-0001',
      'Fakturadatum 2025-03-31',
      'Förfallodatum 2025-04-30',
      'Period 2025-Q1',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('lists every line with quantity, unit, price, VAT rate and amount', () => {
    expect(text).toContain('Beskrivning Antal Enhet À-pris Moms Belopp');
    expect(text).toContain(
      'Andel gemensam IT-drift Q1 2025 enligt tjänstefiering 1 st 99 166,67 0 % 99 166,67',
    );
    expect(text).toContain('1 st 1 400,00 0 % 1 400,00');
    expect(text).toContain('Beredskapsärende 2025-03-11 16:00–16:50');
    expect(text).toContain('Tilläggsuppdrag e-tjänst bygglov 12,5 tim 950,00 25 % 11 875,00');
  });

  it('shows VAT per rate with the exemption reason, and the totals (values by hand)', () => {
    expect(text).toContain('Netto 112 441,67');
    expect(text).toContain('Moms 25 % (underlag 11 875,00) 2 968,75');
    expect(text).toContain('Momsfritt 0 % (underlag 100 566,67) 0,00\nMomsfri omsättning mellan kommuner');
    expect(text).toContain('Moms totalt 2 968,75');
    expect(text).toContain('Att betala 115 410,42 kr');
  });

  it('says how to pay, and when it was printed', () => {
    expect(text).toContain('Bankgiro 591-2340. Betalningsvillkor 30 dagar netto, förfallodatum 2025-04-30.');
    expect(text).toContain('Ange fakturanummer 2025-0001 som referens vid betalning.');
    expect(text).toContain('Utskriven 2025-04-15 Sida 1 av 1');
  });

  it('prints each VAT rate of a mixed invoice, and Å and Ö', async () => {
    const t = extract(await invoicePdf(sampleLonenamndInvoice(), { generatedOn })).text;
    expect(t).toContain('Moms 25 % (underlag 13 500,00) 3 375,00');
    expect(t).toContain('Moms 6 % (underlag 900,00) 54,00');
    expect(t).toContain('Att betala 17 829,00 kr');
    expect(t).toContain('Er referens: Lönechef Åsa Öberg');
  });

  it('writes the same bytes for the same input', async () => {
    const [a, b] = await Promise.all([
      invoicePdf(sampleTranemoInvoice(), { generatedOn }),
      invoicePdf(sampleTranemoInvoice(), { generatedOn }),
    ]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses an invoice without the buyer’s reference', async () => {
    const doc = sampleTranemoInvoice();
    doc.buyerReference = '';
    await expect(invoicePdf(doc, { generatedOn })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('PDF credit note', () => {
  it('says what it credits and what is credited, without a due date', async () => {
    const { text } = extract(await invoicePdf(sampleCreditNote(), { generatedOn }));
    expect(text).toContain('KREDITFAKTURA');
    expect(text).toContain('Kreditfaktura avser faktura 2025-0002');
    expect(text).toContain('10 st 116,67 25 % 1 166,70');
    expect(text).toContain('Moms 25 % (underlag 1 166,70) 291,68');
    expect(text).toContain('Att kreditera 1 458,38 kr');
    expect(text).not.toContain('Förfallodatum');
    expect(text).not.toContain('Att betala');
  });
});

describe('PDF of a long invoice', () => {
  it('continues the table on new pages with its header, numbering every page', async () => {
    const lines = Array.from({ length: 70 }, (_, i) => ({
      description: `Beredskapsärende nr ${i + 1}, utryckning till Sektor vård och omsorg`,
      quantity: '1',
      unit: 'EA',
      unitPrice: `${1000 + i}.50`,
      net: `${1000 + i}.50`,
      vatRate: '25' as const,
    }));
    const doc = buildInvoiceFile({
      number: '2025-0100',
      buyer: sampleEnergi(),
      buyerReference: 'UEAB',
      lines,
    });
    const { text, pages } = extract(await invoicePdf(doc, { generatedOn }));
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Utskriven 2025-04-15 Sida ${p} av ${pages}`);
    const pageTexts = text.split(/-- \d+ of \d+ --/).slice(0, pages);
    const withLines = pageTexts.filter((t) => t.includes('Beredskapsärende'));
    expect(withLines.length).toBeGreaterThanOrEqual(2);
    for (const t of withLines)
      expect(t.indexOf('Beskrivning Antal Enhet À-pris Moms Belopp')).toBeLessThan(
        t.indexOf('Beredskapsärende'),
      );
    for (const line of lines)
      expect(text).toContain(`1 st ${line.net.replace(/^(\d)(\d{3})\./, '$1 $2,')} 25 %`);
    // Σ (1000.50 … 1069.50) = 72 450.00; 25 % = 18 112.50.
    expect(text).toContain('Att betala 90 562,50 kr');
  });
});

describe('PDF: what the buyer needs, and totals kept with the last lines', () => {
  it('prints our reference and the buyer’s responsibility code on its line', async () => {
    const doc = sampleTranemoInvoice();
    doc.lines[0].buyerAccountingCode = '4100';
    const { text } = extract(await invoicePdf(doc, { generatedOn }));
    expect(text).toContain('Vår referens: Ekonomienheten, Eva Ek');
    expect(text).toContain('0321-100 00 kundfaktura@ulricehamn.example');
    expect(text).toContain('Ert ansvar 4100');
  });

  it('never leaves the totals alone on a page, whatever the number of lines', async () => {
    // Page 1 holds about 29 one-line rows (318 → 760 pt at 15 pt each); the totals need about 64 pt,
    // so 26–31 lines are where the totals used to fall alone onto page 2.
    for (let count = 25; count <= 31; count++) {
      const lines = Array.from({ length: count }, (_, i) => ({
        description: `Rad ${i + 1}`,
        quantity: '1',
        unit: 'EA',
        unitPrice: '100.00',
        net: '100.00',
        vatRate: '25' as const,
      }));
      const doc = buildInvoiceFile({
        number: `2025-02${count}`,
        buyer: sampleEnergi(),
        buyerReference: 'UEAB',
        lines,
      });
      const { text, pages } = extract(await invoicePdf(doc, { generatedOn }));
      const pageTexts = text.split(/-- \d+ of \d+ --/).slice(0, pages);
      const withTotals = pageTexts.find((t) => t.includes('Att betala'))!;
      // count × 100.00 net + 25 % VAT.
      expect(withTotals).toContain(
        `Att betala ${((count * 125).toLocaleString('sv-SE') + ',00').replace(/\s/g, ' ')} kr`,
      );
      expect({ count, lastLineWithTotals: withTotals.includes(`Rad ${count} `) }).toEqual({
        count,
        lastLineWithTotals: true,
      });
    }
  });
});
