import { XMLParser } from 'fast-xml-parser';
import { readSie4 } from '@it-samverkan/files';
import { expectOfficiallyValid } from '../support/peppol-official';
import { binaryBody, downloadPeppol } from '../support/finance-files';
import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from '../invoicing/support';

type Line = { consumerId: string; responsibilityCode: string | null; net: string };
type Doc = {
  id: string;
  number: string;
  kind: string;
  buyer: { id: string };
  net: string;
  vat: string;
  gross: string;
  lines: Line[];
};

const ore = (s: string) => BigInt(s.replace('.', ''));

/** DOMAIN.md 7: the buyer municipality books what it receives, on its own responsibility codes. */
describe('Tranemo books what it receives from the cooperation', () => {
  let t: TestApp;
  let finance: string;
  let tranemo: string;
  let invoice: Doc;
  const purchases = (token: string, query: string) =>
    t.http.get(`/api/v1/files/sie/purchases?${query}`).set(t.auth(token)).buffer(true).parse(binaryBody);

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    tranemo = await t.token('finance', 'tranemo');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    const drafts = (await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(finance))).body
      .items as Doc[];
    for (const d of drafts)
      await t.http.post(`/api/v1/invoices/${d.id}/issue`).set(t.auth(finance)).send({}).expect(200);
    invoice = (await t.http.get('/api/v1/invoices?period=2025&buyerId=tranemo').set(t.auth(finance))).body
      .items[0];
  });
  afterAll(async () => t.close());

  it('the Peppol invoice carries Tranemo’s code on each line (BT-133) and Ulricehamn’s contact (BT-41..43)', async () => {
    const peppol = await downloadPeppol(t, finance, invoice);
    const xml = new XMLParser({
      removeNSPrefix: true,
      parseTagValue: false,
      isArray: (n) => n === 'InvoiceLine',
    }).parse(peppol.xml).Invoice;
    // Omsorg is 5000 and Utbildning 3000 in Tranemo's ledger (the demo organisation).
    expect(xml.InvoiceLine.map((l: { AccountingCost: string }) => l.AccountingCost)).toEqual(
      invoice.lines.map((l) => ({ 'tra-oms': '5000', 'tra-utb': '3000' })[l.consumerId]),
    );
    expect(xml.AccountingSupplierParty.Party.Contact).toEqual({
      Name: 'Ekonomienheten, kundreskontra',
      Telephone: '0321-100 00',
      ElectronicMail: 'kundfaktura@ulricehamn.example',
    });
    await expectOfficiallyValid([peppol]);
  });

  it('the CSV names the buyer’s responsibility code on every line', async () => {
    const csv = (
      await t.http.get('/api/v1/files/invoices?period=2025&format=csv').set(t.auth(tranemo)).expect(200)
    ).text;
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((r) => r.split(';'));
    const number = header.indexOf('Fakturanummer');
    const code = header.indexOf('Köparens ansvar');
    expect(code).toBeGreaterThan(0);
    expect(rows.filter((r) => r[number] === invoice.number).map((r) => r[code])).toEqual(
      invoice.lines.map((l) => l.responsibilityCode),
    );
  });

  it('a Tranemo-scoped token fetches Tranemo’s purchases as SIE: cost on its codes, VAT, payable to Ulricehamn', async () => {
    const res = await purchases(tranemo, 'period=2025').expect(200);
    expect(res.headers['content-disposition']).toContain('inkop-tranemo-2025.se');
    const sie = readSie4(res.body as Buffer);
    expect([sie.companyName, sie.orgNo]).toEqual(['Tranemo kommun', '212000-1538']);
    expect(sie.vouchers.map((v) => [v.series, v.text])).toEqual([
      ['L', `Leverantörsfaktura ${invoice.number} Ulricehamns kommun`],
    ]);
    const [voucher] = sie.vouchers;
    const on = (account: string) => voucher.transactions.filter((x) => x.account === account);
    const sum = (xs: { amount: { ore: bigint } }[]) => xs.reduce((s, x) => s + x.amount.ore, 0n);
    // Payable = −gross, cost = net per line on Tranemo's own code, input VAT = VAT; the voucher balances.
    expect(sum(on('2440'))).toBe(-ore(invoice.gross));
    expect(sum(on('6540'))).toBe(ore(invoice.net));
    expect(sum(on('2641'))).toBe(ore(invoice.vat));
    for (const code of ['5000', '3000'])
      expect(sum(on('6540').filter((x) => x.objects.some((o) => o.dimension === 1 && o.id === code)))).toBe(
        invoice.lines.filter((l) => l.responsibilityCode === code).reduce((s, l) => s + ore(l.net), 0n),
      );
    expect(on('6540').every((x) => x.objects.some((o) => o.dimension === 20 && o.id === '81-ULR'))).toBe(
      true,
    );
    // The same file for finance naming the buyer; nothing of what Ulricehamn sells to others.
    const unscoped = readSie4(
      (await purchases(finance, 'period=2025&buyer=tranemo').expect(200)).body as Buffer,
    );
    expect(unscoped.vouchers.map((v) => v.text)).toEqual(sie.vouchers.map((v) => v.text));
  });

  it('refuses another municipality’s purchases to a scoped token, and asks finance which buyer', async () => {
    const other = await purchases(tranemo, 'period=2025&buyer=ulricehamn');
    expect([other.status, JSON.parse(other.body.toString()).error]).toEqual([403, 'FORBIDDEN']);
    const missing = await purchases(finance, 'period=2025');
    expect([missing.status, JSON.parse(missing.body.toString()).details[0].path]).toEqual([400, 'buyer']);
    const unknown = await purchases(finance, 'period=2025&buyer=mark');
    expect(unknown.status).toBe(404);
  });
});
