import { Dec } from '../money/decimal';
import { Money } from '../money/money';
import { ProblemList } from '../errors';

/** VAT rates in Sweden (percent); 0 is used where no VAT is charged. */
export const VAT_RATES = ['25', '12', '6', '0'] as const;
export type VatRate = (typeof VAT_RATES)[number];

export interface VatBreakdown {
  rate: VatRate;
  base: Money;
  vat: Money;
}

export interface InvoiceTotals {
  net: Money;
  vat: Money;
  gross: Money;
  breakdown: VatBreakdown[];
}

/** Checks a VAT rate; returns it typed or records a problem. */
export function checkVatRate(value: unknown, path: string, problems: ProblemList): VatRate | null {
  if (typeof value === 'string' && (VAT_RATES as readonly string[]).includes(value)) return value as VatRate;
  problems.add(path, `Momssatsen måste vara en av ${VAT_RATES.join(', ')} procent`);
  return null;
}

/**
 * Invoice totals by DOMAIN.md 7: VAT per rate on the sum of the lines' net amounts, half-up to
 * öre; rates in descending order. The parts always add up: gross = net + Σ vat.
 */
export function computeInvoiceTotals(lines: readonly { net: Money; vatRate: VatRate }[]): InvoiceTotals {
  const bases = new Map<VatRate, Money>();
  for (const line of lines) bases.set(line.vatRate, (bases.get(line.vatRate) ?? Money.ZERO).plus(line.net));
  const breakdown = VAT_RATES.filter((rate) => bases.has(rate)).map((rate) => {
    const base = bases.get(rate)!;
    return { rate, base, vat: base.timesHalfUp(new Dec(rate).dividedBy(100)) };
  });
  const net = Money.sum(breakdown.map((b) => b.base));
  const vat = Money.sum(breakdown.map((b) => b.vat));
  return { net, vat, gross: net.plus(vat), breakdown };
}
