import { Period, periodContaining } from './period';

/**
 * The booking date (bokföringsdag) of an issued document (DOMAIN.md 7 "Dates"): its invoice date
 * if that lies in the fiscal (calendar) year of the document's period, otherwise the last day of
 * the period — billing 2025-Q4 in arrears on 2026-01-12 books the revenue on 2025-12-31, in the
 * year it belongs to, as year-end accruals do.
 */
export function bookingDate(input: { invoiceDate: string; period: Period }): string {
  return input.invoiceDate.slice(0, 4) === String(input.period.year)
    ? input.invoiceDate
    : input.period.lastDay;
}

/**
 * The period a credit note belongs to: the month of its own invoice date, never the credited
 * invoice's period, so a closed period's documents and files never change afterwards.
 */
export function creditNotePeriod(invoiceDate: string): Period {
  return periodContaining('month', invoiceDate.slice(0, 7));
}

/** The fiscal year of a booking date (municipalities keep calendar years). */
export function fiscalYearOf(date: string): { year: number; start: string; end: string } {
  const year = Number(date.slice(0, 4));
  return { year, start: `${year}-01-01`, end: `${year}-12-31` };
}
