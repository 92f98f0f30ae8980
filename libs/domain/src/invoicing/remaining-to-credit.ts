import { Money } from '../money/money';

/** An issued invoice's line (net signed: a settlement credit on an invoice is negative). */
export interface CreditableLine {
  id: string;
  net: Money;
}

/** A line of an earlier credit note: which invoice line it credits and by how much (same sign as that line). */
export interface CreditNoteLine {
  creditedLineId: string;
  net: Money;
}

export interface RemainingToCredit {
  /** Per invoice line, in the invoice's order: what is left to credit (same sign as the line, or zero). */
  lines: { lineId: string; remaining: Money }[];
  total: Money;
}

/** What is left to credit on an invoice: each line's net less what earlier credit notes took back. */
export function remainingToCredit(
  invoiceLines: readonly CreditableLine[],
  earlierCredits: readonly CreditNoteLine[],
): RemainingToCredit {
  const credited = new Map<string, Money>();
  for (const c of earlierCredits)
    credited.set(c.creditedLineId, (credited.get(c.creditedLineId) ?? Money.ZERO).plus(c.net));
  const lines = invoiceLines.map((l) => ({
    lineId: l.id,
    remaining: l.net.minus(credited.get(l.id) ?? Money.ZERO),
  }));
  return { lines, total: Money.sum(lines.map((l) => l.remaining)) };
}

/**
 * Why an amount cannot be credited on a line with `remaining` left, or null: it must have the
 * line's sign and not exceed what is left (a negative line is credited with a negative amount).
 */
export function creditAmountProblem(amount: Money, remaining: Money): string | null {
  if (amount.isZero()) return null;
  if (remaining.isZero()) return 'Inget återstår att kreditera på raden';
  if (amount.isNegative() !== remaining.isNegative())
    return remaining.isNegative()
      ? `Raden är negativ: krediteringen anges som ett negativt belopp (högst ${remaining.toString()})`
      : 'Beloppet får inte vara negativt';
  if (amount.abs().compare(remaining.abs()) > 0)
    return `Beloppet ${amount.toString()} överstiger det som återstår att kreditera på raden (${remaining.toString()})`;
  return null;
}
