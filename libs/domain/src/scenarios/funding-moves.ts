import { Money } from '../money';
import type { CostSplit } from '../cost-model';
import { comparedAmount } from './compare-splits';
import type { ConsumerFunding, FundingMove } from './scenario-types';

/** What is funded by appropriation and by internal charge in one split, per municipality. */
function fundedByMunicipality(
  split: CostSplit,
  municipalityOf: (consumerId: string) => string,
  fundingOf: (consumerId: string) => ConsumerFunding,
) {
  const out = new Map<string, { appropriation: Money; internalCharge: Money }>();
  for (const consumer of split.consumers) {
    const funding = fundingOf(consumer.id);
    const municipality = municipalityOf(consumer.id);
    const row = out.get(municipality) ?? { appropriation: Money.ZERO, internalCharge: Money.ZERO };
    for (const line of consumer.services) {
      const mode = funding.serviceModes[line.to] ?? funding.mode;
      if (mode === 'appropriation') row.appropriation = row.appropriation.plus(line.amount);
      if (mode === 'internal-charge') row.internalCharge = row.internalCharge.plus(line.amount);
    }
    out.set(municipality, row);
  }
  return out;
}

/**
 * The money that moves between appropriation (anslag) and internal charge (interndebitering) per
 * municipality (DOMAIN.md 7 and 8.3): a consumer's service line in the scenario counts as moved
 * when the base funded that service of that consumer the other way; it is counted at its scenario
 * amount (what the unit would be charged, or what the appropriation must cover). A consumer the
 * base does not have moves nothing: its money is new, not moved. Alongside, what each way funds in
 * base and scenario. Municipalities with neither appropriation nor internal charge are left out.
 */
export function fundingMoves(
  base: { split: CostSplit; fundingOf: (consumerId: string) => ConsumerFunding },
  scenario: { split: CostSplit; fundingOf: (consumerId: string) => ConsumerFunding },
  municipalityOf: (consumerId: string) => string,
  inBase: (consumerId: string) => boolean,
): FundingMove[] {
  const before = fundedByMunicipality(base.split, municipalityOf, base.fundingOf);
  const after = fundedByMunicipality(scenario.split, municipalityOf, scenario.fundingOf);
  const moved = new Map<string, { toInternalCharge: Money; toAppropriation: Money }>();
  for (const consumer of scenario.split.consumers) {
    if (!inBase(consumer.id)) continue;
    const was = base.fundingOf(consumer.id);
    const is = scenario.fundingOf(consumer.id);
    const municipality = municipalityOf(consumer.id);
    const row = moved.get(municipality) ?? { toInternalCharge: Money.ZERO, toAppropriation: Money.ZERO };
    for (const line of consumer.services) {
      const from = was.serviceModes[line.to] ?? was.mode;
      const to = is.serviceModes[line.to] ?? is.mode;
      if (from === 'appropriation' && to === 'internal-charge')
        row.toInternalCharge = row.toInternalCharge.plus(line.amount);
      if (from === 'internal-charge' && to === 'appropriation')
        row.toAppropriation = row.toAppropriation.plus(line.amount);
    }
    moved.set(municipality, row);
  }
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const zero = { appropriation: Money.ZERO, internalCharge: Money.ZERO };
  return ids
    .map((id) => {
      const b = before.get(id) ?? zero;
      const s = after.get(id) ?? zero;
      const m = moved.get(id) ?? { toInternalCharge: Money.ZERO, toAppropriation: Money.ZERO };
      return {
        municipality: id,
        toInternalCharge: m.toInternalCharge.toString(),
        toAppropriation: m.toAppropriation.toString(),
        appropriation: comparedAmount(b.appropriation, s.appropriation),
        internalCharge: comparedAmount(b.internalCharge, s.internalCharge),
      };
    })
    .filter(
      (r) =>
        [
          r.appropriation.base,
          r.appropriation.scenario,
          r.internalCharge.base,
          r.internalCharge.scenario,
        ].some((x) => x !== '0.00') || r.toInternalCharge !== '0.00',
    );
}
