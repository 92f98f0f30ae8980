import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from '../invoicing/support';

type Invoice = { id: string; buyer: { id: string }; net: string; buyerReference: string; lines: Line[] };
type Line = { id: string; description: string; net: string };

/**
 * Repeated reads are answered from a short per-process cache (result-cache.ts, the @CachedRead
 * routes): a write in this process must show on the very next read, and a principal must never
 * get an answer computed for another.
 */
describe('cached reads: invalidated by every write, kept apart per principal', () => {
  let t: TestApp;
  let finance: string;
  let invoices: Invoice[];
  /** SELECTs on the invoice tables since the last reset: none means the answer came from the cache. */
  let invoiceSelects = 0;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    invoices = (await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(finance)).expect(200)).body
      .items;
    t.dataSource.subscribers.push({
      afterQuery: (event: AfterQueryEvent) => {
        if (/^\s*SELECT\b[\s\S]*\bFROM\s+[`"]invoice(_line)?[`"]/i.test(event.query)) invoiceSelects++;
      },
    });
  });
  afterAll(async () => t.close());

  const tranemo = () => invoices.find((i) => i.buyer.id === 'tranemo')!;
  const get = (path: string, token = finance) => t.http.get(path).set(t.auth(token)).expect(200);

  it('answers a repeated read without asking the database again', async () => {
    await get(`/api/v1/invoices/${tranemo().id}`);
    invoiceSelects = 0;
    const again = await get(`/api/v1/invoices/${tranemo().id}`);
    expect(invoiceSelects).toBe(0);
    expect(again.body.id).toBe(tranemo().id);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('shows a change made through the API on the next read', async () => {
    const id = tranemo().id;
    const line = (await get(`/api/v1/invoices/${id}`)).body.lines[0] as Line;
    await get(`/api/v1/invoices?period=2025-Q1`);
    // 2 × 950.00 = 1 900.00 replaces the line's net; the invoice's net changes by the difference.
    await t.http
      .patch(`/api/v1/invoices/${id}/lines/${line.id}`)
      .set(t.auth(finance))
      .send({ quantity: '2', unitPrice: '950.00', description: 'Justerad rad' })
      .expect(200);
    const read = (await get(`/api/v1/invoices/${id}`)).body as Invoice;
    expect(read.lines.find((l) => l.id === line.id)).toMatchObject({
      description: 'Justerad rad',
      net: '1900.00',
    });
    const ore = (x: string) => BigInt(x.replace('.', ''));
    expect(ore(read.net)).toBe(ore(tranemo().net) - ore(line.net) + 190_000n);
    const listed = (await get(`/api/v1/invoices?period=2025-Q1`)).body.items as Invoice[];
    expect(listed.find((i) => i.id === id)!.net).toBe(read.net);
  });

  it('shows a write on the next read of an invoice’s audit log and of a model’s split runs', async () => {
    const id = tranemo().id;
    const audit = `/api/v1/audit?entityType=invoice&entityId=${id}`;
    const logged = (await get(audit, ADMIN_TOKEN)).body.items.length as number;
    const line = (await get(`/api/v1/invoices/${id}`)).body.lines[0] as Line;
    await t.http
      .patch(`/api/v1/invoices/${id}/lines/${line.id}`)
      .set(t.auth(finance))
      .send({ description: 'Loggad rad' })
      .expect(200);
    expect((await get(audit, ADMIN_TOKEN)).body.items.length).toBe(logged + 1);

    const model = (await get('/api/v1/cost-models', ADMIN_TOKEN)).body.items[0].id as string;
    const splits = `/api/v1/cost-models/${model}/splits`;
    const runs = (await get(splits, ADMIN_TOKEN)).body.items.length as number;
    await t.http.post(splits).set(t.auth(ADMIN_TOKEN)).send({}).expect(201);
    expect((await get(splits, ADMIN_TOKEN)).body.items.length).toBe(runs + 1);
  });

  it('shows a statement run on the data source outside any use case on the next read', async () => {
    const id = tranemo().id;
    await get(`/api/v1/invoices/${id}`);
    await t.dataSource.query('UPDATE invoice SET buyer_reference = ? WHERE id = ?', [
      'Ref ändrad direkt',
      id,
    ]);
    expect((await get(`/api/v1/invoices/${id}`)).body.buyerReference).toBe('Ref ändrad direkt');
  });

  it('never gives a scoped principal an answer computed for another principal', async () => {
    const all = (await get('/api/v1/invoices?period=2025-Q1')).body.items as Invoice[];
    expect(all.map((i) => i.buyer.id).sort()).toEqual(['bolag-ue', 'lonenamnd', 'tranemo']);
    const tranemoFinance = await t.token('finance', 'tranemo');
    const own = (await get('/api/v1/invoices?period=2025-Q1', tranemoFinance)).body.items as Invoice[];
    expect(own.map((i) => i.buyer.id)).toEqual(['tranemo']);
    // The bolag's invoice was just read (and cached) by the unscoped token; Tranemo may not see it.
    const bolag = all.find((i) => i.buyer.id === 'bolag-ue')!;
    await get(`/api/v1/invoices/${bolag.id}`);
    await t.http.get(`/api/v1/invoices/${bolag.id}`).set(t.auth(tranemoFinance)).expect(404);
    // …and Tranemo's own answer, cached for Tranemo, is not what the unscoped token gets either.
    expect(((await get('/api/v1/invoices?period=2025-Q1')).body.items as Invoice[]).length).toBe(3);
  });

  it('refuses a token revoked after its reads were cached, on the next request', async () => {
    const token = await t.token('readonly');
    for (let i = 0; i < 2; i++) await get('/api/v1/invoices?period=2025-Q1', token);
    const listed = await t.http.get('/api/v1/tokens').set(t.auth()).expect(200);
    const id = (listed.body.items ?? listed.body).find(
      (x: { name: string }) => x.name === 'test-readonly',
    ).id;
    await t.http.post(`/api/v1/tokens/${id}/revoke`).set(t.auth()).expect(200);
    await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(token)).expect(401);
  });
});
