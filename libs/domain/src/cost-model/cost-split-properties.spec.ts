import fc from 'fast-check';
import { invalidCostModelArb, validCostModelArb } from '../../../../test/factories/cost-model';
import { ValidationError } from '../errors';
import { Money } from '../money';
import { splitCostModel, toSplitResultDocument, validateCostModel, type CostModelDocument } from '.';

const RUNS = { numRuns: 1000 };

const splitOf = (doc: CostModelDocument) => {
  const model = validateCostModel(doc);
  return { model, split: splitCostModel(model) };
};
const ore = (s: string) => Money.parse(s).ore;
const sum = (xs: Iterable<bigint>) => [...xs].reduce((a, b) => a + b, 0n);

/** Splits a model that may have negative pools; skips the run when a proportional base turns negative. */
const splitOrSkip = (doc: CostModelDocument) => {
  try {
    return splitOf(doc);
  } catch (e) {
    fc.pre(!(e instanceof ValidationError));
    throw e;
  }
};

describe('properties of the cost split over random valid models', () => {
  it('the consumers together carry exactly the sum of the pools, and so do the municipalities', () => {
    fc.assert(
      fc.property(validCostModelArb(), (doc) => {
        const { model, split } = splitOf(doc);
        const pools = sum(model.pools.map((p) => p.amount.ore));
        expect(sum(split.consumers.map((c) => c.total.ore))).toBe(pools);
        expect(sum(split.municipalities.map((m) => m.total.ore))).toBe(pools);
        expect(split.total.ore).toBe(pools);
      }),
      RUNS,
    );
  });

  it('the same holds with negative pools (5.2 rule 5)', () => {
    fc.assert(
      fc.property(validCostModelArb({ negativePools: true }), (doc) => {
        const { model, split } = splitOrSkip(doc);
        expect(sum(split.consumers.map((c) => c.total.ore))).toBe(sum(model.pools.map((p) => p.amount.ore)));
      }),
      { numRuns: 300 },
    );
  });

  it('every service total is direct + received, and every sender passes on exactly its total', () => {
    fc.assert(
      fc.property(validCostModelArb(), (doc) => {
        const { split } = splitOf(doc);
        const toConsumers = new Map<string, bigint>();
        for (const c of split.consumers)
          for (const l of c.services) toConsumers.set(l.to, (toConsumers.get(l.to) ?? 0n) + l.amount.ore);
        for (const s of split.services) {
          expect(s.total.ore).toBe(s.direct.ore + s.received.ore);
          if (s.group === null) {
            const out = sum(s.toServices.map((l) => l.amount.ore)) + (toConsumers.get(s.id) ?? 0n);
            expect(out).toBe(s.total.ore);
          }
        }
        for (const g of split.groups) expect(sum(g.toServices.map((l) => l.amount.ore))).toBe(g.total.ore);
        for (const p of split.pools) expect(sum(p.toServices.map((l) => l.amount.ore))).toBe(p.amount.ore);
      }),
      RUNS,
    );
  });

  it('is deterministic: two runs give deep-equal documents', () => {
    fc.assert(
      fc.property(validCostModelArb(), (doc) => {
        const first = splitOf(JSON.parse(JSON.stringify(doc)));
        const second = splitOf(JSON.parse(JSON.stringify(doc)));
        expect(toSplitResultDocument(second.model, second.split)).toEqual(
          toSplitResultDocument(first.model, first.split),
        );
      }),
      RUNS,
    );
  });

  it('gives no negative share when all amounts are non-negative', () => {
    fc.assert(
      fc.property(validCostModelArb(), (doc) => {
        const { model, split } = splitOf(doc);
        const result = toSplitResultDocument(model, split);
        for (const s of result.services) expect(ore(s.total) >= 0n).toBe(true);
        for (const c of result.consumers)
          for (const amount of Object.values(c.services)) expect(ore(amount) > 0n).toBe(true);
      }),
      RUNS,
    );
  });

  it('always rejects a broken model with a ValidationError naming every broken path', () => {
    fc.assert(
      fc.property(invalidCostModelArb(), ({ doc, paths }) => {
        let error: unknown;
        try {
          validateCostModel(doc);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ValidationError);
        const reported = (error as ValidationError).details.map((p) => p.path);
        for (const path of paths) expect(reported).toContain(path);
      }),
      RUNS,
    );
  });
});
