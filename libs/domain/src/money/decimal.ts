import Decimal from 'decimal.js';

/**
 * The engine's own Decimal constructor. A private clone, so nothing else in the process can
 * change its precision or rounding. 60 significant digits hold any amount and weight product
 * we accept without loss; the default rounding is half-up, as Swedish accounting expects.
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

/** Rounding modes the engine uses, by name. */
export const Rounding = {
  halfUp: Decimal.ROUND_HALF_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
} as const;

/**
 * numerator ÷ denominator × 100, half-up (away from zero) to one decimal, always written with one
 * decimal ("53.0", "-18.4"); the one place percentages are rounded. The denominator must not be zero.
 */
export function percentOneDecimal(
  numerator: Dec | string | number,
  denominator: Dec | string | number,
): string {
  const percent = new Dec(numerator)
    .times(100)
    .dividedBy(new Dec(denominator))
    .toDecimalPlaces(1, Rounding.halfUp);
  if (percent.isZero()) return '0.0';
  const text = percent.toString();
  return text.includes('.') ? text : `${text}.0`;
}
