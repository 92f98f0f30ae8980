import { consumerEntry, costModelDoc, poolEntry, serviceEntry } from '../../../../test/factories/cost-model';
import { ValidationError } from '../errors';
import { splitCostModel, toSplitResultDocument, validateCostModel } from '.';

const run = (doc: unknown) => {
  const model = validateCostModel(doc);
  return toSplitResultDocument(model, splitCostModel(model));
};

describe('method proportional: by what the receivers hold at that moment', () => {
  const consumers = [consumerEntry('k1'), consumerEntry('k2')];

  it('gives the extra öre to the larger fraction: 100.00 over 100 : 200 → 33.33 and 66.67', () => {
    const result = run(
      costModelDoc({
        consumers,
        pools: [poolEntry('p', '100.00', { adm: 1 }), poolEntry('q', '300.00', { b: 1, c: 2 })],
        services: [
          serviceEntry('adm', { method: 'proportional', to: ['c', 'b'] }),
          serviceEntry('b', { method: 'consumer-weights', to: { k1: 1 } }),
          serviceEntry('c', { method: 'consumer-weights', to: { k2: 1 } }),
        ],
      }),
    );
    expect(result.services.map((s) => [s.id, s.direct, s.received, s.total])).toEqual([
      ['adm', '100.00', '0.00', '100.00'],
      ['b', '100.00', '33.33', '133.33'],
      ['c', '200.00', '66.67', '266.67'],
    ]);
  });

  it('counts what earlier services already gave, not only the pools', () => {
    // x gives c 100.00 first; when adm is reached b holds 100.00 and c 200.00, so 90.00 → 30.00 / 60.00.
    const result = run(
      costModelDoc({
        consumers,
        pools: [
          poolEntry('p', '100.00', { x: 1 }),
          poolEntry('q', '90.00', { adm: 1 }),
          poolEntry('r', '200.00', { b: 1, c: 1 }),
        ],
        services: [
          serviceEntry('x', { method: 'weights', to: { c: 1 } }),
          serviceEntry('adm', { method: 'proportional', to: ['b', 'c'] }),
          serviceEntry('b', { method: 'consumer-weights', to: { k1: 1 } }),
          serviceEntry('c', { method: 'consumer-weights', to: { k2: 1 } }),
        ],
      }),
    );
    expect(result.services.map((s) => [s.id, s.received, s.total])).toEqual([
      ['x', '0.00', '100.00'],
      ['adm', '0.00', '90.00'],
      ['b', '30.00', '130.00'],
      ['c', '160.00', '260.00'],
    ]);
  });

  it('refuses, as a whole, a base made negative by a negative pool', () => {
    const doc = costModelDoc({
      consumers,
      pools: [poolEntry('p', '100.00', { adm: 1, b: 1, c: 1 }), poolEntry('intakter', '-500.00', { c: 1 })],
      services: [
        serviceEntry('adm', { method: 'proportional', to: ['b', 'c'] }),
        serviceEntry('b', { method: 'consumer-weights', to: { k1: 1 } }),
        serviceEntry('c', { method: 'consumer-weights', to: { k2: 1 } }),
      ],
    });
    const model = validateCostModel(doc);
    expect(() => splitCostModel(model)).toThrow(ValidationError);
    try {
      splitCostModel(model);
    } catch (e) {
      expect((e as ValidationError).details).toEqual([
        {
          path: 'services[0].allocate.to',
          message: expect.stringContaining("mottagaren 'c' har ett negativt belopp"),
        },
      ]);
    }
  });
});
