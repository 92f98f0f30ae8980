import { startTestApp, TestApp } from '../support/test-app';

type Line = {
  source: string;
  consumerId: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  net: string;
};

describe('reported hours on additional development work become invoice lines once (DOMAIN.md 8.2)', () => {
  let t: TestApp;
  let finance: string;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    finance = await t.token('finance');
  });
  afterAll(async () => t.close());

  it('bills the partner’s additional hours on its invoice and the host unit’s as internal charges, at 950.00 an hour', async () => {
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    const tranemo = (await t.http.get('/api/v1/invoices?period=2025-Q1&buyerId=tranemo').set(t.auth(finance)))
      .body.items[0];
    const development = (tranemo.lines as Line[]).filter((l) => l.source === 'development');
    // tra-oms reported 4 h in 2025-03: 4 × 950.00 = 3 800.00.
    expect(development.map((l) => [l.consumerId, l.quantity, l.unit, l.unitPrice, l.net])).toEqual([
      ['tra-oms', '4', 'HUR', '950.00', '3800.00'],
    ]);

    const internal = await t.http
      .get('/api/v1/reports/internal-charges?period=2025-Q1')
      .set(t.auth(finance))
      .expect(200);
    const hours = internal.body.charges.filter((c: { source: string }) => c.source === 'development');
    // ulr-bou: 6.5 h × 950.00 = 6 175.00 and 8 h × 950.00 = 7 600.00.
    expect(hours.map((c: { unitId: string; amount: string }) => [c.unitId, c.amount]).sort()).toEqual([
      ['ulr-bou', '6175.00'],
      ['ulr-bou', '7600.00'],
    ]);

    const again = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q1' })
      .expect(201);
    expect(again.body.addedLines).toBe(0);
    expect(again.body.addedInternalCharges).toBe(0);
    const after = (await t.http.get(`/api/v1/invoices/${tranemo.id}`).set(t.auth(finance))).body;
    expect((after.lines as Line[]).filter((l) => l.source === 'development')).toHaveLength(1);
  });
});

describe('IT-forum utveckling carries a request from received to billed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-05-20T08:00:00Z') });
  });
  afterAll(async () => t.close());

  it('received → prioritised → decided (by a decision) → in progress → hours → invoice line', async () => {
    const utveckling = await t.token('utveckling');
    const styrgrupp = await t.token('styrgrupp');
    const finance = await t.token('finance');
    const created = await t.http
      .post('/api/v1/utveckling/requests')
      .set(t.auth(utveckling))
      .send({
        unitId: 'tra-utb',
        title: 'Elevfrånvaro i appen',
        need: 'Vårdnadshavare vill anmäla frånvaro i mobilen',
        estimateHours: '12',
        funding: 'additional',
      })
      .expect(201);
    const id = created.body.id;
    await t.http
      .post(`/api/v1/utveckling/requests/${id}/status`)
      .set(t.auth(utveckling))
      .send({ status: 'prioritised' })
      .expect(200);
    const decision = await t.http
      .post('/api/v1/decisions')
      .set(t.auth(styrgrupp))
      .send({
        date: '2025-05-14',
        forum: 'styrgrupp',
        paragraph: '31',
        subject: 'Tilläggsuppdrag: elevfrånvaro i appen',
      })
      .expect(201);
    await t.http
      .post(`/api/v1/utveckling/requests/${id}/status`)
      .set(t.auth(utveckling))
      .send({ status: 'decided', decisionId: decision.body.id })
      .expect(200);
    await t.http
      .post(`/api/v1/utveckling/requests/${id}/status`)
      .set(t.auth(utveckling))
      .send({ status: 'in-progress' })
      .expect(200);
    await t.http
      .post(`/api/v1/utveckling/requests/${id}/hours`)
      .set(t.auth(utveckling))
      .send({ hours: '2.5', reportedOn: '2025-05-19', note: 'Prototyp' })
      .expect(201);

    const run = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q2' })
      .expect(201);
    expect(run.body.createdInvoices).toBeGreaterThan(0);
    const tranemo = (await t.http.get('/api/v1/invoices?period=2025-Q2&buyerId=tranemo').set(t.auth(finance)))
      .body.items[0];
    const lines = (tranemo.lines as Line[]).filter((l) => l.source === 'development');
    // 2.5 h × 950.00 = 2 375.00
    expect(lines.map((l) => [l.consumerId, l.quantity, l.net])).toEqual([['tra-utb', '2.5', '2375.00']]);
  });
});
