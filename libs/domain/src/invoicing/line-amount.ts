import { Dec } from '../money/decimal';
import { Money } from '../money/money';
import { Problem } from '../errors';

/** A line's quantity, unit price and net: net = quantity × unit price, half-up to öre (DOMAIN.md 7). */
export interface LineAmount {
  /** Signed decimal text, e.g. "6.5" or "-1". */
  quantity: string;
  /** Never negative: EN 16931 forbids negative prices (BR-27). */
  unitPrice: Money;
  net: Money;
}

const SIGNED_QUANTITY = /^-?\d{1,15}(\.\d{1,10})?$/;

/** Returns the problem with a signed line quantity (it may be negative, never zero), or null. */
export function checkLineQuantity(input: unknown, path: string): Problem | null {
  const text = typeof input === 'number' && Number.isFinite(input) ? String(input) : input;
  if (typeof text !== 'string' || !SIGNED_QUANTITY.test(text.trim()))
    return {
      path,
      message: `Ogiltigt antal "${String(input)}": ange ett decimaltal, t.ex. "6.5" eller "-1"`,
    };
  if (new Dec(text.trim()).isZero()) return { path, message: 'Antalet får inte vara noll' };
  return null;
}

/** Quantity × unit price, the net rounded half-up (away from zero) to öre; the price must not be negative. */
export function lineOf(quantity: string, unitPrice: Money): LineAmount {
  if (unitPrice.isNegative()) throw new RangeError('A unit price is never negative; negate the quantity');
  const q = new Dec(quantity);
  return { quantity: q.toString(), unitPrice, net: unitPrice.timesHalfUp(q) };
}

/** One line for a signed amount: a negative amount is quantity -1 × its absolute value (DOMAIN.md 7). */
export function lineForAmount(amount: Money): LineAmount {
  return { quantity: amount.isNegative() ? '-1' : '1', unitPrice: amount.abs(), net: amount };
}

/** The same line with the opposite sign: the quantity turns, the unit price stays. */
export function negateLine(line: LineAmount): LineAmount {
  return {
    quantity: new Dec(line.quantity).negated().toString(),
    unitPrice: line.unitPrice,
    net: line.net.negate(),
  };
}
