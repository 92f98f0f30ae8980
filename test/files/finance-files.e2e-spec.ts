import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { checkPeppolInvoice, readSie4 } from '@it-samverkan/files';
import { binaryBody as binary, downloadPeppol } from '../support/finance-files';
import { expectOfficiallyValid } from '../support/peppol-official';
import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from '../invoicing/support';

type Invoice = {
  id: string;
  number: string;
  kind: string;
  gross: string;
  net: string;
  vat: string;
  buyer: { id: string };
};

const ore = (s: string) => BigInt(s.replace('.', '').replace(/^(-?)0+(?=\d)/, '$1'));

/** pdf.js cannot run inside Jest's sandbox, so the text is extracted by plain Node (as in the PDF spec). */
function pdfText(pdf: Buffer): string {
  const script = `const { PDFParse } = require('pdf-parse');
const chunks = []; process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => { const p = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const r = await p.getText(); process.stdout.write(r.text); await p.destroy(); });`;
  const run = spawnSync(process.execPath, ['-e', script], { input: pdf, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe('files finance loads for the issued 2025-Q1 invoices', () => {
  let t: TestApp;
  let finance: string;
  let issued: Invoice[];

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    const drafts = (await t.http.get('/api/v1/invoices?period=2025-Q1&status=draft').set(t.auth(finance)))
      .body.items as Invoice[];
    for (const d of drafts)
      await t.http.post(`/api/v1/invoices/${d.id}/issue`).set(t.auth(finance)).expect(200);
    const bolag = (await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(finance))).body.items.find(
      (i: Invoice) => i.buyer.id === 'bolag-ue',
    );
    await t.http
      .post(`/api/v1/invoices/${bolag.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'Avtalet justerat' })
      .expect(201);
    // The year holds Q1's invoices and the credit note, which belongs to its own month 2025-04.
    issued = (await t.http.get('/api/v1/invoices?period=2025&status=issued').set(t.auth(finance))).body.items;
  });
  afterAll(async () => t.close());

  it('a SIE 4 file in CP437 whose vouchers balance and match the invoices', async () => {
    const res = await t.http
      .get('/api/v1/files/sie?period=2025')
      .set(t.auth(finance))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = res.body as Buffer;
    expect(bytes.includes(Buffer.from('å', 'utf8'))).toBe(false);
    const sie = readSie4(bytes);
    expect(sie.format).toBe('PC8');
    expect(sie.generatedOn).toBe('2025-04-02');
    expect(sie.companyName).toBe('Ulricehamns kommun');
    for (const v of sie.vouchers) {
      const sum = v.transactions.reduce((s, tr) => s + tr.amount.ore, 0n);
      expect({ voucher: `${v.series}${v.number}`, sum }).toEqual({
        voucher: `${v.series}${v.number}`,
        sum: 0n,
      });
    }
    const invoices = issued.filter((i) => i.kind === 'invoice');
    const notes = issued.filter((i) => i.kind === 'credit-note');
    expect(sie.vouchers.filter((v) => v.series === 'F')).toHaveLength(invoices.length);
    expect(sie.vouchers.filter((v) => v.series === 'K')).toHaveLength(notes.length);
    for (const inv of invoices) {
      const voucher = sie.vouchers.find((v) => v.series === 'F' && v.text.includes(inv.number))!;
      const receivable = voucher.transactions
        .filter((tr) => tr.account.startsWith('151'))
        .reduce((s, tr) => s + tr.amount.ore, 0n);
      expect(receivable).toBe(ore(inv.gross));
    }
    expect(sie.vouchers.filter((v) => v.series === 'I').length).toBeGreaterThan(0);
  });

  it('a Peppol BIS 3.0 document per external invoice and credit note that passes the encoded and the official rules', async () => {
    const documents = await Promise.all(issued.map((inv) => downloadPeppol(t, finance, inv)));
    for (const [i, inv] of issued.entries()) {
      const xml = documents[i].xml;
      expect(checkPeppolInvoice(xml).filter((p) => p.flag === 'fatal')).toEqual([]);
      expect(xml).toContain(`<cbc:ID>${inv.number}</cbc:ID>`);
      expect(xml).toContain('Godkänd för F-skatt');
      expect(xml).toContain(`<cbc:PayableAmount currencyID="SEK">${inv.gross}</cbc:PayableAmount>`);
    }
    expect(documents.map((d) => d.xml.includes('<CreditNote '))).toContain(true);
    await expectOfficiallyValid(documents);
  });

  it('a readable PDF with the figures', async () => {
    const tranemo = issued.find((i) => i.buyer.id === 'tranemo')!;
    const res = await t.http
      .get(`/api/v1/files/invoices/${tranemo.id}/pdf`)
      .set(t.auth(finance))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain(tranemo.number);
    expect(text).toContain('Tranemo kommun');
    expect(text).toContain('IT-samverkan 1000');
    expect(text).toContain('Utskriven 2025-04-02');
    // What Tranemo needs to book it: Ulricehamn's contact and its own responsibility codes per line.
    expect(text).toContain('Vår referens: Ekonomienheten, kundreskontra');
    expect(text).toContain('Ert ansvar 5000');
    const swedish = (s: string) => s.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(text.replace(/\u00a0/g, ' ')).toContain(swedish(tranemo.gross));
  });

  it('a spreadsheet whose sums equal the invoices', async () => {
    const res = await t.http
      .get('/api/v1/files/invoices?period=2025&format=xlsx')
      .set(t.auth(finance))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const grossCol = headers.findIndex((h) => /^Brutto/.test(h));
    expect(grossCol).toBeGreaterThan(0);
    let totalRow = 0;
    sheet.eachRow((row, n) => {
      if (String(row.getCell(1).value ?? '').startsWith('Summa')) totalRow = n;
    });
    expect(totalRow).toBeGreaterThan(1);
    const cell = sheet.getRow(totalRow).getCell(grossCol).value as { result?: number } | number;
    const cached = typeof cell === 'number' ? cell : cell.result!;
    const expected = issued.reduce(
      (s, i) => s + (i.kind === 'credit-note' ? -ore(i.gross) : ore(i.gross)),
      0n,
    );
    expect(BigInt(Math.round(cached * 100))).toBe(expected);
    const csv = await t.http
      .get('/api/v1/files/internal-charges?period=2025-Q1&format=csv')
      .set(t.auth(finance))
      .expect(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('Skapad');
  });

  it('a draft has no Peppol file and a scoped token cannot fetch another municipality’s', async () => {
    const scoped = await t.token('finance', 'tranemo');
    const bolag = issued.find((i) => i.buyer.id === 'bolag-ue')!;
    const hidden = await t.http.get(`/api/v1/files/invoices/${bolag.id}/pdf`).set(t.auth(scoped));
    expect(hidden.status).toBe(404);
  });
});
