/** Greatest common divisor of two non-negative bigints. */
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * An exact rational number over bigint, always in lowest terms with a positive denominator.
 * Reciprocal groups are solved with it, so no amount is ever rounded before the final öre.
 */
export class Fraction {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Fraction(0n, 1n);
  static readonly ONE = new Fraction(1n, 1n);

  /** The fraction num/den in lowest terms; den must not be zero. */
  static of(num: bigint, den: bigint = 1n): Fraction {
    if (den === 0n) throw new RangeError('Fraction with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(abs(num), den);
    return g > 1n ? new Fraction(num / g, den / g) : new Fraction(num, den);
  }

  plus(o: Fraction): Fraction {
    if (this.den === o.den) return Fraction.of(this.num + o.num, this.den);
    return Fraction.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  minus(o: Fraction): Fraction {
    return this.plus(o.negate());
  }

  times(o: Fraction): Fraction {
    return Fraction.of(this.num * o.num, this.den * o.den);
  }

  dividedBy(o: Fraction): Fraction {
    if (o.num === 0n) throw new RangeError('Fraction division by zero');
    return Fraction.of(this.num * o.den, this.den * o.num);
  }

  negate(): Fraction {
    return new Fraction(-this.num, this.den);
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** Largest integer not above the value (towards minus infinity). */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  equals(o: Fraction): boolean {
    return this.num === o.num && this.den === o.den;
  }

  /** A decimal rendering for messages and tests, truncated to `digits` decimals. */
  toDecimalString(digits = 6): string {
    const negative = this.num < 0n;
    const n = abs(this.num);
    const scale = 10n ** BigInt(digits);
    const scaled = (n * scale) / this.den;
    const int = scaled / scale;
    const frac = (scaled % scale).toString().padStart(digits, '0');
    return `${negative ? '-' : ''}${int}${digits > 0 ? `.${frac}` : ''}`;
  }
}

/** Least common multiple of the denominators, to put fractions on one denominator. */
export function commonDenominator(values: readonly Fraction[]): bigint {
  let l = 1n;
  for (const v of values) l = (l / gcd(l, v.den)) * v.den;
  return l;
}
