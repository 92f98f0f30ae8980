import fc from 'fast-check';
import {
  changesDoc,
  CREATED,
  D_JOINS,
  threeMunicipalityModel,
} from '../../../../test/scenarios/scenario-fixtures';
import { Money } from '../money';
import { compareScenario } from './compare-scenario';
import { documentFundingSource } from './scenario-funding';

/**
 * Hand figures (three-municipality model, host kommun-a): a-ks on appropriation holds
 * arbetsplats 100 000 × 100/1 000 = 10 000.00 and servicedesk 30 000 × 150/600 = 7 500.00, in all
 * 17 500.00; a-skola on internal charge 30 000.00 + 7 500.00 = 37 500.00. B and C are invoiced.
 */
const compare = (changes: unknown[]) =>
  compareScenario(
    threeMunicipalityModel(),
    changesDoc('Finansiering', changes),
    documentFundingSource,
    CREATED,
  ).comparison;

const TO_INTERNAL = {
  type: 'switch-funding',
  municipality: 'kommun-a',
  from: 'appropriation',
  to: 'internal-charge',
};

describe('scenario: money moving between appropriation and internal charge, per municipality', () => {
  it('a switch to internal charge moves the appropriation-funded share of the host', () => {
    expect(compare([TO_INTERNAL]).fundingMoves).toEqual([
      {
        municipality: 'kommun-a',
        toInternalCharge: '17500.00',
        toAppropriation: '0.00',
        appropriation: {
          base: '17500.00',
          scenario: '0.00',
          difference: '-17500.00',
          differencePercent: '-100.0',
        },
        // 17 500 ÷ 37 500 = 46.666… % → 46.7
        internalCharge: {
          base: '37500.00',
          scenario: '55000.00',
          difference: '17500.00',
          differencePercent: '46.7',
        },
      },
    ]);
  });

  it('counts what moves at the scenario amount when a pool changes too', () => {
    // personal 110 000: a-ks arbetsplats 11 000.00 + servicedesk 7 500.00 = 18 500.00 moves;
    // a-skola 33 000.00 + 7 500.00 = 40 500.00; internal charge 59 000.00 (+21 500 ÷ 37 500 = 57.3 %).
    const [a] = compare([
      TO_INTERNAL,
      { type: 'set-pool-amount', pool: 'personal', amount: '110000.00' },
    ]).fundingMoves;
    expect(a.toInternalCharge).toBe('18500.00');
    expect(a.internalCharge).toEqual({
      base: '37500.00',
      scenario: '59000.00',
      difference: '21500.00',
      differencePercent: '57.3',
    });
    expect(a.appropriation.scenario).toBe('0.00');
  });

  it('a switch back to appropriation moves the other way', () => {
    const [a] = compare([
      { type: 'switch-funding', consumer: 'a-skola', from: 'internal-charge', to: 'appropriation' },
    ]).fundingMoves;
    expect(a).toMatchObject({ toInternalCharge: '0.00', toAppropriation: '37500.00' });
    expect(a.appropriation).toMatchObject({ base: '17500.00', scenario: '55000.00' });
  });

  it('moves nothing without a switch, and a joining municipality brings new money, not moved money', () => {
    const none = compare([{ type: 'set-pool-amount', pool: 'personal', amount: '110000.00' }]);
    expect(none.fundingMoves.map((m) => [m.toInternalCharge, m.toAppropriation])).toEqual([['0.00', '0.00']]);
    // D is invoiced externally (not the host): it has no appropriation or internal charge row
    const joins = compare([D_JOINS, TO_INTERNAL]);
    expect(joins.fundingMoves.map((m) => m.municipality)).toEqual(['kommun-a']);
  });

  it('property: switches alone keep each municipality’s sum, and the moves explain the difference', () => {
    const switches = fc.array(
      fc.record({
        consumer: fc.constantFrom('a-ks', 'a-skola'),
        from: fc.constantFrom('appropriation' as const, 'internal-charge' as const),
      }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(switches, (list) => {
        const changes = list.map((s) => ({
          type: 'switch-funding',
          consumer: s.consumer,
          from: s.from,
          to: s.from === 'appropriation' ? 'internal-charge' : 'appropriation',
        }));
        let comparison;
        try {
          comparison = compare(changes);
        } catch {
          return true; // a switch from a mode the consumer does not have is refused, with a message
        }
        for (const m of comparison.fundingMoves) {
          const before = Money.parse(m.appropriation.base).plus(Money.parse(m.internalCharge.base));
          const after = Money.parse(m.appropriation.scenario).plus(Money.parse(m.internalCharge.scenario));
          expect(after.toString()).toBe(before.toString());
          expect(m.appropriation.difference).toBe(
            Money.parse(m.toAppropriation).minus(Money.parse(m.toInternalCharge)).toString(),
          );
        }
        return true;
      }),
    );
  });
});
