import { parseLocalDate } from '../calendar/local-date';
import { Problem } from '../errors';
import { Dec } from '../money/decimal';

const HOURS_TEXT = /^\d{1,6}(\.\d{1,2})?$/;

/** Largest estimate and largest single report of hours accepted. */
export const MAX_ESTIMATE_HOURS = '100000';
export const MAX_REPORTED_HOURS = '1000';

/**
 * Reads a number of hours (text or number, decimal point or comma, at most two decimals) that must
 * be above zero and at most `max`; returns the canonical text ("3.5") or the problem at `path`.
 */
export function readDevelopmentHours(
  value: unknown,
  max: string,
  path: string,
): { ok: true; hours: string } | { ok: false; problem: Problem } {
  const text =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? value.trim().replace(',', '.')
        : '';
  if (!HOURS_TEXT.test(text)) {
    return {
      ok: false,
      problem: { path, message: 'Ange timmar som ett tal med högst två decimaler, t.ex. 3.5' },
    };
  }
  const hours = new Dec(text);
  if (hours.lte(0) || hours.gt(max)) {
    return {
      ok: false,
      problem: { path, message: `Antalet timmar måste vara större än 0 och högst ${max}` },
    };
  }
  return { ok: true, hours: hours.toString() };
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
function monthOf(localDate: string): string {
  return localDate.slice(0, 7);
}

/** The month after a 'YYYY-MM'. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The month hours reported on `reportedOn` are billed in: its own month, or the first later
 * month that is not closed (DOMAIN.md 7: late items go to the first open period).
 */
export function firstOpenMonthFrom(reportedOn: string, closedMonths: ReadonlySet<string>): string {
  if (parseLocalDate(reportedOn) === null) throw new RangeError(`not a date: ${reportedOn}`);
  let month = monthOf(reportedOn);
  while (closedMonths.has(month)) month = nextMonth(month);
  return month;
}
