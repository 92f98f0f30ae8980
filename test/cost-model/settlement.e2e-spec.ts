import { cloneDocument, exampleModel } from '../factories/cost-model';
import { addDemoMunicipality } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';
import { oreOf } from './example-split-result';

/**
 * Actual 2025 = the model of 5.1 with personal 1 100 000.00 (by hand): ledning 210 000.00 →
 * arbetsplats 138 372.09, servicedesk 71 627.91; arbetsplats 988 372.09 by devices 593 023.25 /
 * 296 511.63 / 98 837.21; servicedesk 511 627.91 by users 358 139.54 / 127 906.98 / 25 581.39.
 * Consumers: ulr-ks 951 162.79, tra-oms 424 418.61, bolag-b1 124 418.60 (sum 1 500 000.00).
 */
function actualModel() {
  const doc = cloneDocument(exampleModel());
  doc.name = 'Tjänstefiering 2025, utfall';
  doc.pools[0].amount = '1100000.00';
  return doc;
}

describe('Year-end settlement (slutavräkning) through the API', () => {
  let t: TestApp;
  let finance: string;
  let actualId: string;

  beforeAll(async () => {
    t = await startTestApp();
    finance = await t.token('finance');
    const styrgrupp = await t.token('styrgrupp');
    const budget = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(exampleModel());
    await t.http
      .post(`/api/v1/cost-models/${budget.body.id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision: { date: '2024-11-20', paragraph: '14', subject: 'Budget 2025' } });
    t.now.value = new Date('2026-02-01T08:00:00Z');
    const stale = cloneDocument(exampleModel());
    stale.name = 'Tjänstefiering 2025, utfall (preliminärt)';
    await t.http.post('/api/v1/cost-models?kind=actual').set(t.auth()).send(stale);
    t.now.value = new Date('2026-02-05T08:00:00Z');
    actualId = (await t.http.post('/api/v1/cost-models?kind=actual').set(t.auth()).send(actualModel())).body
      .id;
  });
  afterAll(() => t.close());

  const settle = (body: Record<string, unknown>, token = finance) =>
    t.http.post('/api/v1/cost-models/settlement').set(t.auth(token)).send(body);

  it('charged = the approved budget split; against the latest actual version, a draft (said so)', async () => {
    const res = await settle({ year: 2025 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2025,
      created: '2026-02-05',
      actualModel: { id: actualId, name: 'Tjänstefiering 2025, utfall', status: 'draft' },
      actualStatus: 'draft',
      chargedSource: 'budget-split',
      budgetModel: { name: 'Tjänstefiering 2025, budget' },
    });
    expect(res.body.lines).toEqual([
      {
        consumer: 'ulr-ks',
        name: 'Ulricehamn kommunstyrelsens förvaltning',
        municipality: 'ulricehamn',
        charged: '886666.67',
        actual: '951162.79',
        difference: '64496.12',
        kind: 'slutfaktura',
      },
      {
        consumer: 'tra-oms',
        name: 'Tranemo omsorgssektionen',
        municipality: 'tranemo',
        charged: '396666.67',
        actual: '424418.61',
        difference: '27751.94',
        kind: 'slutfaktura',
      },
      {
        consumer: 'bolag-b1',
        name: 'Exempelbolaget AB',
        municipality: 'ulricehamn',
        charged: '116666.66',
        actual: '124418.60',
        difference: '7751.94',
        kind: 'slutfaktura',
      },
    ]);
    expect(res.body.totals).toEqual({
      charged: '1400000.00',
      actual: '1500000.00',
      difference: '100000.00',
      slutfaktura: '100000.00',
      kreditering: '0.00',
    });
  });

  it('charged given in the body: final charges, credits and nothing to settle, exact to the öre', async () => {
    const res = await settle({
      year: 2025,
      charged: {
        'ulr-ks': '960000.00',
        'tra-oms': '424418.61',
        'bolag-b1': 100000,
        'gammal-enhet': '5000.00',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.chargedSource).toBe('given');
    expect(res.body.lines.map((l: any) => [l.consumer, l.charged, l.actual, l.difference, l.kind])).toEqual([
      ['ulr-ks', '960000.00', '951162.79', '-8837.21', 'kreditering'],
      ['tra-oms', '424418.61', '424418.61', '0.00', 'ingen'],
      ['bolag-b1', '100000.00', '124418.60', '24418.60', 'slutfaktura'],
      ['gammal-enhet', '5000.00', '0.00', '-5000.00', 'kreditering'],
    ]);
    expect(res.body.totals).toEqual({
      charged: '1489418.61',
      actual: '1500000.00',
      difference: '10581.39',
      slutfaktura: '24418.60',
      kreditering: '-13837.21',
    });
    const sum = res.body.lines.reduce((s: bigint, l: any) => s + oreOf(l.difference), 0n);
    expect(sum).toBe(oreOf(res.body.totals.difference));
    // A list of charges per period is added up per consumer.
    const periods = await settle({
      year: 2025,
      charged: [
        { consumer: 'tra-oms', amount: '212209.31' },
        { consumer: 'tra-oms', amount: '212209.30' },
      ],
    });
    expect(periods.body.lines.find((l: any) => l.consumer === 'tra-oms')).toMatchObject({
      charged: '424418.61',
      kind: 'ingen',
    });
  });

  it('an approved actual version is reported as approved; a scoped token sees its municipality only', async () => {
    const styrgrupp = await t.token('styrgrupp');
    await t.http
      .post(`/api/v1/cost-models/${actualId}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision: { date: '2026-03-04', paragraph: '3', subject: 'Utfall 2025' } });
    await addDemoMunicipality(t, 'tranemo');
    const tranemo = await t.token('finance', 'tranemo');
    const res = await settle({ year: 2025 }, tranemo);
    expect(res.body.actualStatus).toBe('approved');
    expect(res.body.lines.map((l: any) => l.consumer)).toEqual(['tra-oms']);
    expect(res.body.totals).toMatchObject({
      charged: '396666.67',
      actual: '424418.61',
      difference: '27751.94',
    });
  });

  it('bad input is refused with the field named; a year without models is unprocessable; readonly may not', async () => {
    const bad = await settle({ year: 2025, charged: { 'ulr-ks': '1.005', 'Fel Id': '1.00' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path).sort()).toEqual(['charged.Fel Id', 'charged.ulr-ks']);
    expect((await settle({})).status).toBe(400);
    const noActual = await settle({ year: 2024, charged: {} });
    expect(noActual.status).toBe(422);
    expect(noActual.body.error).toBe('NO_ACTUAL_MODEL');
    await t.http
      .post('/api/v1/cost-models?kind=actual')
      .set(t.auth())
      .send({ ...actualModel(), year: 2026 });
    const noBudget = await settle({ year: 2026 });
    expect(noBudget.status).toBe(422);
    expect(noBudget.body.error).toBe('NO_APPROVED_BUDGET');
    expect((await settle({ year: 2025 }, await t.token('readonly'))).status).toBe(403);
  });
});
