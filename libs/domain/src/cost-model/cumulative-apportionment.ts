/**
 * A house-monotone apportionment (Webster / Sainte-Laguë): the k-th öre of a row with weight c has
 * priority c / (k + ½); the first q öre of the whole sequence, in priority order with ties to the
 * row listed first, are `apportion(weights, q)`. Because it only ever adds öre as q grows, the
 * difference between two prefixes is never negative, which lets the trace take a receiver's slice
 * of a composition without computing any other receiver (largest remainder lacks this property:
 * the Alabama paradox).
 */

/** Row p's k-th öre comes before row r's j-th öre in the sequence. */
function before(weights: readonly bigint[], p: number, k: bigint, r: number, j: bigint): boolean {
  const left = weights[p] * (2n * j + 1n);
  const right = weights[r] * (2n * k + 1n);
  return left === right ? p < r : left > right;
}

/** A binary heap of row indices ordered by `first(a, b)`. */
class Heap {
  private readonly items: number[] = [];
  constructor(private readonly first: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const h = this.items;
    h.push(x);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.first(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }
  pop(): number {
    const h = this.items;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < h.length && this.first(h[l], h[best])) best = l;
        if (r < h.length && this.first(h[r], h[best])) best = r;
        if (best === i) break;
        [h[i], h[best]] = [h[best], h[i]];
        i = best;
      }
    }
    return top;
  }
}

/** Ceiling of n / d for d > 0. */
const ceilDiv = (n: bigint, d: bigint) => (n >= 0n ? (n + d - 1n) / d : -(-n / d));

/**
 * The first `q` öre of the sequence over non-negative integer row weights (0 ≤ q ≤ Σ weights).
 * apportion(w, Σw) is w itself, and apportion(w, q) ≤ apportion(w, q') row by row when q ≤ q'.
 */
export function apportion(weights: readonly bigint[], total: bigint, q: bigint): bigint[] {
  if (q <= 0n) return weights.map(() => 0n);
  if (q >= total) return [...weights];
  // Everything with priority above total / q is in; then at most one öre per row is missing or extra.
  const counts = weights.map((c) => {
    const k = ceilDiv(2n * c * q - total, 2n * total);
    return k < 0n ? 0n : k > c ? c : k;
  });
  let given = counts.reduce((s, k) => s + k, 0n);
  if (given < q) {
    const next = new Heap((a, b) => before(weights, a, counts[a], b, counts[b]));
    counts.forEach((k, p) => k < weights[p] && next.push(p));
    while (given < q) {
      const p = next.pop();
      counts[p] += 1n;
      given += 1n;
      if (counts[p] < weights[p]) next.push(p);
    }
  } else if (given > q) {
    const last = new Heap((a, b) => before(weights, b, counts[b] - 1n, a, counts[a] - 1n));
    counts.forEach((k, p) => k > 0n && last.push(p));
    while (given > q) {
      const p = last.pop();
      counts[p] -= 1n;
      given -= 1n;
      if (counts[p] > 0n) last.push(p);
    }
  }
  return counts;
}
