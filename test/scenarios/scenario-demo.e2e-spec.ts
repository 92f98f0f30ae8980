import { splitCostModel, validateCostModel } from '@it-samverkan/domain';
import { CostModelVersionEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';

type Summary = { id: string; name: string; baseModelVersionId: string };

describe('demo: the steering group can read both scenarios against the approved 2025 budget', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
  });
  afterAll(async () => t.close());

  it('has "Mark ansluter" and "Ulricehamn går från anslag till interndebitering" when the demo has an approved budget', async () => {
    const approved = await t.dataSource
      .getRepository(CostModelVersionEntity)
      .findOne({ where: { year: 2025, kind: 'budget', status: 'approved' } });
    const list = await t.http.get('/api/v1/scenarios').set(t.auth()).expect(200);
    const items = list.body.items as Summary[];
    if (!approved) {
      // The loader skips quietly without a base.
      expect(items).toEqual([]);
      return;
    }
    expect(items.map((s) => s.name).sort()).toEqual([
      'Mark ansluter',
      'Ulricehamn går från anslag till interndebitering',
    ]);
    expect(items.every((s) => s.baseModelVersionId === approved.id)).toBe(true);

    const byName = new Map(items.map((s) => [s.name, s.id]));
    const mark = (
      await t.http
        .get(`/api/v1/scenarios/${byName.get('Mark ansluter')}/comparison`)
        .set(t.auth())
        .expect(200)
    ).body;
    const markRow = mark.municipalities.find((m: { id: string }) => m.id === 'mark');
    expect(markRow.base).toBe('0.00');
    expect(Number(markRow.scenario)).toBeGreaterThan(0);
    for (const id of ['ulricehamn', 'tranemo']) {
      expect(mark.municipalities.find((m: { id: string }) => m.id === id).difference.startsWith('-')).toBe(
        true,
      );
    }
    expect(mark.totals.difference).toBe('0.00');
    // Mark is one more buyer, invoiced each quarter.
    expect(mark.administrativeLoad.scenario.invoices - mark.administrativeLoad.base.invoices).toBe(4);

    const ulr = (
      await t.http
        .get(`/api/v1/scenarios/${byName.get('Ulricehamn går från anslag till interndebitering')}/comparison`)
        .set(t.auth())
        .expect(200)
    ).body;
    for (const row of ulr.municipalities) expect(row.difference).toBe('0.00');
    const switched = ulr.fundingSwitches.map((s: { consumer: string }) => s.consumer);
    expect(switched).toEqual(['ulr-ks']);
    const ulrKs = ulr.consumers.find((c: { id: string }) => c.id === 'ulr-ks');
    expect(ulrKs).toBeDefined();
    // The demo's units on internal charge (ulr-bou, ulr-vof) are charged per service and quarter;
    // after the switch ulr-ks is too (in the demo budget: 5 services → 20 more a year).
    const services = await servicesPerConsumer(approved);
    expect(ulr.administrativeLoad.base.internalCharges).toBe(
      4 * (services.get('ulr-bou')! + services.get('ulr-vof')!),
    );
    expect(
      ulr.administrativeLoad.scenario.internalCharges - ulr.administrativeLoad.base.internalCharges,
    ).toBe(4 * services.get('ulr-ks')!);
    expect(ulr.administrativeLoad.scenario.invoices).toBe(ulr.administrativeLoad.base.invoices);
  });
});

/** How many services give each consumer a non-zero share in a model version's split. */
async function servicesPerConsumer(version: CostModelVersionEntity): Promise<Map<string, number>> {
  const split = splitCostModel(validateCostModel(version.document));
  return new Map(split.consumers.map((c) => [c.id, c.services.length]));
}
