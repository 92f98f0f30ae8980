import { consumerEntry, costModelDoc, poolEntry, serviceEntry } from '../../../../test/factories/cost-model';
import { splitCostModel, toSplitResultDocument, validateCostModel } from '.';

const run = (doc: unknown) => {
  const model = validateCostModel(doc);
  return toSplitResultDocument(model, splitCostModel(model));
};

describe('method weights: to later services by fixed weights', () => {
  const doc = () =>
    costModelDoc({
      consumers: [consumerEntry('k1'), consumerEntry('k2'), consumerEntry('k3')],
      pools: [poolEntry('p', '100.00', { stab: 1 })],
      services: [
        // Listed out of order on purpose: ties still go to the service listed first in `services`.
        serviceEntry('stab', { method: 'weights', to: { s3: 1, s1: 1, s2: 1 } }),
        serviceEntry('s1', { method: 'consumer-weights', to: { k1: 1 } }),
        serviceEntry('s2', { method: 'consumer-weights', to: { k2: 1 } }),
        serviceEntry('s3', { method: 'consumer-weights', to: { k3: 1 } }),
      ],
    });

  it('splits 100.00 over 1:1:1 as 33.34, 33.33, 33.33 (5.3 equal split check)', () => {
    const result = run(doc());
    expect(result.services.map((s) => [s.id, s.received, s.total])).toEqual([
      ['stab', '0.00', '100.00'],
      ['s1', '33.34', '33.34'],
      ['s2', '33.33', '33.33'],
      ['s3', '33.33', '33.33'],
    ]);
    expect(result.consumers.map((c) => c.total)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('honours decimal weights and gives nothing to a zero weight', () => {
    const d = doc();
    d.services[0].allocate = { method: 'weights', to: { s1: '0.25', s2: '0.75', s3: 0 } };
    // 100.00 × 0.25 = 25.00 and × 0.75 = 75.00, exactly.
    expect(run(d).services.map((s) => s.received)).toEqual(['0.00', '25.00', '75.00', '0.00']);
  });

  it('passes on what the service holds from several pools at once (step-down)', () => {
    const d = doc();
    d.pools.push(poolEntry('q', '0.02', { stab: 1, s3: 1 }));
    // stab holds 100.01: 3334 + 3334 + 3333 öre (the two first fractions .67 win, in order).
    const result = run(d);
    expect(result.services.map((s) => s.total)).toEqual(['100.01', '33.34', '33.34', '33.34']);
    expect(result.total).toBe('100.02');
  });
});
