import { Dec, Money, percentOneDecimal } from '../money';
import type { CostModel, CostSplit, Driver } from '../cost-model/types';

/** One figure last year and next: the change in SEK and in percent (one decimal; null when last year was 0). */
export interface YearChange {
  id: string;
  name: string;
  last: string | null;
  next: string | null;
  change: string | null;
  percent: string | null;
}

export interface ServiceYearChange extends YearChange {
  driver: string | null;
  lastTotal: string | null;
  nextTotal: string | null;
}

export interface ConsumerYearChange extends YearChange {
  municipality: string;
}

/** A driver's volumes last year and next: its total, and per consumer (exact decimals, not money). */
export interface DriverYearChange extends YearChange {
  unit: string;
  consumers: YearChange[];
}

/** What changed from one model year to the next: per pool, per service's unit price, per consumer, per driver's volumes. */
export interface YearComparison {
  total: YearChange;
  pools: YearChange[];
  services: ServiceYearChange[];
  consumers: ConsumerYearChange[];
  volumes: DriverYearChange[];
}

function change(id: string, name: string, last: Money | null, next: Money | null): YearChange {
  const diff = last && next ? next.minus(last) : null;
  return {
    id,
    name,
    last: last?.toString() ?? null,
    next: next?.toString() ?? null,
    change: diff?.toString() ?? null,
    percent: diff && last && !last.isZero() ? percentOneDecimal(diff.toDecimal(), last.toDecimal()) : null,
  };
}

function quantityChange(id: string, name: string, last: Dec | null, next: Dec | null): YearChange {
  const diff = last && next ? next.minus(last) : null;
  return {
    id,
    name,
    last: last?.toString() ?? null,
    next: next?.toString() ?? null,
    change: diff?.toString() ?? null,
    percent: diff && last && !last.isZero() ? percentOneDecimal(diff, last) : null,
  };
}

/** A consumer's volume of a driver: 0 when the model has the consumer but no volume, null when either is missing. */
function volumeOf(model: CostModel, driver: Driver | null, consumerId: string): Dec | null {
  if (!driver || !model.consumers.some((c) => c.id === consumerId)) return null;
  return driver.volumes.find((v) => v.consumerId === consumerId)?.volume.value ?? new Dec(0);
}

/** Ids of both years: next year's order, then what only last year had. */
function ids<T extends { id: string }>(next: readonly T[], last: readonly T[]): string[] {
  const seen = new Set(next.map((x) => x.id));
  return [...next.map((x) => x.id), ...last.filter((x) => !seen.has(x.id)).map((x) => x.id)];
}

/** Compares two split model years (pure): pools, unit prices per service and consumers' totals. */
export function compareModelYears(
  last: { model: CostModel; split: CostSplit },
  next: { model: CostModel; split: CostSplit },
): YearComparison {
  const find = <T extends { id: string }>(xs: readonly T[], id: string) =>
    xs.find((x) => x.id === id) ?? null;
  const pools = ids(next.model.pools, last.model.pools).map((id) => {
    const l = find(last.model.pools, id);
    const n = find(next.model.pools, id);
    return change(id, (n ?? l)!.name, l?.amount ?? null, n?.amount ?? null);
  });
  const services = ids(next.model.services, last.model.services).map((id) => {
    const l = find(last.split.services, id);
    const n = find(next.split.services, id);
    const name = (find(next.model.services, id) ?? find(last.model.services, id))!.name;
    return {
      ...change(id, name, l?.unitPrice ?? null, n?.unitPrice ?? null),
      driver: n?.driver ?? l?.driver ?? null,
      lastTotal: l?.total.toString() ?? null,
      nextTotal: n?.total.toString() ?? null,
    };
  });
  const consumers = ids(next.model.consumers, last.model.consumers).map((id) => {
    const c = (find(next.model.consumers, id) ?? find(last.model.consumers, id))!;
    const l = find(last.split.consumers, id);
    const n = find(next.split.consumers, id);
    return { ...change(id, c.name, l?.total ?? null, n?.total ?? null), municipality: c.municipality };
  });
  const consumerIds = ids(next.model.consumers, last.model.consumers);
  const volumes = ids(next.model.drivers, last.model.drivers).map((id) => {
    const l = find(last.model.drivers, id);
    const n = find(next.model.drivers, id);
    const driver = (n ?? l)!;
    return {
      ...quantityChange(id, driver.name, l?.totalVolume ?? null, n?.totalVolume ?? null),
      unit: driver.unit,
      consumers: consumerIds.map((c) => {
        const name = (find(next.model.consumers, c) ?? find(last.model.consumers, c))!.name;
        return quantityChange(c, name, volumeOf(last.model, l, c), volumeOf(next.model, n, c));
      }),
    };
  });
  return {
    total: change('total', 'Totalt', last.split.total, next.split.total),
    pools,
    services,
    consumers,
    volumes,
  };
}
