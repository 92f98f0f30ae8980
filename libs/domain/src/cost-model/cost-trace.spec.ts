import fc from 'fast-check';
import {
  consumerEntry,
  costModelDoc,
  driverEntry,
  exampleModel,
  poolEntry,
  serviceEntry,
  validCostModelArb,
} from '../../../../test/factories/cost-model';
import { ValidationError } from '../errors';
import {
  splitCostModel,
  traceConsumer,
  traceCostSplit,
  validateCostModel,
  type ConsumerTrace,
  type CostModelDocument,
} from '.';

const traceOf = (doc: CostModelDocument) => {
  const model = validateCostModel(doc);
  const split = splitCostModel(model);
  return { model, split, traces: traceCostSplit(model, split) };
};
const lines = (t: ConsumerTrace) => t.paths.map((p) => `${p.pool} → ${p.via.join(' → ')}: ${p.amount}`);
const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('trace: every krona of a consumer back to its pool, through the services it passed', () => {
  /*
   * By hand. p1 60.00 → s; p2 40.00 → a. s (weights 1:1) gives a 30.00 and b 30.00.
   * a holds 70.00 = p2 40.00 direct + p1 30.00 via s; by volume 1:2 → k1 23.33, k2 46.67.
   * k1's 23.33 over a's composition 40 : 30 → exact 13.331 and 9.998 öre-wise 1333.14 / 999.86 →
   * floors 1333 + 999, the öre left to the larger fraction (.86, p1) → 13.33 and 10.00.
   * k2 takes the rest of a: 26.67 (p2) and 20.00 (p1), and all of b: 30.00 (p1 via s → b).
   */
  const doc = () =>
    costModelDoc({
      consumers: [consumerEntry('k1'), consumerEntry('k2')],
      drivers: [driverEntry('st')],
      pools: [poolEntry('p1', '60.00', { s: 1 }), poolEntry('p2', '40.00', { a: 1 })],
      services: [
        serviceEntry('s', { method: 'weights', to: { a: 1, b: 1 } }),
        serviceEntry('a', { method: 'driver', driver: 'st' }),
        serviceEntry('b', { method: 'consumer-weights', to: { k2: 1 } }),
      ],
      volumes: { st: { k1: 1, k2: 2 } },
    });

  it('traces the hand example', () => {
    const { traces } = traceOf(doc());
    expect(traces.map((t) => [t.consumerId, t.total.toString(), lines(t)])).toEqual([
      ['k1', '23.33', ['p2 → a: 13.33', 'p1 → s → a: 10.00']],
      ['k2', '76.67', ['p2 → a: 26.67', 'p1 → s → a: 20.00', 'p1 → s → b: 30.00']],
    ]);
  });

  it('traces one consumer, and refuses an unknown one', () => {
    const { model, split } = traceOf(doc());
    expect(lines(traceConsumer(model, split, 'k1'))).toEqual(['p2 → a: 13.33', 'p1 → s → a: 10.00']);
    expect(() => traceConsumer(model, split, 'k9')).toThrow(
      expect.objectContaining({ code: 'CONSUMER_NOT_FOUND' }),
    );
  });

  it('traces the 5.1 example to the öre', () => {
    const { traces } = traceOf(exampleModel());
    const b1 = traces[2];
    expect(b1.consumerId).toBe('bolag-b1');
    expect(sum(b1.paths.map((p) => p.amount.ore))).toBe(11666666n);
    expect(new Set(b1.paths.map((p) => p.pool))).toEqual(new Set(['personal', 'licenser', 'lokaler']));
    expect(
      b1.paths.every(
        (p) => p.via[p.via.length - 1] === 'arbetsplats' || p.via[p.via.length - 1] === 'servicedesk',
      ),
    ).toBe(true);
  });

  it('traces through a reciprocal group and through negative pools, still adding up', () => {
    const { model, traces } = traceOf(
      costModelDoc({
        consumers: [consumerEntry('k1'), consumerEntry('k2')],
        drivers: [driverEntry('st')],
        pools: [
          poolEntry('pa', '1000.00', { a: 1 }),
          poolEntry('pb', '500.00', { b: 1 }),
          poolEntry('intakt', '-100.00', { x: 1 }),
        ],
        services: [
          serviceEntry('a', { method: 'reciprocal', to: { b: 20, x: 80 } }),
          serviceEntry('b', { method: 'reciprocal', to: { a: 10, y: 90 } }),
          serviceEntry('x', { method: 'driver', driver: 'st' }),
          serviceEntry('y', { method: 'consumer-weights', to: { k2: 1 } }),
        ],
        volumes: { st: { k1: 1, k2: 1 } },
      }),
    );
    for (const t of traces) expect(sum(t.paths.map((p) => p.amount.ore))).toBe(t.total.ore);
    model.pools.forEach((pool) => {
      const traced = sum(
        traces.flatMap((t) => t.paths.filter((p) => p.pool === pool.id).map((p) => p.amount.ore)),
      );
      expect(traced).toBe(pool.amount.ore);
    });
    // By hand: of A's 1000.00, 0.9·0.2·1000/0.98 = 183.673… reaches Y (through B); of B's 500.00,
    // 0.9·500/0.98 = 459.183…; Y's 642.86 has floors 183.67 + 459.18, the öre to the larger fraction.
    expect(lines(traces[1])).toEqual(expect.arrayContaining(['pa → a → y: 183.67', 'pb → b → y: 459.19']));
  });

  it('property: each trace sums to its consumer total, and each pool is traced in full', () => {
    fc.assert(
      fc.property(validCostModelArb({ negativePools: true }), (doc) => {
        let result: ReturnType<typeof traceOf>;
        try {
          result = traceOf(doc);
        } catch (e) {
          fc.pre(!(e instanceof ValidationError));
          throw e;
        }
        const { model, traces } = result;
        const byPool = new Map<string, bigint>();
        for (const t of traces) {
          expect(sum(t.paths.map((p) => p.amount.ore))).toBe(t.total.ore);
          for (const p of t.paths) byPool.set(p.pool, (byPool.get(p.pool) ?? 0n) + p.amount.ore);
        }
        for (const pool of model.pools) expect(byPool.get(pool.id) ?? 0n).toBe(pool.amount.ore);
      }),
      { numRuns: 500 },
    );
  });

  it('property: tracing one consumer gives exactly its part of the whole trace', () => {
    fc.assert(
      fc.property(validCostModelArb({ negativePools: true }), (doc) => {
        let result: ReturnType<typeof traceOf>;
        try {
          result = traceOf(doc);
        } catch (e) {
          fc.pre(!(e instanceof ValidationError));
          throw e;
        }
        const { model, split, traces } = result;
        model.consumers.forEach((c, k) => expect(traceConsumer(model, split, c.id)).toEqual(traces[k]));
      }),
      { numRuns: 200 },
    );
  });

  it('property: with non-negative pools no path is negative', () => {
    fc.assert(
      fc.property(validCostModelArb(), (doc) => {
        for (const t of traceOf(doc).traces) for (const p of t.paths) expect(p.amount.ore > 0n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
