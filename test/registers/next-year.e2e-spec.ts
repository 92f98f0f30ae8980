import { AuditEntryEntity, CostModelVersionEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';

describe('Next year from this year: the 2026 budget drafted from the approved 2025 budget with indices', () => {
  let t: TestApp;
  let tjf: string;
  let budgetId: string;
  let actualId: string;
  let draftId: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    tjf = await t.token('tjanstefiering', 'ulricehamn');
    const list = await t.http.get('/api/v1/cost-models?year=2025').set(t.auth(tjf));
    budgetId = list.body.items.find((v: any) => v.kind === 'budget').id;
    actualId = list.body.items.find((v: any) => v.kind === 'actual').id;
  });
  afterAll(() => t.close());

  it('refuses bad indices (every one named), a draft as source (422), and the partner (403); nothing stored', async () => {
    const before = await t.dataSource.getRepository(CostModelVersionEntity).count();
    const bad = await t.http
      .post(`/api/v1/cost-models/${budgetId}/next-year`)
      .set(t.auth(tjf))
      .send({ indices: { personal: '3,5', okand: '1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path)).toEqual(['indices.personal', 'indices.okand']);
    const draft = await t.http
      .post(`/api/v1/cost-models/${actualId}/next-year`)
      .set(t.auth(tjf))
      .send({ indices: { personal: '3.5' } });
    expect(draft.status).toBe(422);
    expect(draft.body.error).toBe('COST_MODEL_NOT_APPROVED');
    const partner = await t.token('tjanstefiering', 'tranemo');
    const refused = await t.http
      .post(`/api/v1/cost-models/${budgetId}/next-year`)
      .set(t.auth(partner))
      .send({ indices: { personal: '3.5' } });
    expect(refused.status).toBe(403);
    expect(await t.dataSource.getRepository(CostModelVersionEntity).count()).toBe(before);
  });

  it('drafts 2026: personnel 14 200 000.00 +3.5 % = 14 697 000.00, licences 5 400 000.00 +6 % = 5 724 000.00, total +821 000.00 (+3.1 %)', async () => {
    const res = await t.http
      .post(`/api/v1/cost-models/${budgetId}/next-year`)
      .set(t.auth(tjf))
      .send({ indices: { personal: '3.5', licenser: '6' } });
    expect(res.status).toBe(201);
    draftId = res.body.version.id;
    expect(res.body.version).toMatchObject({
      name: 'Tjänstefiering 2026, budget',
      year: 2026,
      kind: 'budget',
      status: 'draft',
    });
    expect(res.body.against.id).toBe(budgetId);
    expect(res.body.indices).toEqual({ personal: '3.5', licenser: '6' });
    expect(res.body.changes.pools.map((p: any) => [p.id, p.last, p.next, p.change, p.percent])).toEqual([
      ['personal', '14200000.00', '14697000.00', '497000.00', '3.5'],
      ['licenser', '5400000.00', '5724000.00', '324000.00', '6.0'],
      ['hardvara', '3100000.00', '3100000.00', '0.00', '0.0'],
      ['lokaler', '900000.00', '900000.00', '0.00', '0.0'],
      ['externa', '2300000.00', '2300000.00', '0.00', '0.0'],
      ['samverkan', '400000.00', '400000.00', '0.00', '0.0'],
    ]);
    expect(res.body.changes.total).toMatchObject({
      last: '26300000.00',
      next: '27121000.00',
      change: '821000.00',
      percent: '3.1',
    });
    // The consumers' changes add up to the total's.
    const sum = res.body.changes.consumers.reduce(
      (s: bigint, c: any) => s + BigInt(c.change.replace('.', '')),
      0n,
    );
    expect(sum).toBe(82100000n);
    const stored = await t.dataSource.getRepository(CostModelVersionEntity).findOneByOrFail({ id: draftId });
    expect((stored.document as any).volumes.devices['ulr-bou']).toBe(2650);
    const audit = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findOneByOrFail({ action: 'draft-next-year' });
    expect((audit.after as any).basedOn).toBe(budgetId);
  });

  it('a fresh register replaces a driver in the draft, and the change table follows', async () => {
    const mapping = await t.http
      .post('/api/v1/register-mappings')
      .set(t.auth(tjf))
      .send({
        name: 'Kommunledningar',
        rules: [
          { match: { Enhet: 'KS' }, consumer: 'ulr-ks' },
          { match: { Enhet: 'KL' }, consumer: 'tra-kl' },
        ],
      });
    const res = await t.http
      .post(
        `/api/v1/cost-models/${draftId}/register-imports?driver=ports&kind=devices&asOf=2025-10-15&mapping=${mapping.body.id}`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send('Port;Enhet\n1;KS\n2;KS\n3;KL\n');
    expect(res.status).toBe(200);
    const changes = await t.http.get(`/api/v1/cost-models/${draftId}/changes`).set(t.auth(tjf));
    const natverk = changes.body.changes.services.find((s: any) => s.id === 'natverk');
    // All of natverk's cost now falls on 3 ports: its unit price is its total ÷ 3, half-up.
    const total = natverk.nextTotal as string;
    const [kr, ore] = total.split('.');
    const third = (BigInt(kr + ore) * 10n + 15n) / 30n; // half-up of total öre ÷ 3
    expect(BigInt(natverk.next.replace('.', ''))).toBe(third);
    const partner = await t.token('finance', 'tranemo');
    expect((await t.http.get(`/api/v1/cost-models/${draftId}/changes`).set(t.auth(partner))).status).toBe(
      200,
    );
  });
});
