import { expectOfficiallyValid } from '../support/peppol-official';
import { startTestApp, TestApp } from '../support/test-app';
import { downloadPeppol } from '../support/finance-files';
import { INVOICING_MODEL, storeApprovedActual, storeApprovedModel } from './support';

type Line = { id: string; source: string; quantity: string; unitPrice: string; net: string };
type Invoice = {
  id: string;
  kind: string;
  number: string;
  buyer: { id: string };
  net: string;
  vat: string;
  gross: string;
  lines: Line[];
};

const ore = (x: string) => BigInt(x.replace('.', ''));

/** Negative amounts are a negative quantity × a positive unit price everywhere (DOMAIN.md 7). */
describe('a reduction on a draft: exported, validated and credited in full', () => {
  let t: TestApp;
  let finance: string;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
  });
  afterAll(async () => t.close());

  it('issues an invoice with a −2 × 950.00 line, which passes Peppol and is credited in full', async () => {
    const list = await t.http.get('/api/v1/invoices?period=2025-Q1&buyerId=tranemo').set(t.auth(finance));
    const draft: Invoice = list.body.items[0];
    const line = draft.lines.find((l) => l.source === 'cost-share')!;
    // The line 75 000.00 becomes −2 × 950.00 = −1 900.00: the invoice's net drops by 76 900.00.
    const edited: Invoice = (
      await t.http
        .patch(`/api/v1/invoices/${draft.id}/lines/${line.id}`)
        .set(t.auth(finance))
        .send({ quantity: '-2', unitPrice: '950.00', description: 'Avdrag: 2 timmar' })
        .expect(200)
    ).body;
    expect(ore(edited.net)).toBe(ore(draft.net) - ore(line.net) - 190_000n);
    const issued: Invoice = (
      await t.http.post(`/api/v1/invoices/${draft.id}/issue`).set(t.auth(finance)).expect(200)
    ).body;
    expect(issued.kind).toBe('invoice');
    const invoiceDoc = await downloadPeppol(t, finance, issued);
    const invoiceXml = invoiceDoc.xml;
    expect(invoiceXml).toContain('<cbc:InvoicedQuantity unitCode="C62">-2</cbc:InvoicedQuantity>');
    expect(invoiceXml).toContain('<cbc:PriceAmount currencyID="SEK">950.00</cbc:PriceAmount>');

    // Crediting all that remains takes the negative line back too: the note equals the invoice.
    const note: Invoice = (
      await t.http
        .post(`/api/v1/invoices/${draft.id}/credit`)
        .set(t.auth(finance))
        .send({ reason: 'Fel underlag' })
        .expect(201)
    ).body;
    expect([note.net, note.vat, note.gross]).toEqual([issued.net, issued.vat, issued.gross]);
    const credited = note.lines.find((l) => l.net.startsWith('-'))!;
    expect([credited.quantity, credited.unitPrice, credited.net]).toEqual(['-2', '950.00', '-1900.00']);
    const again = await t.http
      .post(`/api/v1/invoices/${draft.id}/credit`)
      .set(t.auth(finance))
      .send({ reason: 'En gång till' });
    expect(again.status).toBe(400);
    await expectOfficiallyValid([invoiceDoc, await downloadPeppol(t, finance, note)]);
  });
});

/** The 2025 actual is lower: arbetsplats 1 140 000.00 (1 900.00 a device), servicedesk 90 000.00 (30 000.00 a user). */
const LOWER_ACTUAL = {
  ...INVOICING_MODEL,
  name: 'Fakturatest 2025, utfall (lägre)',
  pools: [
    { id: 'p1', name: 'Arbetsplats', amount: '1140000.00', to: { arbetsplats: 1 } },
    { id: 'p2', name: 'Servicedesk', amount: '90000.00', to: { servicedesk: 1 } },
  ],
};

describe('a final settlement in the buyer’s favour', () => {
  let t: TestApp;
  let finance: string;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-01-20T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    await storeApprovedActual(t.dataSource, LOWER_ACTUAL);
    finance = await t.token('finance');
    for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: q }).expect(201);
  });
  afterAll(async () => t.close());

  it('writes the credits as −1 × a positive price and issues them as a valid credit note', async () => {
    const q4 = (await t.http.get('/api/v1/invoices?period=2025-Q4&buyerId=tranemo').set(t.auth(finance))).body
      .items[0];
    await t.http.post(`/api/v1/invoices/${q4.id}/issue`).set(t.auth(finance)).expect(200);
    await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-01' })
      .expect(201);
    // tra-oms: actual 150 × 1 900.00 + 30 000.00 = 315 000.00, charged 300 000.00 + 33 333.34 → −18 333.34.
    // tra-utb: 315 000.00 − (300 000.00 + 33 333.33) = −18 333.33.
    const draft: Invoice = (
      await t.http.get('/api/v1/invoices?period=2026-01&buyerId=tranemo').set(t.auth(finance))
    ).body.items[0];
    expect(draft.lines.map((l) => [l.quantity, l.unitPrice, l.net])).toEqual([
      ['-1', '18333.34', '-18333.34'],
      ['-1', '18333.33', '-18333.33'],
    ]);
    expect(draft.net).toBe('-36666.67');
    // Issued as a credit note with positive amounts: VAT 36 666.67 × 0.25 = 9 166.6675 → 9 166.67.
    const note: Invoice = (
      await t.http.post(`/api/v1/invoices/${draft.id}/issue`).set(t.auth(finance)).expect(200)
    ).body;
    expect(note).toMatchObject({ kind: 'credit-note', net: '36666.67', vat: '9166.67', gross: '45833.34' });
    expect(note.lines.map((l) => [l.quantity, l.unitPrice, l.net])).toEqual([
      ['1', '18333.34', '18333.34'],
      ['1', '18333.33', '18333.33'],
    ]);
    await expectOfficiallyValid([await downloadPeppol(t, finance, note)]);
  });
});
