import { Dec } from '@it-samverkan/domain/money/decimal';
import { Money } from '@it-samverkan/domain/money/money';

/** An API amount ("72108.30") in Swedish: "72 108,30 kr". Exact: the text never passes through a float. */
export function sek(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '–';
  return `${Money.parse(amount).toSwedish()} kr`;
}

/** Whole kronor for drawing a chart only; the tables beside each chart show the exact amounts. */
export function kronorForChart(amount: string): number {
  return Number(Money.parse(amount).ore / 100n);
}

/** The sum of API amounts, exact, as API text ("1234.50"). */
export function sumAmounts(amounts: readonly string[]): string {
  return Money.sum(amounts.map((a) => Money.parse(a))).toString();
}

/** The exact sum of decimal quantities (volumes), as API text ("1250.5"). */
export function sumDecimals(values: readonly (string | number)[]): string {
  return values.reduce((t: Dec, v) => t.plus(String(v)), new Dec(0)).toFixed();
}

/** A share given as a percentage text ("61.8") in Swedish: "61,8 %". */
export function percent(share: string | null | undefined): string {
  if (share === null || share === undefined || share === '') return '–';
  return `${share.replace('.', ',')}\u00a0%`;
}

/** A decimal quantity or volume in Swedish ("1250.5" → "1 250,5"). */
export function decimal(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const [whole, fraction] = String(value).split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '−' : ''}${digits}${fraction ? `,${fraction}` : ''}`;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A moment (ISO timestamp) as Swedish local time: "2025-03-31 14:05". */
export function dateTime(iso: string | null | undefined): string {
  return iso ? STOCKHOLM.format(new Date(iso)) : '–';
}

/** Today's date in Sweden, YYYY-MM-DD (the default invoice date). */
export function todayInSweden(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}
