import {
  AuditEntryEntity,
  CostModelVersionEntity,
  InternalChargeEntity,
  InvoiceEntity,
} from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import { INVOICING_ACTUAL, storeApprovedModel } from './support';

describe('the settlement rests on an actual model approved by IT-styrgruppen (DOMAIN.md 5.5)', () => {
  let t: TestApp;
  let finance: string;
  let actualId: string;

  const written = async () => ({
    invoices: await t.dataSource.getRepository(InvoiceEntity).countBy({ period: '2026-01' }),
    internal: await t.dataSource.getRepository(InternalChargeEntity).countBy({ period: '2026-01' }),
    audits: await t.dataSource.getRepository(AuditEntryEntity).countBy({ action: 'settle' }),
  });

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-01-20T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    for (const q of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
      await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: q }).expect(201);
    const created = await t.http
      .post('/api/v1/cost-models')
      .set(t.auth())
      .send({ kind: 'actual', document: INVOICING_ACTUAL })
      .expect(201);
    actualId = created.body.id;
  });
  afterAll(async () => t.close());

  it('refuses to settle from draft actual models (the demo draft and ours), writing nothing', async () => {
    const drafts = await t.dataSource
      .getRepository(CostModelVersionEntity)
      .countBy({ year: 2025, kind: 'actual', status: 'draft' });
    expect(drafts).toBe(2);
    const before = await written();
    const res = await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-01' });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('ACTUAL_MODEL_NOT_APPROVED');
    expect(res.body.message).toBe(
      'Utfallsmodellen för 2025 är inte godkänd av IT-styrgruppen; slutavräkningen görs bara från en godkänd utfallsmodell',
    );
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['year']);
    expect(await written()).toEqual(before);
  });

  it('settles from the approved actual model and cites its decision on every line', async () => {
    const styrgrupp = await t.token('styrgrupp');
    await t.http
      .post(`/api/v1/cost-models/${actualId}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision: { date: '2026-01-15', paragraph: '3', subject: 'Utfall 2025 för slutavräkning' } })
      .expect(200);
    const res = await t.http
      .post('/api/v1/invoice-runs/settlement')
      .set(t.auth(finance))
      .send({ year: 2025, period: '2026-01' })
      .expect(201);
    expect(res.body.actualModel).toMatchObject({ id: actualId, status: 'approved' });
    expect(res.body.decision).toMatchObject({
      forum: 'styrgrupp',
      date: '2026-01-15',
      paragraph: '§ 3',
      reference: 'IT-styrgruppen 2026-01-15 § 3',
    });
    // Tranemo's units: charged their budget share (333 333.34 and 333 333.33), actual 345 000.00
    // each (150 devices × 2 100.00 + 1 user × 30 000.00): differences 11 666.66 and 11 666.67.
    const tranemo = (await t.http.get('/api/v1/invoices?period=2026-01&buyerId=tranemo').set(t.auth(finance)))
      .body.items[0];
    const settlementLines = tranemo.lines.filter((l: { source: string }) => l.source === 'settlement');
    expect(settlementLines.map((l: { net: string }) => l.net).sort()).toEqual(['11666.66', '11666.67']);
    for (const line of settlementLines)
      expect(line.description).toMatch(/\(beslut IT-styrgruppen 2026-01-15 § 3\)$/);
    // BoU is charged internally: 420 000.00 actual − 400 000.00 charged = 20 000.00.
    const internal = await t.dataSource
      .getRepository(InternalChargeEntity)
      .findBy({ period: '2026-01', source: 'settlement' });
    expect(internal.map((c) => [c.unitId, c.amount.toString()])).toEqual([['ulr-bou', '20000.00']]);
    expect(internal[0].description).toMatch(/\(beslut IT-styrgruppen 2026-01-15 § 3\)$/);
  });
});
