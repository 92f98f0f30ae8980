import { Dec, Money } from '../money';
import { DomainError } from '../errors';
import { toQuantity } from './quantity-value';
import { servicePoolAmounts } from './trace-cost-split';
import type { AllocationMethod, CostModel, CostSplit, Quantity } from './types';

/** A quantity as a scaled integer: units × 10^-scale. */
export type Scaled = Pick<Quantity, 'units' | 'scale'>;

/** A pool behind a service: what of the pool the service passed on, and how it got there. */
export interface ServicePoolPart {
  readonly poolId: string;
  /** The pool's weight for this service in the model (null: it came only through other services). */
  readonly weight: Dec | null;
  /** The same as the model holds it (units × 10^-scale): read without making the Decimal. */
  readonly scaledWeight: Quantity | null;
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
  /** The same as the model holds it (units × 10^-scale): read without making the Decimal. */
  readonly volume: Quantity;
  readonly totalQuantity: Dec;
  /** `totalQuantity` as a scaled integer (units × 10^-scale). */
  readonly total: Scaled;
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

const NO_VOLUME = toQuantity(0);

/** A pool part whose Decimal weight is made only when read (the whole model has ~50 000 parts). */
class PoolPart implements ServicePoolPart {
  constructor(
    readonly poolId: string,
    readonly scaledWeight: Quantity | null,
    readonly direct: Money,
    readonly amount: Money,
  ) {}
  get weight(): Dec | null {
    return this.scaledWeight?.value ?? null;
  }
}

/** A consumer's line whose Decimal quantity is made only when read (the whole model has ~70 000 lines). */
class ServiceLine implements ConsumerServiceLine {
  constructor(
    readonly serviceId: string,
    readonly volume: Quantity,
    readonly totalQuantity: Dec,
    readonly total: Scaled,
    readonly amount: Money,
  ) {}
  get quantity(): Dec {
    return this.volume.value;
  }
}

/**
 * The auditor's trace of a split (DOMAIN.md 5.5): per service its driver, total volume, unit price and
 * the pools behind its total; per consumer each service's volume, the total volume and its amount.
 * Computed once from the split, so the whole model costs services × pools + consumers × services.
 * With `only`, just those consumers (by id) are derived.
 */
export function auditTrace(model: CostModel, split: CostSplit, only?: readonly string[]): ModelAudit {
  const byPool = servicePoolAmounts(model, split);
  const serviceIndex = new Map(model.services.map((s, i) => [s.id, i]));
  const directOf = model.services.map(() => new Map<number, bigint>());
  split.pools.forEach((pool, p) => {
    for (const line of pool.toServices) directOf[serviceIndex.get(line.to)!].set(p, line.amount.ore);
  });
  // Each service's weight in each pool (the first the pool names, as pool.to.find would give).
  const weightOf = model.services.map(() => new Map<number, Quantity>());
  model.pools.forEach((pool, p) => {
    for (const t of pool.to) if (!weightOf[t.service].has(p)) weightOf[t.service].set(p, t.weight);
  });
  const drivers = new Map(model.drivers.map((d) => [d.id, d]));
  // Each consumer's quantity per consumer-serving service, and the total of the quantities.
  const quantities: { total: Dec; of: Map<string, Quantity> }[] = model.services.map((s) => {
    const a = s.allocate;
    if (a.method === 'driver') {
      const d = drivers.get(a.driver)!;
      return { total: d.totalVolume, of: new Map(d.volumes.map((v) => [v.consumerId, v.volume])) };
    }
    if (a.method === 'consumer-weights') {
      const of = new Map(a.to.map((t) => [t.consumerId, t.weight]));
      return { total: [...of.values()].reduce((x, y) => x.plus(y.value), new Dec(0)), of };
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
      pools.push(new PoolPart(pool.id, weightOf[i].get(p) ?? null, Money.ofOre(direct), Money.ofOre(amount)));
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

  const wanted = only ? new Set(only) : null;
  if (wanted) {
    const known = new Set(model.consumers.map((c) => c.id));
    for (const id of wanted)
      if (!known.has(id))
        throw new DomainError('CONSUMER_NOT_FOUND', `Förbrukaren '${id}' finns inte i modellen`, 'not-found');
  }
  const scaledTotals = quantities.map((q) => toQuantity(q.total.toString()));
  const consumers: ConsumerAudit[] = [];
  for (const c of split.consumers) {
    if (wanted && !wanted.has(c.id)) continue;
    consumers.push({
      consumerId: c.id,
      total: c.total,
      lines: c.services.map((line) => {
        const k = serviceIndex.get(line.to)!;
        const q = quantities[k];
        return new ServiceLine(line.to, q.of.get(c.id) ?? NO_VOLUME, q.total, scaledTotals[k], line.amount);
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

const POW10 = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
const pow10 = (n: number) => POW10[n] ?? 10n ** BigInt(n);

/**
 * A quantity's exact decimal as Decimal's toString writes it ("1000", "0.5", "-12.25": no trailing
 * zeros, no exponent), without making the Decimal.
 */
export function quantityText(q: Scaled): string {
  let { units, scale } = q;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, '0');
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * volume ÷ total in percent, half-up (away from zero) to four decimals, always written with four
 * ("37.5000"; "0.0000" when the total is zero), exactly in integers. The same text as Decimal's
 * quotient volume ÷ total × 100 written with four decimals at the engine's 60 digits: it is off the
 * exact one by under 10^-58 (of a share up to 100 %), and the exact share is either on a rounding
 * half-way point or at least 1 ÷ (2 × 10^4 × the total's scaled integer) from one, far more than 10^-58
 * for any total of volumes with 15 + 10 digits each.
 */
export function sharePercentText(volume: Scaled, total: Scaled): string {
  if (total.units === 0n) return '0.0000';
  // share × 10^4 = 10^6 × v ÷ t, with v and t brought to one scale
  const numerator = volume.units * pow10(6 + total.scale);
  const denominator = total.units * pow10(volume.scale);
  const negative = numerator !== 0n && numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  let q = a / b;
  if (2n * (a % b) >= b) q += 1n;
  const digits = q.toString().padStart(5, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}
