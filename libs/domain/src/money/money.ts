import { Dec, Rounding } from './decimal';
import { DomainError, Problem } from '../errors';

const MONEY_TEXT = /^-?\d{1,15}(\.\d{1,2})?$/;
/** Largest amount we accept: 999 999 999 999 999.99 SEK, well inside DECIMAL(19,2) on both databases. */
export const MAX_ORE = 99_999_999_999_999_999n;

/**
 * An amount in SEK held as whole öre (bigint), so it is exact; Decimal is used only to parse,
 * multiply and round. Immutable.
 */
export class Money {
  private constructor(readonly ore: bigint) {}

  static readonly ZERO = new Money(0n);

  static ofOre(ore: bigint | number): Money {
    if (typeof ore === 'number' && !Number.isSafeInteger(ore)) {
      throw new DomainError('MONEY_INVALID', `Beloppet ${ore} är inte ett helt antal öre`, 'invalid');
    }
    return new Money(BigInt(ore));
  }

  /** Parses "1234.50", "-3", 12.5 — at most two decimals; throws a DomainError naming `path`. */
  static parse(input: unknown, path = 'amount'): Money {
    const problem = Money.check(input, path);
    if (problem) throw new DomainError('MONEY_INVALID', problem.message, 'invalid', [problem]);
    return Money.fromDecimalExact(new Dec(String(input).trim()));
  }

  /** Returns the problem with a money input, or null when it is a valid amount. */
  static check(input: unknown, path = 'amount'): Problem | null {
    let text: string;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) return { path, message: 'Beloppet måste vara ett ändligt tal' };
      text = String(input);
    } else if (typeof input === 'string') {
      text = input.trim();
    } else {
      return { path, message: 'Beloppet måste anges som ett tal eller en sträng, t.ex. "1234.50"' };
    }
    if (!MONEY_TEXT.test(text)) {
      return {
        path,
        message: `Ogiltigt belopp "${String(input)}": ange kronor med punkt och högst två decimaler, t.ex. "1234.50"`,
      };
    }
    return null;
  }

  /** A decimal that must already be whole öre. */
  static fromDecimalExact(d: Dec): Money {
    const ore = d.times(100);
    if (!ore.isInteger())
      throw new DomainError('MONEY_INVALID', `${d.toString()} har fler än två decimaler`, 'invalid');
    const value = BigInt(ore.toString());
    if (value > MAX_ORE || value < -MAX_ORE) {
      throw new DomainError(
        'MONEY_OUT_OF_RANGE',
        `Beloppet ${d.toString()} är större än vad som stöds`,
        'invalid',
      );
    }
    return new Money(value);
  }

  /** Rounds any decimal amount in kronor half-up (away from zero at .5) to whole öre. */
  static fromDecimalHalfUp(d: Dec): Money {
    return new Money(BigInt(d.times(100).toDecimalPlaces(0, Rounding.halfUp).toString()));
  }

  static sum(items: Iterable<Money>): Money {
    let total = 0n;
    for (const m of items) total += m.ore;
    return new Money(total);
  }

  plus(other: Money): Money {
    return new Money(this.ore + other.ore);
  }
  minus(other: Money): Money {
    return new Money(this.ore - other.ore);
  }
  negate(): Money {
    return new Money(-this.ore);
  }
  /** This amount times a decimal factor, half-up to öre. */
  timesHalfUp(factor: Dec | string | number): Money {
    return Money.fromDecimalHalfUp(this.toDecimal().times(new Dec(factor)));
  }
  isZero(): boolean {
    return this.ore === 0n;
  }
  isNegative(): boolean {
    return this.ore < 0n;
  }
  isPositive(): boolean {
    return this.ore > 0n;
  }
  equals(other: Money): boolean {
    return this.ore === other.ore;
  }
  compare(other: Money): -1 | 0 | 1 {
    return this.ore < other.ore ? -1 : this.ore > other.ore ? 1 : 0;
  }
  abs(): Money {
    return this.ore < 0n ? new Money(-this.ore) : this;
  }
  toDecimal(): Dec {
    return new Dec(this.ore.toString()).dividedBy(100);
  }
  /** Always exactly two decimals, point as separator: "1400000.00", "-0.05". */
  toString(): string {
    const negative = this.ore < 0n;
    const abs = negative ? -this.ore : this.ore;
    const kr = abs / 100n;
    const ore = (abs % 100n).toString().padStart(2, '0');
    return `${negative ? '-' : ''}${kr}.${ore}`;
  }
  toJSON(): string {
    return this.toString();
  }
  /** Swedish display: "1 400 000,00". */
  toSwedish(): string {
    const [kr, ore] = this.toString().split('.');
    const negative = kr.startsWith('-');
    const digits = negative ? kr.slice(1) : kr;
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
    return `${negative ? '-' : ''}${grouped},${ore}`;
  }
}
