import fc from 'fast-check';
import { changesDoc, CREATED, threeMunicipalityModel } from '../../../../test/scenarios/scenario-fixtures';
import { Money } from '../money';
import { compareScenario } from './compare-scenario';
import { documentFundingSource } from './scenario-funding';

const CONSUMERS = ['a-ks', 'a-skola', 'b-ks', 'c-ks'];
/** A factor between 0.10 and 5.00 with two decimals. */
const factorArb = fc.integer({ min: 10, max: 500 }).map((n) => (n / 100).toFixed(2));
const scalingArb = fc.record({
  driver: fc.constantFrom('devices', 'users'),
  target: fc.oneof(
    fc.constantFrom(...CONSUMERS).map((consumer) => ({ consumer })),
    fc.constantFrom('kommun-a', 'kommun-b', 'kommun-c').map((municipality) => ({ municipality })),
    fc.constant({}),
  ),
  factor: factorArb,
});

const sum = (values: string[]) => Money.sum(values.map((v) => Money.parse(v)));

describe('scenario properties', () => {
  it('volume scalings keep the total, and every list of differences adds up to the total difference', () => {
    fc.assert(
      fc.property(
        fc.array(scalingArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (scalings, withPool) => {
          const changes: unknown[] = scalings.map((s) => ({
            type: 'scale-volume',
            driver: s.driver,
            ...s.target,
            factor: s.factor,
          }));
          if (withPool) changes.push({ type: 'set-pool-amount', pool: 'licenser', amount: '31234.57' });
          const { comparison } = compareScenario(
            threeMunicipalityModel(),
            changesDoc('Slump', changes),
            documentFundingSource,
            CREATED,
          );
          const expectedTotal = withPool ? '131234.57' : '130000.00';
          expect(comparison.totals.scenario).toBe(expectedTotal);
          expect(comparison.totals.base).toBe('130000.00');
          for (const rows of [comparison.municipalities, comparison.consumers, comparison.services]) {
            expect(sum(rows.map((r) => r.difference)).toString()).toBe(comparison.totals.difference);
            expect(sum(rows.map((r) => r.scenario)).toString()).toBe(comparison.totals.scenario);
            for (const r of rows)
              expect(Money.parse(r.scenario).minus(Money.parse(r.base)).toString()).toBe(r.difference);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same changes give the same comparison', () => {
    fc.assert(
      fc.property(fc.array(scalingArb, { minLength: 1, maxLength: 4 }), (scalings) => {
        const changes = changesDoc(
          'Två gånger',
          scalings.map((s) => ({ type: 'scale-volume', driver: s.driver, ...s.target, factor: s.factor })),
        );
        const once = compareScenario(
          threeMunicipalityModel(),
          changes,
          documentFundingSource,
          CREATED,
        ).comparison;
        const twice = compareScenario(
          threeMunicipalityModel(),
          changes,
          documentFundingSource,
          CREATED,
        ).comparison;
        expect(twice).toEqual(once);
      }),
      { numRuns: 50 },
    );
  });
});
