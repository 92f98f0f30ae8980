import fc from 'fast-check';
import { Money } from '../money/money';
import { checkLineQuantity, lineForAmount, lineOf, negateLine } from './line-amount';

const m = (s: string) => Money.parse(s);
const text = (l: ReturnType<typeof lineOf>) => [l.quantity, l.unitPrice.toString(), l.net.toString()];

describe('a line is quantity × a non-negative unit price (DOMAIN.md 7)', () => {
  it('keeps the quantity: 6.5 h × 950.00 = 6 175.00', () => {
    expect(text(lineOf('6.5', m('950.00')))).toEqual(['6.5', '950.00', '6175.00']);
  });
  it('rounds the net half-up, away from zero: 2.5 × 0.03 = 0.075 → 0.08, −2.5 × 0.03 → −0.08', () => {
    expect(lineOf('2.5', m('0.03')).net.toString()).toBe('0.08');
    expect(lineOf('-2.5', m('0.03')).net.toString()).toBe('-0.08');
  });
  it('writes a negative amount as −1 × its absolute value', () => {
    expect(text(lineForAmount(m('-8333.33')))).toEqual(['-1', '8333.33', '-8333.33']);
    expect(text(lineForAmount(m('120000.00')))).toEqual(['1', '120000.00', '120000.00']);
    expect(text(negateLine(lineOf('6.5', m('950.00'))))).toEqual(['-6.5', '950.00', '-6175.00']);
  });
  it('refuses a negative unit price and checks a typed quantity', () => {
    expect(() => lineOf('1', m('-1.00'))).toThrow(RangeError);
    expect(checkLineQuantity('-6.5', 'quantity')).toBeNull();
    expect(checkLineQuantity('0', 'quantity')?.message).toBe('Antalet får inte vara noll');
    expect(checkLineQuantity('6,5', 'quantity')?.path).toBe('quantity');
  });
  it('property: a line from an amount keeps the amount and never has a negative price', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (ore) => {
        const line = lineForAmount(Money.ofOre(ore));
        expect(line.unitPrice.isNegative()).toBe(false);
        expect(line.net.ore).toBe(ore);
        expect(lineOf(line.quantity, line.unitPrice).net.ore).toBe(ore);
      }),
    );
  });
});
