import { consumerEntry, costModelDoc, poolEntry, serviceEntry } from '../../../../test/factories/cost-model';
import { Fraction } from './fraction';
import { roundExactParts, solveReciprocalGroup } from './reciprocal-solver';
import { splitCostModel, toSplitResultDocument, validateCostModel } from '.';

/*
 * Computed by hand. A holds 1000.00 and sends 20 % to B, 80 % to X; B holds 500.00 and sends 10 %
 * to A, 90 % to Y.
 *   gA = 1000 + 0.1·gB,  gB = 500 + 0.2·gA
 *   gA = 1000 + 0.1·(500 + 0.2·gA) = 1050 + 0.02·gA  →  gA = 1050 / 0.98 = 7500/7 = 1071.428571…
 *   gB = 500 + 0.2·7500/7 = 5000/7 = 714.285714…
 *   X gets 0.8·gA = 6000/7 = 857.142857…  (85 714.2857 öre, fraction .2857)
 *   Y gets 0.9·gB = 4500/7 = 642.857142…  (64 285.7142 öre, fraction .7142)
 *   Floors 85 714 + 64 285 = 149 999 öre; the one öre left goes to the larger fraction, Y.
 *   → X 857.14, Y 642.86, together 1500.00.
 */
const handExample = (order: 'ab' | 'ba' = 'ab') => {
  const a = serviceEntry('a', { method: 'reciprocal', to: { b: 20, x: 80 } });
  const b = serviceEntry('b', { method: 'reciprocal', to: { a: 10, y: 90 } });
  return costModelDoc({
    consumers: [consumerEntry('k1'), consumerEntry('k2', 'tranemo')],
    pools: [poolEntry('pa', '1000.00', { a: 1 }), poolEntry('pb', '500.00', { b: 1 })],
    services: [
      ...(order === 'ab' ? [a, b] : [b, a]),
      serviceEntry('x', { method: 'consumer-weights', to: { k1: 1 } }),
      serviceEntry('y', { method: 'consumer-weights', to: { k2: 1 } }),
    ],
  });
};

const run = (doc: unknown) => {
  const model = validateCostModel(doc);
  const split = splitCostModel(model);
  return { model, split, doc: toSplitResultDocument(model, split) };
};

describe('method reciprocal: support services that serve each other, solved exactly', () => {
  it('solves the hand example: gross 7500/7 and 5000/7, X 857.14, Y 642.86', () => {
    const solution = solveReciprocalGroup([
      { service: 0, held: 100000n, targets: [1, 2], weights: [20n, 80n] },
      { service: 1, held: 50000n, targets: [0, 3], weights: [10n, 90n] },
    ]);
    // In öre: 750000/7 and 500000/7.
    expect(solution.gross).toEqual([Fraction.of(750000n, 7n), Fraction.of(500000n, 7n)]);
    expect(solution.outside).toEqual([2, 3]);
    expect(solution.exact).toEqual([Fraction.of(600000n, 7n), Fraction.of(450000n, 7n)]);
    expect(solution.parts).toEqual([85714n, 64286n]);
  });

  it('gives the same split result, with received counting only what came from outside the group', () => {
    const { doc, split } = run(handExample());
    expect(doc.services.map((s) => [s.id, s.direct, s.received, s.total])).toEqual([
      ['a', '1000.00', '0.00', '1000.00'],
      ['b', '500.00', '0.00', '500.00'],
      ['x', '0.00', '857.14', '857.14'],
      ['y', '0.00', '642.86', '642.86'],
    ]);
    expect(doc.consumers.map((c) => c.total)).toEqual(['857.14', '642.86']);
    expect(split.groups).toHaveLength(1);
    expect(split.groups[0].members).toEqual(['a', 'b']);
    expect(split.groups[0].total.toString()).toBe('1500.00');
    expect(split.groups[0].toServices.map((l) => `${l.to}=${l.amount}`)).toEqual(['x=857.14', 'y=642.86']);
  });

  it('lets the members name each other in any order', () => {
    expect(run(handExample('ba')).doc.consumers.map((c) => c.total)).toEqual(['857.14', '642.86']);
  });

  it('counts in received what an earlier service gave a member', () => {
    const d = handExample();
    d.pools.push(poolEntry('pc', '70.00', { ledning: 1 }));
    d.services.unshift(serviceEntry('ledning', { method: 'weights', to: { a: 1 } }));
    // A now holds 1070.00: gA = 1070 + 0.1·gB, gB = 500 + 0.2·gA → gA = 1120/0.98 = 8000/7, gB = 5100/7.
    // X = 0.8·8000/7 = 6400/7 = 914.2857…, Y = 0.9·5100/7 = 4590/7 = 655.7142… → 914.29 and 655.71.
    const { doc } = run(d);
    expect(doc.services.map((s) => [s.id, s.received, s.total])).toEqual([
      ['ledning', '0.00', '70.00'],
      ['a', '70.00', '1070.00'],
      ['b', '0.00', '500.00'],
      ['x', '914.29', '914.29'],
      ['y', '655.71', '655.71'],
    ]);
  });

  it('solves a group of three: A → B → C → A, each passing half on and half out', () => {
    // gA = 300 + ½gC, gB = ½gA, gC = ½gB → gA = 300 + ⅛gA → gA = 2400/7, gB = 1200/7, gC = 600/7.
    // Out: X = ½gA = 1200/7 = 171.428…, Y = ½gB = 600/7 = 85.714…, Z = ½gC = 300/7 = 42.857…
    // Öre floors 17142 + 8571 + 4285 = 29998; fractions .857 (X), .142 (Y), .714 (Z) → X and Z.
    const { doc } = run(
      costModelDoc({
        consumers: [consumerEntry('k1')],
        pools: [poolEntry('p', '300.00', { a: 1 })],
        services: [
          serviceEntry('a', { method: 'reciprocal', to: { b: 1, x: 1 } }),
          serviceEntry('b', { method: 'reciprocal', to: { c: 1, y: 1 } }),
          serviceEntry('c', { method: 'reciprocal', to: { a: 1, z: 1 } }),
          serviceEntry('x', { method: 'consumer-weights', to: { k1: 1 } }),
          serviceEntry('y', { method: 'consumer-weights', to: { k1: 1 } }),
          serviceEntry('z', { method: 'consumer-weights', to: { k1: 1 } }),
        ],
      }),
    );
    expect(doc.services.slice(3).map((s) => s.received)).toEqual(['171.43', '85.71', '42.86']);
    expect(doc.total).toBe('300.00');
  });

  it('rounds mixed-sign exact parts by floors and largest fractions', () => {
    // Exact +100.4 and −100.4 öre with total 0: floors 100 and −101, one öre to the larger fraction (.6).
    expect(roundExactParts(0n, [Fraction.of(502n, 5n), Fraction.of(-502n, 5n)])).toEqual([100n, -100n]);
  });
});
