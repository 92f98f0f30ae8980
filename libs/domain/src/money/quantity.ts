import { Dec } from './decimal';
import { Problem } from '../errors';

const QUANTITY_TEXT = /^\d{1,15}(\.\d{1,10})?$/;

/** Returns the problem with a non-negative decimal quantity or weight, or null if it is valid. */
export function checkQuantity(input: unknown, path: string): Problem | null {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { path, message: 'Värdet måste vara ett ändligt tal' };
    if (input < 0) return { path, message: `Värdet får inte vara negativt (${input})` };
    input = String(input);
  }
  if (typeof input !== 'string') return { path, message: 'Värdet måste vara ett tal' };
  const text = input.trim();
  if (text.startsWith('-')) return { path, message: `Värdet får inte vara negativt (${text})` };
  if (!QUANTITY_TEXT.test(text))
    return { path, message: `Ogiltigt tal "${text}": ange ett icke-negativt decimaltal` };
  return null;
}

/** Parses a quantity that checkQuantity accepted. */
export function parseQuantity(input: string | number): Dec {
  return new Dec(String(input).trim());
}
