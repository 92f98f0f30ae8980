import { allocate, spreadEvenly } from '../money/allocate';
import { Money } from '../money/money';

/** One service's yearly amount for a consumer, in model order. */
export interface YearlyServiceShare {
  serviceId: string;
  yearly: Money;
}

/** A consumer's lines of one period: the period charge and its parts per service (model order). */
export interface PeriodShareLines {
  charge: Money;
  services: { serviceId: string; amount: Money }[];
}

/**
 * DOMAIN.md 5.6: the consumer's yearly amount is spread over the year's `periodsPerYear` periods
 * by 5.2 (earliest take the extra öre); each period's charge is divided over the services by 5.2
 * with weights = what each service still has left. Lines of a period add up to its charge, each
 * service's lines add up to its yearly amount. Services with a negative yearly amount (a negative
 * pool) are spread the same way among themselves, so no line has the other sign than its service.
 */
export function spreadConsumerYear(
  shares: readonly YearlyServiceShare[],
  periodsPerYear: number,
  /** Only the periods up to this 1-based one are divided over services (the later stay empty). */
  through = periodsPerYear,
): PeriodShareLines[] {
  const periods: PeriodShareLines[] = Array.from({ length: periodsPerYear }, () => ({
    charge: Money.ZERO,
    services: shares.map((s) => ({ serviceId: s.serviceId, amount: Money.ZERO })),
  }));
  for (const sign of [1, -1]) {
    const members = shares
      .map((s, i) => ({ i, yearly: sign === 1 ? s.yearly : s.yearly.negate() }))
      .filter((s) => s.yearly.isPositive());
    if (members.length === 0) continue;
    const charges = spreadEvenly(Money.sum(members.map((m) => m.yearly)), periodsPerYear);
    const left = members.map((m) => m.yearly);
    // A period's division depends only on the periods before it, so later ones can be left out.
    charges.slice(0, through).forEach((charge, p) => {
      const parts = allocate(
        charge,
        left.map((l) => l.ore),
      );
      parts.forEach((part, k) => {
        left[k] = left[k].minus(part);
        const signed = sign === 1 ? part : part.negate();
        const line = periods[p].services[members[k].i];
        line.amount = line.amount.plus(signed);
        periods[p].charge = periods[p].charge.plus(signed);
      });
    });
  }
  return periods;
}

/** The consumer's lines of the period at 1-based `index` of a year of `periodsPerYear` periods. */
export function costSharesOfPeriod(
  shares: readonly YearlyServiceShare[],
  periodsPerYear: number,
  index: number,
): PeriodShareLines {
  return spreadConsumerYear(shares, periodsPerYear, index)[index - 1];
}
