import { dayNumberOf, formatLocalDate, parseLocalDate, weekdayOf, civilDateOf } from './local-date';

/**
 * Swedish holidays as DOMAIN.md 6.2 defines them: the public holidays of SFS 1989:253 (allmänna
 * helgdagar, in the wording in force since 2005) plus midsommarafton, julafton and nyårsafton.
 * Påskafton and pingstafton are not holidays here. The current law is applied to every year.
 */

/** One holiday: its local date and its Swedish name. */
export interface SwedishHoliday {
  date: string;
  name: string;
}

/** Day number of påskdagen (Easter Sunday) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSundayDayNumber(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

/** Påskdagen of a year as 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  return formatLocalDate(easterSundayDayNumber(year));
}

/** The first day number in [from, to] (inclusive, same month) that falls on an ISO weekday. */
function firstWeekdayBetween(year: number, month: number, from: number, weekday: number): number {
  const first = dayNumberOf(year, month, from);
  return first + ((weekday - weekdayOf(first) + 7) % 7);
}

/** Holidays of a year as [day number, Swedish name], in date order. */
function holidaysOfYear(year: number): Array<[number, string]> {
  const easter = easterSundayDayNumber(year);
  const FRIDAY = 5;
  const SATURDAY = 6;
  const list: Array<[number, string]> = [
    [dayNumberOf(year, 1, 1), 'Nyårsdagen'],
    [dayNumberOf(year, 1, 6), 'Trettondedag jul'],
    [easter - 2, 'Långfredagen'],
    [easter, 'Påskdagen'],
    [easter + 1, 'Annandag påsk'],
    [dayNumberOf(year, 5, 1), 'Första maj'],
    [easter + 39, 'Kristi himmelsfärdsdag'],
    [dayNumberOf(year, 6, 6), 'Sveriges nationaldag'],
    [easter + 49, 'Pingstdagen'],
    // Midsommarafton: the Friday 19–25 June; midsommardagen: the Saturday 20–26 June.
    [firstWeekdayBetween(year, 6, 19, FRIDAY), 'Midsommarafton'],
    [firstWeekdayBetween(year, 6, 20, SATURDAY), 'Midsommardagen'],
    // Alla helgons dag: the Saturday 31 October – 6 November.
    [firstWeekdayBetween(year, 10, 31, SATURDAY), 'Alla helgons dag'],
    [dayNumberOf(year, 12, 24), 'Julafton'],
    [dayNumberOf(year, 12, 25), 'Juldagen'],
    [dayNumberOf(year, 12, 26), 'Annandag jul'],
    [dayNumberOf(year, 12, 31), 'Nyårsafton'],
  ];
  return list.sort((x, y) => x[0] - y[0]);
}

const namesByYear = new Map<number, Map<number, string>>();

/** Map of day number → name for a year; two holidays on one date get both names. */
function holidayNamesOfYear(year: number): Map<number, string> {
  let names = namesByYear.get(year);
  if (!names) {
    names = new Map();
    for (const [day, name] of holidaysOfYear(year)) {
      const other = names.get(day);
      names.set(day, other ? `${other} och ${name}` : name);
    }
    namesByYear.set(year, names);
  }
  return names;
}

/** Every holiday of a year, in date order (a date can occur twice, e.g. Kristi himmelsfärd on 1 May). */
export function swedishHolidays(year: number): SwedishHoliday[] {
  return holidaysOfYear(year).map(([day, name]) => ({ date: formatLocalDate(day), name }));
}

/** Swedish name of the holiday on a day number, or null on an ordinary day. */
export function swedishHolidayNameOfDay(dayNumber: number): string | null {
  return holidayNamesOfYear(civilDateOf(dayNumber).year).get(dayNumber) ?? null;
}

/** Swedish name of the holiday on a 'YYYY-MM-DD' date, or null; an invalid date is null too. */
export function swedishHolidayName(localDate: string): string | null {
  const day = parseLocalDate(localDate);
  return day === null ? null : swedishHolidayNameOfDay(day);
}
