import { Money } from '../money';
import { DomainError } from '../errors';
import { divideComposition, roundMatrix } from './composition-rounding';
import { scaledWeights } from './quantity-value';
import { reciprocalContributions } from './reciprocal-solver';
import type { CostModel, CostSplit, FlowLine } from './types';

/** One way money reached a consumer: from a pool through a chain of services. */
export interface TracePath {
  readonly pool: string;
  /** Services in the order the money passed them; the last one gave it to the consumer. */
  readonly via: readonly string[];
  readonly amount: Money;
}

/** How a consumer's total is made up; the paths' amounts add up to the total exactly. */
export interface ConsumerTrace {
  readonly consumerId: string;
  readonly total: Money;
  readonly paths: readonly TracePath[];
}

interface Entry {
  readonly pool: number;
  readonly via: readonly string[];
  amount: bigint;
}
type Composition = Map<string, Entry>;

function add(comp: Composition, pool: number, via: readonly string[], amount: bigint): void {
  if (amount === 0n) return;
  const key = `${pool}\u0000${via.join('\u0000')}`;
  const entry = comp.get(key);
  if (entry) entry.amount += amount;
  else comp.set(key, { pool, via, amount });
}

/** A receiver of one sender: its whole-öre amount and a weight used only to place netted amounts. */
interface Receiver {
  readonly kind: 'service' | 'consumer';
  readonly index: number;
  readonly amount: bigint;
  readonly weight: bigint;
}

/**
 * Traces every consumer's total back to the pools (DOMAIN.md 5.5: an auditor traces any figure to its
 * inputs). Each service's whole-öre composition by (pool, service chain) is followed; when a service
 * passes on amounts, its composition is divided so that both its pools and its receivers add up exactly.
 * A reciprocal group is followed per member, by the exact share of each member's holding that reaches
 * each receiver outside the group.
 */
export function traceCostSplit(model: CostModel, split: CostSplit): ConsumerTrace[] {
  const consumers = followCompositions(model, split, null);
  return model.consumers.map((c, k) => consumerTrace(model, split, k, consumers[k]));
}

/**
 * The trace of one consumer: the same paths as in traceCostSplit, but only its own share of each
 * service is divided out, so it costs a fraction of the whole trace.
 */
export function traceConsumer(model: CostModel, split: CostSplit, consumerId: string): ConsumerTrace {
  const k = model.consumers.findIndex((c) => c.id === consumerId);
  if (k < 0)
    throw new DomainError(
      'CONSUMER_NOT_FOUND',
      `Förbrukaren '${consumerId}' finns inte i modellen`,
      'not-found',
    );
  return consumerTrace(model, split, k, followCompositions(model, split, k)[k]);
}

function consumerTrace(
  model: CostModel,
  split: CostSplit,
  k: number,
  composition: Composition,
): ConsumerTrace {
  const paths = [...composition.values()]
    .filter((e) => e.amount !== 0n)
    .map((e) => ({ pool: model.pools[e.pool].id, via: e.via, amount: Money.ofOre(e.amount) }));
  return { consumerId: model.consumers[k].id, total: split.consumers[k].total, paths };
}

/**
 * What each service passed on, by pool only (not by chain), adding up to the service's total: the
 * pools behind a service. Consumers are not divided, so this costs services × pools, not consumers.
 */
export function servicePoolAmounts(model: CostModel, split: CostSplit): Map<number, bigint>[] {
  const services: Composition[] = [];
  followCompositions(model, split, -1, services);
  return services.map((comp) => {
    const byPool = new Map<number, bigint>();
    for (const e of comp.values()) byPool.set(e.pool, (byPool.get(e.pool) ?? 0n) + e.amount);
    return byPool;
  });
}

/**
 * Follows pool paths through the services; consumers' compositions (all, or only `only`; -1: none).
 * With `servicesOut`, the services' compositions are kept by pool only (chains are not extended).
 */
function followCompositions(
  model: CostModel,
  split: CostSplit,
  only: number | null,
  servicesOut?: Composition[],
): Composition[] {
  const byPoolOnly = servicesOut !== undefined;
  const serviceIndex = new Map(model.services.map((s, i) => [s.id, i]));
  const services: Composition[] = model.services.map(() => new Map());
  if (servicesOut) servicesOut.push(...services);
  const consumers: Composition[] = model.consumers.map(() => new Map());

  split.pools.forEach((pool, p) => {
    for (const line of pool.toServices)
      add(services[serviceIndex.get(line.to)!], p, [line.to], line.amount.ore);
  });

  const amountsBy = (lines: readonly FlowLine[]) => new Map(lines.map((l) => [l.to, l.amount.ore]));
  // What each service gave each consumer, from the consumers' side of the split.
  const toConsumers: Map<string, bigint>[] = model.services.map(() => new Map());
  for (const c of split.consumers)
    for (const l of c.services) toConsumers[serviceIndex.get(l.to)!].set(c.id, l.amount.ore);
  const passOn = (rows: Entry[], receivers: Receiver[]) => {
    if (rows.length === 0) return;
    // Tracing one consumer, a consumer service is divided only for that consumer's column.
    let column: number | undefined;
    if (only !== null && receivers.length > 0 && receivers[0].kind === 'consumer') {
      column = receivers.findIndex((r) => r.index === only);
      if (column < 0) return;
    }
    const columns = divideComposition(
      rows.map((r) => r.amount),
      receivers.map((r) => r.amount),
      receivers.map((r) => r.weight),
      column,
    );
    receivers.forEach((r, j) => {
      if (only !== null && r.kind === 'consumer' && r.index !== only) return;
      for (const [row, amount] of columns[j]) {
        const entry = rows[row];
        if (r.kind === 'service')
          add(
            services[r.index],
            entry.pool,
            byPoolOnly ? entry.via : [...entry.via, model.services[r.index].id],
            amount,
          );
        else add(consumers[r.index], entry.pool, entry.via, amount);
      }
    });
  };

  model.services.forEach((_, i) => {
    const groupIndex = split.services[i].group;
    if (groupIndex === null) {
      passOn(
        [...services[i].values()],
        receiversOf(model, i, amountsBy(split.services[i].toServices), toConsumers[i]),
      );
      return;
    }
    const group = model.reciprocalGroups[groupIndex];
    if (group.first !== i) return;
    // Each member's holding leaves the group in exact proportions (solved like the split itself);
    // those are rounded to whole öre per member and receiver, then each member's pool paths follow.
    const members = [];
    for (let m = group.first; m <= group.last; m++) {
      const a = model.services[m].allocate;
      const to = a.method === 'reciprocal' ? a.to : [];
      members.push({
        service: m,
        held: split.services[m].total.ore,
        targets: to.map((t) => t.service),
        weights: scaledWeights(to.map((t) => t.weight)),
      });
    }
    const { outside, contributions } = reciprocalContributions(members);
    const amounts = amountsBy(split.groups[groupIndex].toServices);
    const perMember = roundMatrix(
      contributions,
      members.map((m) => m.held),
      outside.map((x) => amounts.get(model.services[x].id) ?? 0n),
    );
    members.forEach((m, k) => {
      const receivers = outside.map((x, j): Receiver => ({
        kind: 'service',
        index: x,
        amount: perMember[k][j],
        weight: 1n,
      }));
      passOn([...services[m.service].values()], receivers);
    });
  });

  return consumers;
}

/** A non-group sender's possible receivers in model order, with what each actually got. */
function receiversOf(
  model: CostModel,
  i: number,
  toServices: ReadonlyMap<string, bigint>,
  toConsumers: ReadonlyMap<string, bigint>,
): Receiver[] {
  const a = model.services[i].allocate;
  switch (a.method) {
    case 'weights':
    case 'reciprocal': {
      const weights = scaledWeights(a.to.map((t) => t.weight));
      return a.to.map((t, k) => ({
        kind: 'service',
        index: t.service,
        amount: toServices.get(t.serviceId) ?? 0n,
        weight: weights[k],
      }));
    }
    case 'proportional':
      return a.to.map((id) => ({
        kind: 'service',
        index: model.services.findIndex((s) => s.id === id),
        amount: toServices.get(id) ?? 0n,
        weight: 1n,
      }));
    case 'driver':
    case 'consumer-weights': {
      const listed =
        a.method === 'driver'
          ? model.drivers
              .find((d) => d.id === a.driver)!
              .volumes.map((v) => ({ id: v.consumerId, index: v.consumer, q: v.volume }))
          : a.to.map((t) => ({ id: t.consumerId, index: t.consumer, q: t.weight }));
      const weights = scaledWeights(listed.map((x) => x.q));
      return listed.map((x, k) => ({
        kind: 'consumer',
        index: x.index,
        amount: toConsumers.get(x.id) ?? 0n,
        weight: weights[k],
      }));
    }
  }
}
