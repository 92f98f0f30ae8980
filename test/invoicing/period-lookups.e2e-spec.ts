import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from './support';

type Doc = { id: string; number: string; buyer: { id: string } };

/**
 * DOMAIN.md 7: used to look things up, a period holds everything whose period lies inside it;
 * asking for a month of a party billed by quarter says so rather than answering with nothing.
 */
describe('lists, reports and files by period: the year holds its quarters, a month says where', () => {
  let t: TestApp;
  let finance: string;
  let q1: Doc[];
  const get = async (path: string) => (await t.http.get(path).set(t.auth(finance)).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    for (const d of (await get('/api/v1/invoices?period=2025-Q1&status=draft')).items as Doc[])
      await t.http.post(`/api/v1/invoices/${d.id}/issue`).set(t.auth(finance)).send({}).expect(200);
    q1 = (await get('/api/v1/invoices?period=2025-Q1')).items;
  });
  afterAll(async () => t.close());

  it('invoices?period=2025 holds the quarter’s invoices; 2025-03 holds none and names 2025-Q1', async () => {
    expect(q1.length).toBeGreaterThan(1);
    const year = await get('/api/v1/invoices?period=2025');
    expect(year.items.map((d: Doc) => d.number)).toEqual(q1.map((d) => d.number));
    expect(year.notes).toEqual([]);
    const march = await get('/api/v1/invoices?period=2025-03');
    expect(march.items).toEqual([]);
    expect(march.notes).toHaveLength(q1.length);
    expect(march.notes).toContain(
      'Fakturor för Tranemo kommun avser kvartal 2025-Q1, som omfattar men är längre än 2025-03 (1 st); fråga efter 2025-Q1',
    );
    // A quarter that lies in no longer billed period of these buyers is answered without notes.
    expect((await get('/api/v1/invoices?period=2025-Q1')).notes).toEqual([]);
    expect((await get('/api/v1/invoices?period=2026')).items).toEqual([]);
  });

  it('internal charges and the appropriation report answer for the whole year', async () => {
    const year = await get('/api/v1/reports/internal-charges?period=2025');
    const quarter = await get('/api/v1/reports/internal-charges?period=2025-Q1');
    expect(year.total).toBe(quarter.total);
    expect(year.charges.length).toBe(quarter.charges.length);
    // BoU's share: 200 devices × 2 000.00 = 400 000.00 a year, 100 000.00 in Q1 (the only quarter run).
    expect(
      year.charges
        .filter(
          (c: { source: string; unitId: string }) => c.source === 'cost-share' && c.unitId === 'ulr-bou',
        )
        .map((c: { amount: string }) => c.amount),
    ).toEqual(['100000.00']);
    const february = await get('/api/v1/reports/internal-charges?period=2025-02');
    expect(february.charges).toEqual([]);
    expect(february.notes).toEqual([
      `Interndebiteringar för Ulricehamns kommun avser kvartal 2025-Q1, som omfattar men är längre än 2025-02 (${quarter.charges.length} st); fråga efter 2025-Q1`,
    ]);
    // KS on appropriation: 100 devices × 2 000.00 = 200 000.00 for arbetsplats in the year.
    const appropriation = await get('/api/v1/reports/appropriation?period=2025');
    expect(
      appropriation.rows.find(
        (r: { unitId: string; serviceId: string }) => r.unitId === 'ulr-ks' && r.serviceId === 'arbetsplats',
      ).amount,
    ).toBe('200000.00');
  });

  it('the invoice and internal-charge files of 2025 hold the quarter’s documents', async () => {
    const csv = (
      await t.http.get('/api/v1/files/invoices?period=2025&format=csv').set(t.auth(finance)).expect(200)
    ).text;
    for (const d of q1) expect(csv).toContain(d.number);
    const march = (
      await t.http.get('/api/v1/files/invoices?period=2025-03&format=csv').set(t.auth(finance)).expect(200)
    ).text;
    for (const d of q1) expect(march).not.toContain(d.number);
    const charges = (
      await t.http
        .get('/api/v1/files/internal-charges?period=2025&format=csv')
        .set(t.auth(finance))
        .expect(200)
    ).text;
    expect(charges).toContain('2025-Q1');
  });
});
