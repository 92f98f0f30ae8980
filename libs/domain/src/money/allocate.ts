import { Dec } from './decimal';
import { Money } from './money';
import { DomainError } from '../errors';

/**
 * Splits a whole-öre amount into whole-öre parts by the largest remainder method of DOMAIN.md 5.2:
 * floor of each exact share, remaining öre one each to the largest fractional parts, ties to the
 * receiver listed first; a negative amount is split as its absolute value and negated.
 * Weights are non-negative integers (scale decimals first, see `allocate`).
 */
export function allocateLargestRemainder(amount: bigint, weights: readonly bigint[]): bigint[] {
  const n = weights.length;
  const parts = new Array<bigint>(n).fill(0n);
  if (amount === 0n) return parts;
  let total = 0n;
  for (const w of weights) {
    if (w < 0n)
      throw new DomainError(
        'ALLOCATION_NEGATIVE_WEIGHT',
        'En fördelningsvikt får inte vara negativ',
        'invalid',
      );
    total += w;
  }
  if (total === 0n) {
    throw new DomainError('ALLOCATION_NO_RECEIVER', 'Beloppet saknar mottagare med positiv vikt', 'invalid');
  }
  const negative = amount < 0n;
  const a = negative ? -amount : amount;
  const remainders = new Array<bigint>(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const product = a * weights[i];
    parts[i] = product / total;
    remainders[i] = product % total;
    given += parts[i];
  }
  let left = Number(a - given);
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i).filter((i) => remainders[i] > 0n);
    order.sort((x, y) => (remainders[x] === remainders[y] ? x - y : remainders[x] > remainders[y] ? -1 : 1));
    for (let k = 0; k < left; k++) parts[order[k]] += 1n;
    left = 0;
  }
  if (negative) for (let i = 0; i < n; i++) parts[i] = -parts[i];
  return parts;
}

/** Scales non-negative decimal weights to integers with the same ratios. */
export function integerWeights(weights: readonly (Dec | string | number | bigint)[]): bigint[] {
  if (weights.every((w) => typeof w === 'bigint')) return weights as bigint[];
  const decimals = weights.map((w) => (typeof w === 'bigint' ? new Dec(w.toString()) : new Dec(w)));
  let scale = 0;
  for (const d of decimals) {
    if (d.isNegative() && !d.isZero()) {
      throw new DomainError(
        'ALLOCATION_NEGATIVE_WEIGHT',
        'En fördelningsvikt får inte vara negativ',
        'invalid',
      );
    }
    scale = Math.max(scale, d.decimalPlaces());
  }
  const factor = new Dec(10).pow(scale);
  return decimals.map((d) => BigInt(d.times(factor).toString()));
}

/** Splits money over weights by DOMAIN.md 5.2; the parts always sum to the amount. */
export function allocate(amount: Money, weights: readonly (Dec | string | number | bigint)[]): Money[] {
  return allocateLargestRemainder(amount.ore, integerWeights(weights)).map((ore) => Money.ofOre(ore));
}

/** Spreads an amount over `count` equal periods; earlier periods take the extra öre (DOMAIN.md 5.6). */
export function spreadEvenly(amount: Money, count: number): Money[] {
  return allocate(amount, new Array<bigint>(count).fill(1n));
}
