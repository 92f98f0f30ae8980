/**
 * Local calendar dates as day numbers (days since 1970-01-01) and as 'YYYY-MM-DD' text.
 * Plain integer arithmetic on the proleptic Gregorian calendar, so it is fast and has no
 * time zone: a local date is a date on the wall calendar, not an instant.
 */

/** Milliseconds in a calendar day of wall-clock time. */
export const MS_PER_DAY = 86_400_000;
/** Milliseconds in a minute. */
export const MS_PER_MINUTE = 60_000;
/** Minutes in a calendar day of wall-clock time. */
export const MINUTES_PER_DAY = 1440;

/** Years the engine accepts; outside them time zone data and holiday law are not meaningful. */
export const FIRST_SUPPORTED_YEAR = 1970;
export const LAST_SUPPORTED_YEAR = 2199;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A calendar date split into its parts (month 1–12). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const LOCAL_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number (Howard Hinnant's civil_from_days). */
export function civilDateOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Number of days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  return (
    dayNumberOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberOf(year, month, 1)
  );
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatLocalDate(dayNumber: number): string {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of a 'YYYY-MM-DD' text, or null when it is not a real date in the supported years. */
export function parseLocalDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = LOCAL_DATE_TEXT.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidCivilDate(year, month, day)) return null;
  return dayNumberOf(year, month, day);
}

/** The Swedish problem text for a bad 'YYYY-MM-DD' value, or null when it is valid. */
export function checkLocalDate(text: unknown): string | null {
  if (parseLocalDate(text) !== null) return null;
  if (typeof text === 'string' && LOCAL_DATE_TEXT.test(text)) {
    const year = Number(text.slice(0, 4));
    if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
      return `Året i ${text} måste ligga mellan ${FIRST_SUPPORTED_YEAR} och ${LAST_SUPPORTED_YEAR}`;
    }
    return `${text} är inget giltigt datum`;
  }
  return `Ogiltigt datum ${JSON.stringify(text)}: ange ÅÅÅÅ-MM-DD, t.ex. 2025-06-20`;
}

/** True when year, month and day form a real date inside the supported years. */
export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return (
    year >= FIRST_SUPPORTED_YEAR &&
    year <= LAST_SUPPORTED_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Two-digit zero-padded number, for clock times and dates. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'HH:MM' of a minute of the day (0–1440). */
export function formatClockTime(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

const CLOCK_TIME_TEXT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minute of the day of an 'HH:MM' clock time, or null when it is not one. '24:00' (the end of
 * the day) is accepted only when `allowEndOfDay` is set, for the end of a window.
 */
export function parseClockTime(text: unknown, allowEndOfDay = false): number | null {
  if (typeof text !== 'string') return null;
  if (text === '24:00') return allowEndOfDay ? MINUTES_PER_DAY : null;
  const match = CLOCK_TIME_TEXT.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
