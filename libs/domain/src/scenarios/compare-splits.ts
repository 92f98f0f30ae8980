import { Money, percentOneDecimal } from '../money';
import type { CostModel, CostSplit } from '../cost-model';
import type {
  ComparedAmount,
  ConsumerComparison,
  MunicipalityComparison,
  ServiceComparison,
} from './scenario-types';

/** Difference ÷ base × 100, half-up (away from zero) to one decimal; null when the base is zero. */
export function differencePercent(base: Money, difference: Money): string | null {
  if (base.isZero()) return null;
  return percentOneDecimal(difference.ore.toString(), base.ore.toString());
}

/** Base and scenario amounts with their difference, as strings with two decimals. */
export function comparedAmount(base: Money, scenario: Money): ComparedAmount {
  const difference = scenario.minus(base);
  return {
    base: base.toString(),
    scenario: scenario.toString(),
    difference: difference.toString(),
    differencePercent: differencePercent(base, difference),
  };
}

/** Ids in base order, then the ones only the scenario has, in scenario order. */
function unionOf(base: readonly string[], scenario: readonly string[]): string[] {
  const seen = new Set(base);
  return [...base, ...scenario.filter((id) => !seen.has(id))];
}

/** What each service passes to consumers (its consumer lines summed), by service id. */
function serviceAmounts(split: CostSplit): Map<string, Money> {
  const out = new Map<string, Money>(split.services.map((s) => [s.id, Money.ZERO]));
  for (const c of split.consumers)
    for (const line of c.services) out.set(line.to, (out.get(line.to) ?? Money.ZERO).plus(line.amount));
  return out;
}

export interface SplitComparison {
  totals: ComparedAmount;
  municipalities: MunicipalityComparison[];
  consumers: ConsumerComparison[];
  services: ServiceComparison[];
}

/**
 * Sets two splits side by side per municipality, consumer and service. A service's amount is what
 * it passes to consumers, so every list adds up to the total, in base and scenario alike.
 */
export function compareSplits(
  base: { model: CostModel; split: CostSplit },
  scenario: { model: CostModel; split: CostSplit },
): SplitComparison {
  const totals = (list: readonly { id: string; total: Money }[]) => new Map(list.map((x) => [x.id, x.total]));
  const amountOf = (map: ReadonlyMap<string, Money>, id: string) => map.get(id) ?? Money.ZERO;
  const baseMunicipalities = totals(base.split.municipalities);
  const scenarioMunicipalities = totals(scenario.split.municipalities);
  const baseConsumers = totals(base.split.consumers);
  const scenarioConsumers = totals(scenario.split.consumers);

  const municipalities = unionOf(
    base.split.municipalities.map((m) => m.id),
    scenario.split.municipalities.map((m) => m.id),
  ).map((id) => ({
    id,
    ...comparedAmount(amountOf(baseMunicipalities, id), amountOf(scenarioMunicipalities, id)),
  }));

  const consumerInfo = new Map([...scenario.model.consumers, ...base.model.consumers].map((c) => [c.id, c]));
  const consumers = unionOf(
    base.split.consumers.map((c) => c.id),
    scenario.split.consumers.map((c) => c.id),
  ).map((id) => {
    const info = consumerInfo.get(id)!;
    return {
      id,
      name: info.name,
      municipality: info.municipality,
      ...comparedAmount(amountOf(baseConsumers, id), amountOf(scenarioConsumers, id)),
    };
  });

  const baseServices = serviceAmounts(base.split);
  const scenarioServices = serviceAmounts(scenario.split);
  const serviceName = new Map(
    [...scenario.model.services, ...base.model.services].map((s) => [s.id, s.name]),
  );
  const baseSplitServices = new Map(base.split.services.map((s) => [s.id, s]));
  const scenarioSplitServices = new Map(scenario.split.services.map((s) => [s.id, s]));
  const services = unionOf(
    base.split.services.map((s) => s.id),
    scenario.split.services.map((s) => s.id),
  ).map((id) => {
    const b = baseSplitServices.get(id);
    const s = scenarioSplitServices.get(id);
    return {
      id,
      name: serviceName.get(id) ?? id,
      ...comparedAmount(baseServices.get(id) ?? Money.ZERO, scenarioServices.get(id) ?? Money.ZERO),
      driver: { base: b?.driver ?? null, scenario: s?.driver ?? null },
      unitPrice: { base: b?.unitPrice?.toString() ?? null, scenario: s?.unitPrice?.toString() ?? null },
    };
  });

  return {
    totals: comparedAmount(base.split.total, scenario.split.total),
    municipalities,
    consumers,
    services,
  };
}
