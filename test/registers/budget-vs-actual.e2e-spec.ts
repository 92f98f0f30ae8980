import { randomUUID } from 'node:crypto';
import {
  CostModelVersionEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
} from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import {
  INVOICING_ACTUAL,
  INVOICING_MODEL,
  storeApprovedActual,
  storeApprovedModel,
} from '../invoicing/support';

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

/**
 * Charged and settled by hand, on the small model of test/invoicing/support.ts (approved later than the
 * demo's, so the year's runs use it). Budget 2025: arbetsplats 1 200 000.00 over 600 devices (2 000.00
 * each): ulr-ks 100 → 200 000.00, ulr-bou 200 → 400 000.00, tra-oms 150 → 300 000.00, tra-utb 150 →
 * 300 000.00; servicedesk 100 000.01 over 3 users: 3 333 333.67 öre each, floors 3 333 333 × 3, the 2 öre
 * left (ties) to the first listed: ulr-ks 33 333.34, tra-oms 33 333.34, tra-utb 33 333.33. Yearly:
 * ulr-ks 233 333.34, ulr-bou 400 000.00, tra-oms 333 333.34, tra-utb 333 333.33 (bolag-ue 0.00),
 * total 1 300 000.01. Charged: the four quarters run and Tranemo's invoices issued — each consumer's
 * quarters add up to its yearly amount (5.6), so charged = its budget; but ulr-ks is funded by
 * appropriation in the demo (no charge is sent, DOMAIN.md 7): charged 0.00, and in total
 * 400 000.00 + 333 333.34 + 333 333.33 = 1 066 666.67.
 * Actual 2025: arbetsplats 1 260 000.00 (2 100.00 a device), servicedesk 90 000.00 (30 000.00 a user):
 * ulr-ks 210 000.00 + 30 000.00 = 240 000.00, ulr-bou 420 000.00, tra-oms 315 000.00 + 30 000.00 =
 * 345 000.00, tra-utb 345 000.00; total 1 350 000.00. Settled (final settlement in 2026-01, actual −
 * charged, for the charged consumers only): ulr-bou 420 000.00 − 400 000.00 = 20 000.00, tra-oms
 * 345 000.00 − 333 333.34 = 11 666.66, tra-utb 345 000.00 − 333 333.33 = 11 666.67; ulr-ks 0.00
 * (appropriation); total 43 333.33.
 * 2027: the same model approved as that year's budget and no actual model yet: the budget as 2025's,
 * actual null everywhere (not 0.00), nothing charged or settled yet (null, not 0.00).
 * 2028: the actual of 2025 as a draft actual model and no budget model: budget null everywhere (no
 * budget, not 0.00), actual as 2025's: ulr-ks 100 devices × 2 100.00 + 30 000.00 = 240 000.00, ulr-bou
 * 200 × 2 100.00 = 420 000.00 (servicedesk 0.00), tra-oms 150 × 2 100.00 + 30 000.00 = 345 000.00, tra-utb
 * 345 000.00, bolag-ue 0.00; Ulricehamn 660 000.00, Tranemo 690 000.00, in total 1 350 000.00.
 */
describe('Budget against actual: charged and settled worked out by hand', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-01-20T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    await storeApprovedActual(t.dataSource, INVOICING_ACTUAL);
    const finance = await t.token('finance');
    const issueAll = async (period: string) => {
      const drafts = await t.http.get(`/api/v1/invoices?period=${period}&status=draft`).set(t.auth(finance));
      for (const inv of drafts.body.items)
        await t.http.post(`/api/v1/invoices/${inv.id}/issue`).set(t.auth(finance)).send({}).expect(200);
    };
    for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']) {
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: q }).expect(201);
      await issueAll(q);
    }
    await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-01' })
      .expect(201);
    await issueAll('2026-01');
    // a later year's model alone, stored as it stands (the report reads the stored versions)
    const storeAlone = (name: string, kind: 'budget' | 'actual', document: object, year: number) =>
      t.dataSource.getRepository(CostModelVersionEntity).insert({
        id: randomUUID(),
        name,
        year,
        kind,
        status: kind === 'budget' ? 'approved' : 'draft',
        document: { ...document, name, year },
        documentHash: String(year % 10).repeat(64),
        decisionId: null,
        approvedAt: kind === 'budget' ? new Date('2026-01-18T00:00:00Z') : null,
        createdAt: new Date('2026-01-17T00:00:00Z'),
        updatedAt: new Date('2026-01-18T00:00:00Z'),
      });
    await storeAlone('Fakturatest 2027, budget', 'budget', INVOICING_MODEL, 2027);
    await storeAlone('Fakturatest 2028, utfall', 'actual', INVOICING_ACTUAL, 2028);
  });
  afterAll(() => t.close());

  /** One year of the report as the tjänstefiering group reads it. */
  const yearOf = async (year: number) => {
    const res = await t.http
      .get('/api/v1/reports/budget-vs-actual')
      .set(t.auth(await t.token('tjanstefiering')));
    expect(res.status).toBe(200);
    return res.body.years.find((y: { year: number }) => y.year === year);
  };

  it('per consumer and in total: budget, actual, charged and settled', async () => {
    const y2025 = await yearOf(2025);
    expect(y2025.total).toMatchObject({
      budget: '1300000.01',
      actual: '1350000.00',
      charged: '1066666.67',
      settled: '43333.33',
    });
    type Row = { id: string; budget: string; actual: string; charged: string; settled: string };
    expect(y2025.consumers.map((c: Row) => [c.id, c.budget, c.actual, c.charged, c.settled])).toEqual([
      ['ulr-ks', '233333.34', '240000.00', '0.00', '0.00'],
      ['ulr-bou', '400000.00', '420000.00', '400000.00', '20000.00'],
      ['tra-oms', '333333.34', '345000.00', '333333.34', '11666.66'],
      ['tra-utb', '333333.33', '345000.00', '333333.33', '11666.67'],
      ['bolag-ue', '0.00', '0.00', '0.00', '0.00'],
    ]);
  });

  it('a year without an actual model answers actual null (not yet known), and an actual of nothing 0.00; nothing charged yet null', async () => {
    const y2027 = await yearOf(2027);
    expect([y2027.budgetModel?.name, y2027.actualModel]).toEqual(['Fakturatest 2027, budget', null]);
    expect(y2027.total).toEqual({ budget: '1300000.01', actual: null, charged: null, settled: null });
    type Row = { id: string; budget: string; actual: string | null; charged: string; settled: string };
    expect(y2027.consumers.map((c: Row) => [c.id, c.budget, c.actual, c.charged, c.settled])).toEqual([
      ['ulr-ks', '233333.34', null, null, null],
      ['ulr-bou', '400000.00', null, null, null],
      ['tra-oms', '333333.34', null, null, null],
      ['tra-utb', '333333.33', null, null, null],
      ['bolag-ue', '0.00', null, null, null],
    ]);
    expect(y2027.consumers[1].services).toEqual([
      { id: 'arbetsplats', budget: '400000.00', actual: null, charged: null, settled: null },
      { id: 'servicedesk', budget: '0.00', actual: null, charged: null, settled: null },
    ]);
    expect(y2027.services.map((s: Row) => [s.id, s.budget, s.actual])).toEqual([
      ['arbetsplats', '1200000.00', null],
      ['servicedesk', '100000.01', null],
    ]);
    expect(y2027.municipalities.map((m: Row) => [m.id, m.budget, m.actual])).toEqual([
      ['ulricehamn', '633333.34', null],
      ['tranemo', '666666.67', null],
    ]);
    // 2025 has its actual model: bolag-ue, with no devices or users, has an actual of 0.00, not null; and
    // 2025 has charges and a settlement: bolag-ue, with neither of its own, has charged and settled 0.00
    const y2025 = await yearOf(2025);
    const bolag = y2025.consumers.find((c: Row) => c.id === 'bolag-ue');
    expect([bolag.actual, bolag.charged, bolag.settled]).toEqual(['0.00', '0.00', '0.00']);
    // and the OpenAPI document says so
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const year =
      doc.paths['/api/v1/reports/budget-vs-actual'].get.responses['200'].content['application/json'].schema
        .properties.years.items;
    expect(year.properties.total.properties.actual).toMatchObject({ type: 'string', nullable: true });
    expect(year.properties.total.properties.actual.description).toMatch(
      /null när året ännu saknar utfallsmodell/,
    );
  });

  it('a year with an actual model but no budget model answers budget null (no budget), and a budget of nothing 0.00', async () => {
    const y2028 = await yearOf(2028);
    expect([y2028.budgetModel, y2028.actualModel]).toEqual([
      null,
      { id: expect.any(String), name: 'Fakturatest 2028, utfall', status: 'draft' },
    ]);
    expect(y2028.total).toEqual({ budget: null, actual: '1350000.00', charged: null, settled: null });
    type Row = { id: string; budget: string | null; actual: string; charged: string; settled: string };
    expect(y2028.consumers.map((c: Row) => [c.id, c.budget, c.actual, c.charged, c.settled])).toEqual([
      ['ulr-ks', null, '240000.00', null, null],
      ['ulr-bou', null, '420000.00', null, null],
      ['tra-oms', null, '345000.00', null, null],
      ['tra-utb', null, '345000.00', null, null],
      ['bolag-ue', null, '0.00', null, null],
    ]);
    expect(y2028.consumers[1].services).toEqual([
      { id: 'arbetsplats', budget: null, actual: '420000.00', charged: null, settled: null },
      { id: 'servicedesk', budget: null, actual: '0.00', charged: null, settled: null },
    ]);
    expect(y2028.services).toEqual([
      { id: 'arbetsplats', budget: null, actual: '1260000.00', charged: null, settled: null },
      { id: 'servicedesk', budget: null, actual: '90000.00', charged: null, settled: null },
    ]);
    expect(y2028.municipalities).toEqual([
      { id: 'ulricehamn', budget: null, actual: '660000.00', charged: null, settled: null },
      { id: 'tranemo', budget: null, actual: '690000.00', charged: null, settled: null },
    ]);
    // 2027's budget model gives bolag-ue nothing: a budget of 0.00, not null (above); and the OpenAPI
    // document says what each null means
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const total =
      doc.paths['/api/v1/reports/budget-vs-actual'].get.responses['200'].content['application/json'].schema
        .properties.years.items.properties.total.properties;
    expect(total.budget).toMatchObject({ type: 'string', nullable: true });
    expect(total.budget.description).toMatch(/null när året saknar budgetmodell/);
    expect(total.charged.description).toMatch(/när inget ännu har debiterats för året/);
    expect(total.settled.description).toMatch(/när ingen slutavräkning för året ännu är bokförd/);
  });
});
