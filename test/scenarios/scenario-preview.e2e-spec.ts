import { startTestApp, TestApp } from '../support/test-app';

/** POST /api/v1/scenarios/preview: the comparison while a scenario is built, nothing saved. */
describe('scenario preview', () => {
  let t: TestApp;
  let baseId: string;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    const versions = await t.http.get('/api/v1/cost-models?status=approved').set(t.auth());
    baseId = versions.body.items[0].id;
  });
  afterAll(async () => t.close());

  const input = (changes: unknown[]) => ({ name: 'Licenser dyrare', baseModelVersionId: baseId, changes });

  it('answers the same comparison that saving the scenario gives, and saves nothing', async () => {
    const before = (await t.http.get('/api/v1/scenarios').set(t.auth())).body.total;
    const changes = [{ type: 'set-pool-amount', pool: 'licenser', amount: '5500000.00' }];
    const preview = await t.http
      .post('/api/v1/scenarios/preview')
      .set(t.auth())
      .send(input(changes))
      .expect(200);
    expect((await t.http.get('/api/v1/scenarios').set(t.auth())).body.total).toBe(before);
    expect(preview.body.scenarioId).toBeNull();
    // the licence pool grows from 5 400 000.00 to 5 500 000.00: the whole rises by exactly 100 000.00
    expect(preview.body.totals).toMatchObject({ difference: '100000.00' });

    const saved = await t.http.post('/api/v1/scenarios').set(t.auth()).send(input(changes)).expect(201);
    const { scenarioId: _saved, ...savedComparison } = saved.body.comparison;
    const { scenarioId: _preview, ...previewed } = preview.body;
    expect(previewed).toEqual(savedComparison);
  });

  it('lists every problem with its path and saves nothing', async () => {
    const before = (await t.http.get('/api/v1/scenarios').set(t.auth())).body.total;
    const res = await t.http
      .post('/api/v1/scenarios/preview')
      .set(t.auth())
      .send(
        input([
          { type: 'set-pool-amount', pool: 'kaffe', amount: '1.00' },
          { type: 'change-driver', service: 'arbetsplats', driver: 'skrivare' },
        ]),
      );
    expect(res.status).toBe(400);
    const paths = (res.body.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['changes[0].pool', 'changes[1].driver']));
    expect((await t.http.get('/api/v1/scenarios').set(t.auth())).body.total).toBe(before);
  });

  it('is for the steering group and the cost-model group, not for finance', async () => {
    const finance = await t.token('finance', 'ulricehamn');
    const res = await t.http
      .post('/api/v1/scenarios/preview')
      .set(t.auth(finance))
      .send(input([{ type: 'set-pool-amount', pool: 'licenser', amount: '1.00' }]));
    expect(res.status).toBe(403);
    const styrgrupp = await t.token('styrgrupp');
    await t.http
      .post('/api/v1/scenarios/preview')
      .set(t.auth(styrgrupp))
      .send(input([{ type: 'set-pool-amount', pool: 'licenser', amount: '1.00' }]))
      .expect(200);
  });
});
