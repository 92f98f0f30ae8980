import { startTestApp, TestApp } from '../support/test-app';
import { INVOICING_ACTUAL, storeApprovedActual, storeApprovedModel } from './support';

describe('final settlement after year end (DOMAIN.md 5.6)', () => {
  let t: TestApp;
  let finance: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-01-20T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    // Approved by IT-styrgruppen: the settlement rests on that decision.
    await storeApprovedActual(t.dataSource, INVOICING_ACTUAL);
    finance = await t.token('finance');
    for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']) {
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: q }).expect(201);
    }
  });
  afterAll(async () => t.close());

  it('settles each consumer against its actual share, exact to the öre, once', async () => {
    const res = await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-01' })
      .expect(201);
    const byConsumer = Object.fromEntries(
      res.body.lines.map((l: { consumerId: string }) => [l.consumerId, l]),
    );
    // Charged over four quarters = the budget share; actual from the actual model.
    expect(byConsumer['tra-oms']).toMatchObject({
      charged: '333333.34',
      actual: '345000.00',
      difference: '11666.66',
      kind: 'final-charge',
      booked: 'invoice',
    });
    expect(byConsumer['tra-utb']).toMatchObject({
      charged: '333333.33',
      actual: '345000.00',
      difference: '11666.67',
      booked: 'invoice',
    });
    expect(byConsumer['ulr-bou']).toMatchObject({
      charged: '400000.00',
      actual: '420000.00',
      difference: '20000.00',
      booked: 'internal-charge',
    });
    expect(byConsumer['ulr-ks']).toMatchObject({ charged: '0.00', actual: '240000.00', booked: 'report' });

    const tranemo = (await t.http.get('/api/v1/invoices?period=2026-01&buyerId=tranemo').set(t.auth(finance)))
      .body.items[0];
    expect(tranemo).toMatchObject({ net: '23333.33', vat: '5833.33', gross: '29166.66' });

    const again = await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-01' })
      .expect(201);
    expect(
      again.body.lines.filter(
        (l: { booked: string }) => l.booked === 'invoice' || l.booked === 'internal-charge',
      ),
    ).toEqual([]);
    const internal = await t.http
      .get('/api/v1/reports/internal-charges?period=2026-01')
      .set(t.auth(finance))
      .expect(200);
    expect(internal.body.total).toBe('20000.00');
  });

  it('refuses to book a settlement inside the year it settles', async () => {
    const res = await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2025-12' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('SETTLEMENT_TOO_EARLY');
  });
});
