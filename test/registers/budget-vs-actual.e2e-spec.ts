import { InternalChargeEntity, InvoiceEntity, InvoiceLineEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';

const ore = (s: string) => BigInt(s.replace('-', '').replace('.', '')) * (s.startsWith('-') ? -1n : 1n);

describe('Budget against actual, year over year, with charged figures under the invoice privacy rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    const finance = await t.token('finance', 'ulricehamn');
    expect(
      (await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' })).status,
    ).toBe(201);
    const drafts = await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth(finance));
    for (const inv of drafts.body.items) {
      const issued = await t.http.post(`/api/v1/invoices/${inv.id}/issue`).set(t.auth(finance)).send({});
      expect(issued.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('the host sees 2025: budget 26 300 000.00, actual 26 690 935.90 (the pools by hand), and every charge of Q1', async () => {
    const tjf = await t.token('tjanstefiering', 'ulricehamn');
    const res = await t.http.get('/api/v1/reports/budget-vs-actual').set(t.auth(tjf));
    expect(res.status).toBe(200);
    expect(res.body.chargedVisibleFor).toBe('all');
    const y2025 = res.body.years.find((y: any) => y.year === 2025);
    expect(y2025.total.budget).toBe('26300000.00');
    // 14 563 218.40 + 5 687 432.15 + 2 954 120.00 + 912 400.00 + 2 188 765.35 + 385 000.00
    expect(y2025.total.actual).toBe('26690935.90');
    expect(y2025.actualModel.status).toBe('draft');
    // Charged: the issued cost-share lines of 2025 and the internal charges, read straight from the tables.
    const lines = await t.dataSource.getRepository(InvoiceLineEntity).find();
    const issued = new Set(
      (await t.dataSource.getRepository(InvoiceEntity).findBy({ status: 'issued' })).map((i) => i.id),
    );
    const internal = await t.dataSource.getRepository(InternalChargeEntity).find();
    const expected =
      lines
        .filter((l) => issued.has(l.invoiceId) && l.sourceKey.startsWith('cost-share:2025'))
        .reduce((s, l) => s + l.net.ore, 0n) +
      internal
        .filter((c) => c.sourceKey.startsWith('cost-share:2025'))
        .reduce((s, c) => s + c.amount.ore, 0n);
    expect(expected).toBeGreaterThan(0n);
    expect(ore(y2025.total.charged)).toBe(expected);
    expect(y2025.consumers.reduce((s: bigint, c: any) => s + ore(c.charged), 0n)).toBe(expected);
    expect(y2025.municipalities.reduce((s: bigint, m: any) => s + ore(m.budget), 0n)).toBe(2630000000n);
  });

  it('Tranemo sees the shared budget and actual, and charged only for its own consumers', async () => {
    const partner = await t.token('finance', 'tranemo');
    const res = await t.http.get('/api/v1/reports/budget-vs-actual').set(t.auth(partner));
    expect(res.status).toBe(200);
    expect(res.body.chargedVisibleFor).toBe('tranemo');
    const y2025 = res.body.years.find((y: any) => y.year === 2025);
    expect(y2025.total.budget).toBe('26300000.00');
    for (const c of y2025.consumers) {
      if (c.municipality === 'tranemo') expect(c.charged).not.toBeNull();
      else expect([c.id, c.charged, c.settled]).toEqual([c.id, null, null]);
    }
    const own = y2025.consumers.filter((c: any) => c.municipality === 'tranemo');
    expect(ore(y2025.total.charged)).toBe(own.reduce((s: bigint, c: any) => s + ore(c.charged), 0n));
    const bolag = await t.token('finance', 'bolag-ue');
    expect((await t.http.get('/api/v1/reports/budget-vs-actual').set(t.auth(bolag))).status).toBe(403);
  });
});
