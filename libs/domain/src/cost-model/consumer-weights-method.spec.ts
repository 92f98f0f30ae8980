import { consumerEntry, costModelDoc, poolEntry, serviceEntry } from '../../../../test/factories/cost-model';
import { splitCostModel, toSplitResultDocument, validateCostModel } from '.';

describe('method consumer-weights: a governance cost shared by fixed weights', () => {
  it('shares 1000.01 50/50 between the central units, the first listed consumer takes the odd öre', () => {
    const model = validateCostModel(
      costModelDoc({
        consumers: [consumerEntry('ulr-ks'), consumerEntry('tra-ks', 'tranemo'), consumerEntry('bolag')],
        pools: [poolEntry('styrning', '1000.01', { samverkan: 1 })],
        services: [
          serviceEntry('samverkan', { method: 'consumer-weights', to: { 'tra-ks': 50, 'ulr-ks': 50 } }),
        ],
      }),
    );
    const result = toSplitResultDocument(model, splitCostModel(model));
    expect(result.consumers).toEqual([
      { id: 'ulr-ks', municipality: 'ulricehamn', total: '500.01', services: { samverkan: '500.01' } },
      { id: 'tra-ks', municipality: 'tranemo', total: '500.00', services: { samverkan: '500.00' } },
      { id: 'bolag', municipality: 'ulricehamn', total: '0.00', services: {} },
    ]);
    expect(result.services[0]).toMatchObject({ driver: null, volume: null, unitPrice: null });
  });
});
