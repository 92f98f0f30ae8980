import { startTestApp, TestApp } from '../support/test-app';

interface Version {
  id: string;
  year: number;
  kind: string;
  status: string;
  document: { year: number; name: string; pools: { amount: string }[] };
}

/**
 * GET /api/v1/history/municipalities/{id}: a municipality's share from the approved models of
 * every year. The demo's 2025 budget is approved; the test adds an approved 2024 budget (every pool
 * at 90 %) and approves the 2025 actual, then checks each figure against the split of that version.
 */
describe('a municipality’s charges across the years (IT-styrgruppen)', () => {
  let t: TestApp;
  const splitTotal = async (versionId: string, municipality: string) => {
    const run = await t.http.post(`/api/v1/cost-models/${versionId}/splits`).set(t.auth()).expect(201);
    return (run.body.result.municipalities as { id: string; total: string }[]).find(
      (m) => m.id === municipality,
    )!.total;
  };
  const approve = (id: string, date: string, paragraph: string, subject: string) =>
    t.http
      .post(`/api/v1/cost-models/${id}/approve`)
      .set(t.auth())
      .send({ decision: { forum: 'styrgrupp', date, paragraph, subject } })
      .expect(200);

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2026-02-10T08:00:00Z') });
  });
  afterAll(async () => t?.close());

  it('lists budget per year and the actual where approved, each the split’s figure, with the decisions', async () => {
    const versions = (await t.http.get('/api/v1/cost-models').set(t.auth()).expect(200)).body
      .items as Version[];
    const budget2025 = versions.find((v) => v.year === 2025 && v.kind === 'budget')!;
    const actual2025 = versions.find((v) => v.year === 2025 && v.kind === 'actual')!;
    const doc = (await t.http.get(`/api/v1/cost-models/${budget2025.id}`).set(t.auth()).expect(200)).body
      .document as Version['document'];
    const older = JSON.parse(JSON.stringify(doc)) as Version['document'];
    older.year = 2024;
    older.name = 'Tjänstefiering 2024, budget';
    for (const p of older.pools) p.amount = ((Number(p.amount) * 9) / 10).toFixed(2);
    const created = await t.http
      .post('/api/v1/cost-models')
      .set(t.auth())
      .send({ kind: 'budget', document: older })
      .expect(201);
    await approve(created.body.id, '2023-11-22', '§ 9', 'Tjänstefiering 2024: budget');
    await approve(actual2025.id, '2026-02-04', '§ 3', 'Tjänstefiering 2025: utfall');

    const res = await t.http
      .get('/api/v1/history/municipalities/tranemo')
      .set(t.auth(await t.token('readonly', 'ulricehamn')));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      format: 'it-samverkan/municipality-history@1',
      municipality: 'tranemo',
      name: 'Tranemo kommun',
    });
    const [y2024, y2025] = res.body.years;
    expect(res.body.years).toHaveLength(2);
    expect(y2024).toMatchObject({
      year: 2024,
      budget: await splitTotal(created.body.id, 'tranemo'),
      actual: null,
      budgetModel: { name: 'Tjänstefiering 2024, budget', decision: 'IT-styrgruppen 2023-11-22 § 9' },
    });
    expect(y2025).toMatchObject({
      year: 2025,
      budget: await splitTotal(budget2025.id, 'tranemo'),
      actual: await splitTotal(actual2025.id, 'tranemo'),
      actualModel: { decision: 'IT-styrgruppen 2026-02-04 § 3' },
    });
    expect(y2025.outcome.difference).not.toBe('0.00');
    expect(y2025.budgetChange).not.toBeNull();
  });

  it('an unknown municipality is 404; without login 401', async () => {
    const res = await t.http.get('/api/v1/history/municipalities/narnia').set(t.auth());
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('MUNICIPALITY_NOT_FOUND');
    await t.http.get('/api/v1/history/municipalities/tranemo').expect(401);
  });
});
