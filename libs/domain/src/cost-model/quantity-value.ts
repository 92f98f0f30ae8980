import { Dec } from '../money';
import type { Quantity } from './types';

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

/**
 * A Quantity whose Decimal is made only when asked for: a large model has tens of thousands of
 * weights and volumes, and the engine works on the scaled integers alone.
 */
class ScaledQuantity implements Quantity {
  private decimal: Dec | undefined;
  constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}
  get value(): Dec {
    if (this.decimal === undefined) {
      const d = new Dec(this.units.toString());
      this.decimal = this.scale === 0 ? d : d.dividedBy(new Dec(10).pow(this.scale));
    }
    return this.decimal;
  }
  toJSON(): string {
    return this.value.toString();
  }
}

/** Turns a weight or volume that `checkQuantity` accepted into a Quantity (exact decimal + scaled integer). */
export function toQuantity(input: string | number): Quantity {
  const text = String(input).trim();
  const dot = text.indexOf('.');
  let units: bigint;
  let scale = 0;
  if (dot < 0) {
    units = BigInt(text);
  } else {
    // Trailing zeros carry no value; dropping them keeps the common scale of a weight list small.
    const frac = text.slice(dot + 1).replace(/0+$/, '');
    scale = frac.length;
    units = BigInt(text.slice(0, dot) + frac);
  }
  return new ScaledQuantity(units, scale);
}

/** The exact sum of quantities, as a Decimal. */
export function sumOfQuantities(quantities: readonly Quantity[]): Dec {
  const weights = scaledWeights(quantities);
  let max = 0;
  for (const q of quantities) if (q.scale > max) max = q.scale;
  const total = new Dec(weights.reduce((s, w) => s + w, 0n).toString());
  return max === 0 ? total : total.dividedBy(new Dec(10).pow(max));
}

/**
 * Scales quantities to integers with the same ratios (same idea as `integerWeights`, but on the
 * already-scaled form, so the engine's hot path never touches Decimal).
 */
export function scaledWeights(quantities: readonly Quantity[]): bigint[] {
  let max = 0;
  for (const q of quantities) if (q.scale > max) max = q.scale;
  const out = new Array<bigint>(quantities.length);
  for (let i = 0; i < quantities.length; i++) {
    const q = quantities[i];
    out[i] = q.scale === max ? q.units : q.units * POW10[max - q.scale];
  }
  return out;
}

/** Whether a quantity is above zero. */
export function isPositive(q: Quantity): boolean {
  return q.units > 0n;
}
