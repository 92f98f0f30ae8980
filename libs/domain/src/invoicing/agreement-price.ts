import { Dec } from '../money/decimal';
import { Money } from '../money/money';
import { spreadEvenly } from '../money/allocate';
import { PriceModel } from './funding-mode';
import { LineAmount, lineForAmount } from './line-amount';

/** The price terms of a service agreement (DOMAIN.md 4). */
export interface AgreementPrice {
  priceModel: PriceModel;
  yearlyFee: Money | null;
  unitPrice: Money | null;
  /** Decimal volume for the unit-price model. */
  volume: string | null;
  /** Percent per year, e.g. {"2026": "3.5"}. */
  indexation: Readonly<Record<string, string>>;
}

/**
 * The agreement's yearly amount in `year`: the base price (fee, or unit price × volume half-up),
 * then each decided year's indexation up to `year`, in year order, each step half-up to öre, so a
 * year's price carries into the next (480 000.00, 2026 +3.5 % → 496 800.00, 2027 +2 % → 506 736.00).
 * An hourly agreement has no yearly amount (zero): it is billed by reported hours.
 */
export function agreementYearlyAmount(a: AgreementPrice, year: number): Money {
  if (a.priceModel === 'hourly') return Money.ZERO;
  let amount =
    a.priceModel === 'fixed-yearly'
      ? (a.yearlyFee ?? Money.ZERO)
      : (a.unitPrice ?? Money.ZERO).timesHalfUp(new Dec(a.volume ?? '0'));
  const years = Object.keys(a.indexation)
    .filter((y) => Number(y) <= year)
    .sort();
  for (const y of years)
    amount = amount.timesHalfUp(new Dec(1).plus(new Dec(a.indexation[y]).dividedBy(100)));
  return amount;
}

/**
 * The fee line of one period of the agreement's frequency: the indexed yearly amount spread over
 * the year's periods by 5.2, earliest periods taking the extra öre (DOMAIN.md 5.6).
 */
export function agreementFeeOfPeriod(
  a: AgreementPrice,
  period: { year: number; index: number; perYear: number },
): LineAmount {
  return lineForAmount(spreadEvenly(agreementYearlyAmount(a, period.year), period.perYear)[period.index - 1]);
}
