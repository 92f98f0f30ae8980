import { allocateLargestRemainder } from '../money';
import { DomainError } from '../errors';
import { commonDenominator, Fraction } from './fraction';

/** One member of a reciprocal group: what it holds and its integer weights to services (by index). */
export interface ReciprocalMember {
  readonly service: number;
  readonly held: bigint;
  readonly targets: readonly number[];
  readonly weights: readonly bigint[];
}

export interface ReciprocalSolution {
  /** Each member's gross cost: what it holds plus its shares of the other members' gross costs. */
  readonly gross: readonly Fraction[];
  /** Service indices outside the group that receive something (any weight), ascending. */
  readonly outside: readonly number[];
  /** The exact amount that leaves the group for each outside receiver. */
  readonly exact: readonly Fraction[];
  /** The group's whole-öre total divided over `outside` by the rule of 5.2. */
  readonly parts: readonly bigint[];
}

/**
 * Solves a reciprocal group exactly (DOMAIN.md 5.1): g_k = h_k + Σ_j g_j · w_jk / W_j with W_j the
 * sender's total weight, including weights to services outside the group; Gaussian elimination over
 * exact fractions, then the whole-öre total is divided over the outside receivers.
 */
export function solveReciprocalGroup(members: readonly ReciprocalMember[]): ReciprocalSolution {
  const { gross, outside, exact } = exactOutflows(
    members,
    members.map((m) => m.held),
  );
  const total = members.reduce((s, m) => s + m.held, 0n);
  return { gross, outside, exact, parts: roundExactParts(total, exact) };
}

/**
 * For each member, the exact amounts of what it holds that end up with each outside receiver
 * (rows: members, columns: `outside`); each row adds up to the member's holding. Used by the trace.
 */
export function reciprocalContributions(members: readonly ReciprocalMember[]): {
  outside: readonly number[];
  contributions: Fraction[][];
} {
  let outside: readonly number[] = [];
  const contributions = members.map((m, k) => {
    const held = members.map((_, j) => (j === k ? m.held : 0n));
    const result = exactOutflows(members, held);
    outside = result.outside;
    return [...result.exact];
  });
  return { outside, contributions };
}

function exactOutflows(members: readonly ReciprocalMember[], held: readonly bigint[]) {
  const g = members.length;
  const position = new Map(members.map((m, k) => [m.service, k]));
  const totals = members.map((m) => m.weights.reduce((s, w) => s + w, 0n));

  // Augmented matrix [I - M | h] where M[k][j] is the share of member j's gross that goes to member k.
  const rows: Fraction[][] = members.map((_, k) => {
    const row = new Array<Fraction>(g + 1).fill(Fraction.ZERO);
    row[k] = Fraction.ONE;
    row[g] = Fraction.of(held[k]);
    return row;
  });
  members.forEach((m, j) => {
    if (totals[j] === 0n) return;
    m.targets.forEach((t, e) => {
      const k = position.get(t);
      if (k !== undefined && m.weights[e] > 0n)
        rows[k][j] = rows[k][j].minus(Fraction.of(m.weights[e], totals[j]));
    });
  });
  const gross = eliminate(rows, g);

  const outsideSet = new Set<number>();
  for (const m of members) for (const t of m.targets) if (!position.has(t)) outsideSet.add(t);
  const outside = [...outsideSet].sort((a, b) => a - b);
  const exact = outside.map((x) => {
    let sum = Fraction.ZERO;
    members.forEach((m, k) => {
      if (totals[k] === 0n) return;
      m.targets.forEach((t, e) => {
        if (t === x && m.weights[e] > 0n)
          sum = sum.plus(gross[k].times(Fraction.of(m.weights[e], totals[k])));
      });
    });
    return sum;
  });
  return { gross, outside, exact };
}

/** Gauss–Jordan elimination on an augmented square system; exact, so any non-zero pivot will do. */
function eliminate(rows: Fraction[][], n: number): Fraction[] {
  for (let col = 0; col < n; col++) {
    const pivot = rows.findIndex((r, i) => i >= col && !r[col].isZero());
    if (pivot < 0) {
      throw new DomainError(
        'COST_MODEL_SINGULAR_GROUP',
        'Den ömsesidiga gruppen går inte att lösa (singulärt ekvationssystem)',
        'unprocessable',
      );
    }
    [rows[col], rows[pivot]] = [rows[pivot], rows[col]];
    const p = rows[col][col];
    rows[col] = rows[col].map((v) => v.dividedBy(p));
    for (let i = 0; i < n; i++) {
      if (i === col || rows[i][col].isZero()) continue;
      const factor = rows[i][col];
      rows[i] = rows[i].map((v, c) => v.minus(factor.times(rows[col][c])));
    }
  }
  return rows.map((r) => r[n]);
}

/**
 * Whole-öre parts that add up to `total`, each the floor or ceiling of its exact amount. When all
 * exact amounts have the total's sign this is exactly the rule of 5.2 with the exact amounts as
 * weights; mixed signs (only possible with negative pools) take floors and give the remaining öre
 * to the largest fractional parts, first listed first.
 */
export function roundExactParts(total: bigint, exact: readonly Fraction[]): bigint[] {
  if (exact.length === 0) {
    if (total !== 0n)
      throw new DomainError('ALLOCATION_NO_RECEIVER', 'Beloppet saknar mottagare', 'unprocessable');
    return [];
  }
  const sameSign = exact.every((e) => (total >= 0n ? e.sign() >= 0 : e.sign() <= 0));
  if (sameSign) {
    if (total === 0n) return exact.map(() => 0n);
    const l = commonDenominator(exact);
    const weights = exact.map((e) => {
      const w = e.num * (l / e.den);
      return w < 0n ? -w : w;
    });
    return allocateLargestRemainder(total, weights);
  }
  const parts = exact.map((e) => e.floor());
  let left = total - parts.reduce((s, p) => s + p, 0n);
  const fractions = exact.map((e, i) => e.minus(Fraction.of(parts[i])));
  const order = fractions
    .map((_, i) => i)
    .sort((a, b) => {
      const x = fractions[a].num * fractions[b].den;
      const y = fractions[b].num * fractions[a].den;
      return x === y ? a - b : x > y ? -1 : 1;
    });
  for (let k = 0; left > 0n; k++, left--) parts[order[k]] += 1n;
  return parts;
}
