import {
  consumerEntry,
  costModelDoc,
  driverEntry,
  poolEntry,
  serviceEntry,
} from '../../../../test/factories/cost-model';
import { splitCostModel, toSplitResultDocument, validateCostModel } from '.';

const run = (doc: unknown) => {
  const model = validateCostModel(doc);
  return toSplitResultDocument(model, splitCostModel(model));
};

describe('method driver: consumers by volume', () => {
  const consumers = [
    consumerEntry('k1'),
    consumerEntry('k2', 'tranemo'),
    consumerEntry('k3'),
    consumerEntry('k4'),
  ];

  it('gives nothing to zero or missing volume and breaks ties in consumers order', () => {
    const result = run(
      costModelDoc({
        consumers,
        drivers: [driverEntry('datorer')],
        pools: [poolEntry('p', '100.00', { drift: 1 })],
        services: [serviceEntry('drift', { method: 'driver', driver: 'datorer' })],
        // Listed in reverse: k3 and k1 tie at 33.333… öre; k1 is first in `consumers` and gets the öre.
        volumes: { datorer: { k4: 0, k3: 1, k2: '1.0', k1: 1 } },
      }),
    );
    expect(result.consumers.map((c) => [c.id, c.total, c.services])).toEqual([
      ['k1', '33.34', { drift: '33.34' }],
      ['k2', '33.33', { drift: '33.33' }],
      ['k3', '33.33', { drift: '33.33' }],
      ['k4', '0.00', {}],
    ]);
    // Unit price 100.00 / 3 = 33.333… → 33.33; volume written as the exact decimal sum.
    expect(result.services[0]).toMatchObject({ driver: 'datorer', volume: '3', unitPrice: '33.33' });
    expect(result.municipalities).toEqual([
      { id: 'ulricehamn', total: '66.67' },
      { id: 'tranemo', total: '33.33' },
    ]);
  });

  it('rounds the unit price half-up and keeps decimal volumes exact', () => {
    // 10.00 over volumes 2.5 + 1.5 = 4: unit price 2.50; shares 6.25 and 3.75.
    const result = run(
      costModelDoc({
        consumers,
        drivers: [driverEntry('timmar', 'h')],
        pools: [poolEntry('p', 10, { support: 1 })],
        services: [serviceEntry('support', { method: 'driver', driver: 'timmar' })],
        volumes: { timmar: { k1: '2.5', k2: 1.5 } },
      }),
    );
    expect(result.services[0]).toMatchObject({ total: '10.00', volume: '4', unitPrice: '2.50' });
    expect(result.consumers.map((c) => c.total)).toEqual(['6.25', '3.75', '0.00', '0.00']);

    // 0.05 over volume 2 → 0.025 per unit, half-up → 0.03.
    const odd = run(
      costModelDoc({
        consumers,
        drivers: [driverEntry('st')],
        pools: [poolEntry('p', '0.05', { s: 1 })],
        services: [serviceEntry('s', { method: 'driver', driver: 'st' })],
        volumes: { st: { k1: 2 } },
      }),
    );
    expect(odd.services[0].unitPrice).toBe('0.03');
  });

  it('accepts a driver without volume when the service holds nothing (no unit price)', () => {
    const result = run(
      costModelDoc({
        consumers,
        drivers: [driverEntry('datorer'), driverEntry('tomt')],
        pools: [poolEntry('p', '1.00', { a: 1 })],
        services: [
          serviceEntry('a', { method: 'driver', driver: 'datorer' }),
          serviceEntry('b', { method: 'driver', driver: 'tomt' }),
        ],
        volumes: { datorer: { k1: 1 } },
      }),
    );
    expect(result.services[1]).toEqual({
      id: 'b',
      direct: '0.00',
      received: '0.00',
      total: '0.00',
      driver: 'tomt',
      volume: '0',
      unitPrice: null,
    });
    expect(result.total).toBe('1.00');
  });

  it('allocates a negative pool as its absolute value, negated (5.2 rule 5)', () => {
    const result = run(
      costModelDoc({
        consumers,
        drivers: [driverEntry('st')],
        pools: [poolEntry('kostnad', '300.00', { s: 1 }), poolEntry('intakt', '-400.00', { s: 1 })],
        services: [serviceEntry('s', { method: 'driver', driver: 'st' })],
        volumes: { st: { k1: 1, k2: 1, k3: 1 } },
      }),
    );
    expect(result.consumers.map((c) => c.total)).toEqual(['-33.34', '-33.33', '-33.33', '0.00']);
    expect(result.total).toBe('-100.00');
  });
});
