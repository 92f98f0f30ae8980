import { Money, spreadEvenly } from '../money';
import type { CostSplit } from '../cost-model';
import {
  CONSUMER_FUNDING_MODES,
  type AdministrativeLoad,
  type ConsumerFunding,
  type ConsumerFundingMode,
  type FundingModeLoad,
} from './scenario-types';

/**
 * The yearly number of internal charges and invoices a split would produce, counted the way an
 * invoice run makes them (DOMAIN.md 5.6 and 7): each yearly amount is spread over the periods
 * (earliest take the extra öre) and a period with a zero part makes nothing.
 * - appropriation: no charge and no invoice (the share is only reported);
 * - internal charge: one charge per consumer, service and period;
 * each service of a consumer counted by its own mode where the consumer funds it otherwise;
 * - external invoice: one invoice per buyer and period with at least one line (a consumer that
 *   pays a fixed fee by its own agreement is invoiced every period, one billed by the hour only
 *   for hours, which no model predicts).
 */
export function administrativeLoad(
  split: CostSplit,
  fundingOf: (consumerId: string) => ConsumerFunding,
): AdministrativeLoad {
  const amounts = new Map<ConsumerFundingMode, Money[]>(CONSUMER_FUNDING_MODES.map((m) => [m, []]));
  const consumers = new Map<ConsumerFundingMode, number>(CONSUMER_FUNDING_MODES.map((m) => [m, 0]));
  let internalCharges = 0;
  const invoices = new Set<string>();

  for (const consumer of split.consumers) {
    const funding = fundingOf(consumer.id);
    consumers.set(funding.mode, consumers.get(funding.mode)! + 1);
    const nonZeroPeriods = (amount: Money) =>
      spreadEvenly(amount, funding.periodsPerYear)
        .map((part, i) => (part.isZero() ? -1 : i + 1))
        .filter((p) => p > 0);
    const invoicePeriods = new Set<number>();
    if (funding.mode === 'external-invoice' && funding.basis === 'fixed-fee') {
      for (let p = 1; p <= funding.periodsPerYear; p++) invoicePeriods.add(p);
    }
    for (const line of consumer.services) {
      const mode = funding.serviceModes[line.to] ?? funding.mode;
      amounts.get(mode)!.push(line.amount);
      if (mode === 'appropriation' || funding.basis !== 'share') continue;
      if (mode === 'internal-charge') internalCharges += nonZeroPeriods(line.amount).length;
      else for (const p of nonZeroPeriods(line.amount)) invoicePeriods.add(p);
    }
    for (const p of invoicePeriods)
      invoices.add(`${funding.buyer ?? consumer.id}|${funding.periodsPerYear}|${p}`);
  }

  const byMode = {} as Record<ConsumerFundingMode, FundingModeLoad>;
  for (const mode of CONSUMER_FUNDING_MODES) {
    byMode[mode] = {
      consumers: consumers.get(mode)!,
      amount: Money.sum(amounts.get(mode)!).toString(),
      internalCharges: mode === 'internal-charge' ? internalCharges : 0,
      invoices: mode === 'external-invoice' ? invoices.size : 0,
    };
  }
  return { internalCharges, invoices: invoices.size, byMode };
}
