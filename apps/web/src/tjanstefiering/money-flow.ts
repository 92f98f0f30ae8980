import { Money } from '@it-samverkan/domain/money/money';

/** A consumer's trace (GET /api/v1/splits/{id}/trace/{consumer}): its share by pool and services. */
export interface Trace {
  consumerId: string;
  name: string;
  municipality: string;
  total: string;
  paths: { pool: string; via: string[]; amount: string }[];
}

export interface Flow {
  from: string;
  to: string;
  amount: string;
}

/**
 * The money's flow, pools → services → consumers → municipalities, added up exactly from every
 * consumer's trace (the engine's own paths; nothing is recomputed here).
 */
export function flowsOf(traces: Trace[], name: (id: string) => string): Flow[] {
  const sums = new Map<string, Money>();
  const add = (from: string, to: string, amount: Money) => {
    const key = `${from}\u0000${to}`;
    sums.set(key, (sums.get(key) ?? Money.ZERO).plus(amount));
  };
  for (const t of traces) {
    for (const p of t.paths) {
      const nodes = [p.pool, ...p.via, t.consumerId].map(name);
      const amount = Money.parse(p.amount);
      for (let i = 0; i + 1 < nodes.length; i++) add(nodes[i], nodes[i + 1], amount);
    }
    add(name(t.consumerId), name(t.municipality), Money.parse(t.total));
  }
  return [...sums].map(([key, amount]) => {
    const [from, to] = key.split('\u0000');
    return { from, to, amount: amount.toString() };
  });
}
