import { Dec, Money } from '../money';
import { DomainError } from '../errors';
import { servicePoolAmounts } from './trace-cost-split';
import type { AllocationMethod, CostModel, CostSplit } from './types';

/** A pool behind a service: what of the pool the service passed on, and how it got there. */
export interface ServicePoolPart {
  readonly poolId: string;
  /** The pool's weight for this service in the model (null: it came only through other services). */
  readonly weight: Dec | null;
  /** What the pool gave the service directly. */
  readonly direct: Money;
  /** All of the pool that the service passed on: directly and through earlier services. */
  readonly amount: Money;
}

/** A service as the auditor reads it: its basis of allocation and the pools behind its total. */
export interface ServiceAudit {
  readonly serviceId: string;
  readonly method: AllocationMethod;
  readonly driverId: string | null;
  /** The driver's total volume, or the sum of the consumer weights; null for services passed to services. */
  readonly totalQuantity: Dec | null;
  readonly direct: Money;
  readonly received: Money;
  readonly total: Money;
  readonly unitPrice: Money | null;
  /** Non-zero pool parts in pools order; they add up to `total` exactly. */
  readonly pools: readonly ServicePoolPart[];
}

/** One service a consumer pays for: its volume (or weight) of the service's total, and the amount. */
export interface ConsumerServiceLine {
  readonly serviceId: string;
  /** The consumer's volume of the driver, or its weight (consumer-weights). */
  readonly quantity: Dec;
  readonly totalQuantity: Dec;
  readonly amount: Money;
}

export interface ConsumerAudit {
  readonly consumerId: string;
  readonly total: Money;
  readonly lines: readonly ConsumerServiceLine[];
}

/** The whole model's trace: services once, then every consumer derived from the one split. */
export interface ModelAudit {
  readonly services: readonly ServiceAudit[];
  readonly consumers: readonly ConsumerAudit[];
}

/**
 * The auditor's trace of a split (DOMAIN.md 5.5): per service its driver, total volume, unit price and
 * the pools behind its total; per consumer each service's volume, the total volume and its amount.
 * Computed once from the split, so the whole model costs services × pools + consumers × services.
 * With `only`, just those consumers (by id) are derived.
 */
export function auditTrace(model: CostModel, split: CostSplit, only?: readonly string[]): ModelAudit {
  const byPool = servicePoolAmounts(model, split);
  const directOf = model.services.map(() => new Map<number, bigint>());
  split.pools.forEach((pool, p) => {
    for (const line of pool.toServices) {
      const i = model.services.findIndex((s) => s.id === line.to);
      directOf[i].set(p, line.amount.ore);
    }
  });
  const drivers = new Map(model.drivers.map((d) => [d.id, d]));
  // Each consumer's quantity per consumer-serving service, and the total of the quantities.
  const quantities: { total: Dec; of: Map<string, Dec> }[] = model.services.map((s) => {
    const a = s.allocate;
    if (a.method === 'driver') {
      const d = drivers.get(a.driver)!;
      return { total: d.totalVolume, of: new Map(d.volumes.map((v) => [v.consumerId, v.volume.value])) };
    }
    if (a.method === 'consumer-weights') {
      const of = new Map(a.to.map((t) => [t.consumerId, t.weight.value]));
      return { total: [...of.values()].reduce((x, y) => x.plus(y), new Dec(0)), of };
    }
    return { total: new Dec(0), of: new Map() };
  });

  const services: ServiceAudit[] = model.services.map((s, i) => {
    const result = split.services[i];
    const pools: ServicePoolPart[] = [];
    model.pools.forEach((pool, p) => {
      const amount = byPool[i].get(p) ?? 0n;
      const direct = directOf[i].get(p) ?? 0n;
      if (amount === 0n && direct === 0n) return;
      const weight = pool.to.find((t) => t.service === i)?.weight.value ?? null;
      pools.push({ poolId: pool.id, weight, direct: Money.ofOre(direct), amount: Money.ofOre(amount) });
    });
    const serving = s.allocate.method === 'driver' || s.allocate.method === 'consumer-weights';
    return {
      serviceId: s.id,
      method: s.allocate.method,
      driverId: result.driver,
      totalQuantity: serving ? quantities[i].total : null,
      direct: result.direct,
      received: result.received,
      total: result.total,
      unitPrice: result.unitPrice,
      pools,
    };
  });

  const serviceIndex = new Map(model.services.map((s, i) => [s.id, i]));
  const wanted = only ? new Set(only) : null;
  if (wanted) {
    const known = new Set(model.consumers.map((c) => c.id));
    for (const id of wanted)
      if (!known.has(id))
        throw new DomainError('CONSUMER_NOT_FOUND', `Förbrukaren '${id}' finns inte i modellen`, 'not-found');
  }
  const consumers: ConsumerAudit[] = [];
  for (const c of split.consumers) {
    if (wanted && !wanted.has(c.id)) continue;
    consumers.push({
      consumerId: c.id,
      total: c.total,
      lines: c.services.map((line) => {
        const q = quantities[serviceIndex.get(line.to)!];
        return {
          serviceId: line.to,
          quantity: q.of.get(c.id) ?? new Dec(0),
          totalQuantity: q.total,
          amount: line.amount,
        };
      }),
    });
  }
  return { services, consumers };
}

/** A pool's part of one consumer's total: how much of the pool ends in the consumer's charge. */
export interface ConsumerPoolPart {
  readonly poolId: string;
  readonly amount: Money;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};
const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

/**
 * Each pool's part of a consumer's total (the pool → service → consumer flow): the exact part is
 * Σ over the consumer's services of amount × (the pool's part of the service ÷ the service's total),
 * and the consumer's total is divided over the pools by DOMAIN.md 5.2 with those exact parts (floor,
 * the remaining öre to the largest fractional parts, ties to the pool listed first; a negative total
 * as its absolute value, negated). The parts add up to the consumer's total exactly. In the model's
 * pools order; zero parts left out.
 */
export function consumerPoolParts(
  model: CostModel,
  services: readonly ServiceAudit[],
  consumer: ConsumerAudit,
): ConsumerPoolPart[] {
  const serviceById = new Map(services.map((s) => [s.serviceId, s]));
  const lines = consumer.lines
    .map((l) => ({ amount: l.amount.ore, service: serviceById.get(l.serviceId)! }))
    .filter((l) => l.amount !== 0n && l.service.total.ore !== 0n);
  // One denominator for every exact part: the least common multiple of the services' totals.
  let denominator = 1n;
  for (const l of lines) {
    const t = l.service.total.ore < 0n ? -l.service.total.ore : l.service.total.ore;
    denominator = (denominator / gcd(denominator, t)) * t;
  }
  const poolIndex = new Map(model.pools.map((p, i) => [p.id, i]));
  const numerators = new Array<bigint>(model.pools.length).fill(0n);
  for (const l of lines) {
    const factor = (l.amount * denominator) / l.service.total.ore;
    for (const part of l.service.pools) numerators[poolIndex.get(part.poolId)!] += factor * part.amount.ore;
  }
  // Σ numerators = total × denominator exactly, since each service's pool parts add up to its total.
  const negative = consumer.total.ore < 0n;
  const exact = negative ? numerators.map((n) => -n) : numerators;
  const parts = exact.map((n) => floorDiv(n, denominator));
  const remainders = exact.map((n, i) => n - parts[i] * denominator);
  const total = negative ? -consumer.total.ore : consumer.total.ore;
  const left = Number(total - parts.reduce((x, y) => x + y, 0n));
  const order = remainders
    .map((_, i) => i)
    .filter((i) => remainders[i] > 0n)
    .sort((x, y) => (remainders[x] === remainders[y] ? x - y : remainders[x] > remainders[y] ? -1 : 1));
  for (let k = 0; k < left; k++) parts[order[k]] += 1n;
  const result: ConsumerPoolPart[] = [];
  model.pools.forEach((pool, i) => {
    const ore = negative ? -parts[i] : parts[i];
    if (ore !== 0n) result.push({ poolId: pool.id, amount: Money.ofOre(ore) });
  });
  return result;
}
