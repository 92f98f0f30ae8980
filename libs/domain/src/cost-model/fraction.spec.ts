import { commonDenominator, Fraction } from './fraction';

describe('Fraction: exact rationals for reciprocal groups', () => {
  const f = (n: bigint, d: bigint = 1n) => Fraction.of(n, d);

  it('keeps lowest terms with a positive denominator', () => {
    expect(f(6n, -4n)).toEqual(f(-3n, 2n));
    expect([f(6n, -4n).num, f(6n, -4n).den]).toEqual([-3n, 2n]);
    expect(() => f(1n, 0n)).toThrow(RangeError);
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    expect(f(1n, 3n).plus(f(1n, 6n))).toEqual(f(1n, 2n));
    expect(f(1n, 3n).minus(f(1n, 2n))).toEqual(f(-1n, 6n));
    expect(f(2n, 3n).times(f(9n, 4n))).toEqual(f(3n, 2n));
    expect(f(1050n).dividedBy(f(98n, 100n))).toEqual(f(7500n, 7n));
  });

  it('floors towards minus infinity and renders decimals', () => {
    expect(f(7n, 2n).floor()).toBe(3n);
    expect(f(-7n, 2n).floor()).toBe(-4n);
    expect(f(-4n, 2n).floor()).toBe(-2n);
    expect(f(7500n, 7n).toDecimalString(6)).toBe('1071.428571');
    expect(commonDenominator([f(1n, 4n), f(1n, 6n), f(2n)])).toBe(12n);
  });
});
