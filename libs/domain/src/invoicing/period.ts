import { ValidationError } from '../errors';

export type PeriodKind = 'month' | 'quarter' | 'tertial' | 'year';

/** An invoicing period: a month (2025-03), quarter (2025-Q1), tertial (2025-T1) or year (2025). */
export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** 1-based position within the year (month 3, quarter 1, …). */
  index: number;
  /** How many periods of this kind a year has. */
  perYear: number;
  /** The months it covers, 'YYYY-MM'. */
  months: string[];
  firstDay: string;
  lastDay: string;
}

const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, tertial: 3, year: 1 };
const LENGTH: Record<PeriodKind, number> = { month: 1, quarter: 3, tertial: 4, year: 12 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1];
}

/** The period of a kind, year and position. */
export function periodOf(kind: PeriodKind, year: number, index: number): Period {
  const length = LENGTH[kind];
  const firstMonth = (index - 1) * length + 1;
  const months = Array.from({ length }, (_, i) => `${year}-${pad(firstMonth + i)}`);
  const lastMonth = firstMonth + length - 1;
  const key =
    kind === 'month'
      ? `${year}-${pad(index)}`
      : kind === 'quarter'
        ? `${year}-Q${index}`
        : kind === 'tertial'
          ? `${year}-T${index}`
          : `${year}`;
  return {
    key,
    kind,
    year,
    index,
    perYear: PER_YEAR[kind],
    months,
    firstDay: `${year}-${pad(firstMonth)}-01`,
    lastDay: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** Parses '2025-03', '2025-Q1', '2025-T1' or '2025'; a clear error otherwise. */
export function parsePeriod(text: unknown, path = 'period'): Period {
  const value = typeof text === 'string' ? text.trim() : '';
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value))) return periodOf('month', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return periodOf('quarter', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-T([1-3])$/.exec(value))) return periodOf('tertial', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})$/.exec(value))) return periodOf('year', Number(m[1]), 1);
  throw new ValidationError(
    [
      {
        path,
        message: `Ogiltig period "${String(text)}": skriv t.ex. 2025-03 (månad), 2025-Q1 (kvartal), 2025-T1 (tertial) eller 2025 (år)`,
      },
    ],
    'Ogiltig period',
    'PERIOD_INVALID',
  );
}

/** The period of a kind that contains a month 'YYYY-MM'. */
export function periodContaining(kind: PeriodKind, month: string): Period {
  const [year, m] = month.split('-').map(Number);
  return periodOf(kind, year, Math.floor((m - 1) / LENGTH[kind]) + 1);
}

/**
 * Newest first: the period that ends later first, and of periods ending on the same day the shorter
 * (2025-12, 2025-Q4, 2025-T3, 2025, then 2025-11). Two periods never share both first and last day.
 */
export function comparePeriodsNewestFirst(a: Period, b: Period): number {
  return b.lastDay.localeCompare(a.lastDay) || b.firstDay.localeCompare(a.firstDay);
}

/** Adds whole days to a 'YYYY-MM-DD' date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  const r = new Date(t);
  return `${r.getUTCFullYear()}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}

/** True when every month of `inner` lies in `outer` (DOMAIN.md 7: `2025` holds all of 2025's periods). */
export function periodContains(outer: Period, inner: Period): boolean {
  return inner.months.every((month) => outer.months.includes(month));
}

const KINDS: PeriodKind[] = ['month', 'quarter', 'tertial', 'year'];

/** Every period of the same year that shares a month with `period`, of every kind, in calendar order. */
function periodsOverlapping(period: Period): Period[] {
  const out = new Map<string, Period>();
  for (const kind of KINDS)
    for (const month of period.months) {
      const p = periodContaining(kind, month);
      out.set(p.key, p);
    }
  return [...out.values()];
}

/**
 * The period keys a lookup for `period` holds: every month, quarter, tertial or year lying inside
 * it (`2025` → all 20 keys of 2025; `2025-Q1` → 2025-Q1 and its three months; `2025-03` → itself).
 */
export function periodKeysWithin(period: Period): string[] {
  return periodsOverlapping(period)
    .filter((p) => periodContains(period, p))
    .map((p) => p.key);
}

/**
 * The longer periods that overlap `period` without lying inside it: what a party billed by
 * quarter, tertial or year has for a month (`2025-03` → 2025-Q1, 2025-T1, 2025), so a lookup
 * can say where those documents are instead of answering with nothing.
 */
export function periodsOverlappingLonger(period: Period): Period[] {
  return periodsOverlapping(period).filter((p) => !periodContains(period, p));
}

/** The Swedish name of a billing frequency: "månad", "kvartal", "tertial", "år". */
export function frequencyName(kind: PeriodKind): string {
  return { month: 'månad', quarter: 'kvartal', tertial: 'tertial', year: 'år' }[kind];
}

/** A range of period keys in text order: from (inclusive) to (exclusive); a missing end is open. */
export interface PeriodKeyRange {
  from?: string;
  to?: string;
}

/**
 * The ranges of period keys that lie outside the given years, in text order. Every key of a year
 * (`2024`, `2024-03`, `2024-Q1`, `2024-T1`) sorts at or after `2024` and before `2025`, so leaving
 * out a run of years 2020–2024 is one gap: keys before `2020` and keys from `2025`. A query can thus
 * read an index only where the years left out (e.g. those wholly closed) do not lie.
 */
export function periodKeyRangesOutsideYears(years: Iterable<number>): PeriodKeyRange[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const ranges: PeriodKeyRange[] = [];
  let from: string | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    ranges.push({ ...(from === undefined ? {} : { from }), to: String(first) });
    from = String(sorted[i] + 1);
  }
  ranges.push(from === undefined ? {} : { from });
  return ranges;
}
