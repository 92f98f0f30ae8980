import { oreOf } from './example-split-result';
import { startTestApp, TestApp } from '../support/test-app';

describe('The demo: 2025 budget approved by IT-styrgruppen 2024-11-20 § 14, 2025 actual as a draft', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('stores the approved budget and the draft actual model of 2025, each splitting to 20–30 MSEK', async () => {
    const list = await t.http.get('/api/v1/cost-models?year=2025').set(t.auth());
    const budget = list.body.items.find((v: any) => v.kind === 'budget');
    const actual = list.body.items.find((v: any) => v.kind === 'actual');
    expect(budget).toMatchObject({ status: 'approved', name: 'Tjänstefiering 2025, budget' });
    expect(budget.decision).toMatchObject({
      forum: 'styrgrupp',
      date: '2024-11-20',
      paragraph: '§ 14',
      reference: 'IT-styrgruppen 2024-11-20 § 14',
    });
    expect(budget.decision.approves).toEqual([{ type: 'cost-model-version', id: budget.id }]);
    expect(actual).toMatchObject({ status: 'draft', name: 'Tjänstefiering 2025, utfall' });

    const decisions = await t.http.get('/api/v1/decisions?year=2024&forum=styrgrupp').set(t.auth());
    expect(decisions.body.items.map((d: any) => d.reference)).toContain('IT-styrgruppen 2024-11-20 § 14');

    const split = await t.http.post(`/api/v1/cost-models/${budget.id}/splits`).set(t.auth());
    const doc = split.body.result;
    expect(doc.total).toBe('26300000.00');
    expect(doc.services.map((s: any) => s.id)).toEqual([
      'styrning',
      'ledning',
      'arbetsplats',
      'servicedesk',
      'natverk',
      'verksamhetssystem',
    ]);
    // The lönenämnd rolls up to its host, Svenljunga (outside the IT cooperation, DOMAIN.md 3).
    expect(doc.municipalities.map((m: any) => m.id)).toEqual(['ulricehamn', 'tranemo', 'svenljunga']);
    expect(doc.consumers.reduce((s: bigint, c: any) => s + oreOf(c.total), 0n)).toBe(oreOf(doc.total));
    // The governance service is shared 50/50 by the central units.
    expect(doc.consumers.find((c: any) => c.id === 'tra-kl').services.styrning).toBe('200000.00');
  });

  it('settles 2025 from the budget split against the draft actual model', async () => {
    const res = await t.http.post('/api/v1/cost-models/settlement').set(t.auth()).send({ year: 2025 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ actualStatus: 'draft', chargedSource: 'budget-split' });
    expect(res.body.lines).toHaveLength(8);
    expect(res.body.totals.charged).toBe('26300000.00');
    expect(oreOf(res.body.totals.actual) - oreOf(res.body.totals.charged)).toBe(
      oreOf(res.body.totals.difference),
    );
  });
});
