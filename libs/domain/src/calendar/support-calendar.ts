import { DomainError, ProblemList, ValidationError } from '../errors';
import {
  checkLocalDate,
  formatClockTime,
  formatLocalDate,
  IsoWeekday,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClockTime,
  parseLocalDate,
  weekdayOf,
} from './local-date';
import { swedishHolidayNameOfDay } from './swedish-holidays';
import { isValidTimeZone, TimeZoneRules, timeZoneRules } from './time-zone-rules';

/** Weekdays that can have support hours; weekends are always closed (DOMAIN.md 6.2). */
export type SupportWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri';
export const SUPPORT_WEEKDAYS: readonly SupportWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND_KEYS = ['sat', 'sun'];

/** Opening and closing clock time per weekday, e.g. { mon: ["07:30", "16:30"] }; a missing day is closed. */
export type SupportHours = Partial<Record<SupportWeekday, readonly [string, string]>>;

/** What a support calendar is built from (the framework assignment or an on-call tariff). */
export interface SupportCalendarConfig {
  timezone: string;
  supportHours: SupportHours;
  extraClosedDays?: readonly string[];
}

/** The instants support opens and closes on one local date. */
export interface SupportWindow {
  open: Date;
  close: Date;
}

/** What the calendar knows about one local date; minutes are minutes of the wall-clock day. */
export interface SupportDay {
  readonly dayNumber: number;
  readonly weekday: IsoWeekday;
  readonly holidayName: string | null;
  readonly extraClosed: boolean;
  /** [open, close) in minutes of the day, or null when support is closed all day. */
  readonly supportMinutes: readonly [number, number] | null;
}

const DAY_CACHE_LIMIT = 50_000;
const WORKING_DAY_SEARCH_LIMIT = 3_700;

/**
 * Adds every problem of the calendar fields of `input` (timezone, supportHours, extraClosedDays)
 * to `problems`, with paths like `supportHours.mon[0]`; returns the config when all are valid.
 */
export function collectSupportCalendarProblems(
  input: Record<string, unknown>,
  problems: ProblemList,
): SupportCalendarConfig | null {
  const before = problems.items.length;
  if (!isValidTimeZone(input.timezone)) {
    problems.add(
      'timezone',
      `Okänd tidszon ${JSON.stringify(input.timezone)}: ange en IANA-tidszon, t.ex. Europe/Stockholm`,
    );
  }
  const hours = input.supportHours;
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) {
    problems.add(
      'supportHours',
      'Supporttider måste anges som ett objekt, t.ex. { "mon": ["07:30", "16:30"] }',
    );
  } else {
    for (const [key, value] of Object.entries(hours)) {
      const path = `supportHours.${key}`;
      if (WEEKEND_KEYS.includes(key)) {
        problems.add(path, 'Supporten är alltid stängd lördag och söndag (helg); ta bort dagen');
      } else if (!(SUPPORT_WEEKDAYS as readonly string[]).includes(key)) {
        problems.add(path, `Okänd veckodag "${key}": använd mon, tue, wed, thu eller fri`);
      } else if (!Array.isArray(value) || value.length !== 2) {
        problems.add(path, 'Supporttiden måste vara [öppnar, stänger], t.ex. ["07:30", "16:30"]');
      } else {
        const open = parseClockTime(value[0]);
        const close = parseClockTime(value[1], true);
        if (open === null)
          problems.add(`${path}[0]`, `Ogiltig klockslag ${JSON.stringify(value[0])}: ange TT:MM`);
        if (close === null)
          problems.add(`${path}[1]`, `Ogiltig klockslag ${JSON.stringify(value[1])}: ange TT:MM`);
        if (open !== null && close !== null && open >= close) {
          problems.add(path, `Supporten måste stänga efter att den öppnar (${value[0]}–${value[1]})`);
        }
      }
    }
  }
  const closed = input.extraClosedDays ?? [];
  if (!Array.isArray(closed)) {
    problems.add('extraClosedDays', 'Extra stängda dagar måste vara en lista med datum ÅÅÅÅ-MM-DD');
  } else {
    closed.forEach((day, i) => {
      const problem = checkLocalDate(day);
      if (problem) problems.add(`extraClosedDays[${i}]`, problem);
    });
  }
  if (problems.items.length > before) return null;
  return {
    timezone: input.timezone as string,
    supportHours: hours as SupportHours,
    extraClosedDays: closed as string[],
  };
}

/**
 * The support calendar: which local dates are working days (support open) and when support opens
 * and closes, in one time zone. Holidays, weekends and extra closed days are closed.
 */
export class SupportCalendar {
  readonly timezone: string;
  /** The zone's offsets; the on-call engine walks them. */
  readonly zone: TimeZoneRules;
  private readonly hoursByWeekday: Array<readonly [number, number] | null> = [];
  private readonly extraClosed = new Set<number>();
  private readonly days = new Map<number, SupportDay>();

  /** Validates the config (every problem at once) and builds the calendar. */
  constructor(config: SupportCalendarConfig) {
    const problems = new ProblemList();
    const valid = collectSupportCalendarProblems(config as unknown as Record<string, unknown>, problems);
    if (!valid) throw new ValidationError(problems.items, 'Supportkalendern är ogiltig');
    this.timezone = valid.timezone;
    this.zone = timeZoneRules(valid.timezone);
    for (let weekday = 1; weekday <= 7; weekday++) {
      const hours = weekday <= 5 ? valid.supportHours[SUPPORT_WEEKDAYS[weekday - 1]] : undefined;
      this.hoursByWeekday[weekday] = hours
        ? [parseClockTime(hours[0]) as number, parseClockTime(hours[1], true) as number]
        : null;
    }
    for (const day of valid.extraClosedDays ?? []) this.extraClosed.add(parseLocalDate(day) as number);
  }

  /** Everything the calendar knows about a day number (cached). */
  dayOf(dayNumber: number): SupportDay {
    let day = this.days.get(dayNumber);
    if (!day) {
      const weekday = weekdayOf(dayNumber);
      const holidayName = swedishHolidayNameOfDay(dayNumber);
      const extraClosed = this.extraClosed.has(dayNumber);
      const open = holidayName === null && !extraClosed;
      day = {
        dayNumber,
        weekday,
        holidayName,
        extraClosed,
        supportMinutes: open ? this.hoursByWeekday[weekday] : null,
      };
      if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
      this.days.set(dayNumber, day);
    }
    return day;
  }

  /** Swedish holiday name of a local date 'YYYY-MM-DD', or null. */
  holidayName(localDate: string): string | null {
    return this.dayOf(dayNumberOrThrow(localDate, 'localDate')).holidayName;
  }

  /** True when support is open at some time on the local date 'YYYY-MM-DD'. */
  isWorkingDay(localDate: string): boolean {
    return this.dayOf(dayNumberOrThrow(localDate, 'localDate')).supportMinutes !== null;
  }

  /** The instants support opens and closes on a local date, or null on a closed day. */
  supportWindow(localDate: string): SupportWindow | null {
    const window = this.supportWindowOfDay(dayNumberOrThrow(localDate, 'localDate'));
    return window && { open: new Date(window[0]), close: new Date(window[1]) };
  }

  /** The first working day strictly after a local date. */
  nextWorkingDay(localDate: string): string {
    return formatLocalDate(this.nextWorkingDayNumber(dayNumberOrThrow(localDate, 'localDate')));
  }

  /** The local date 'YYYY-MM-DD' of an instant in the calendar's time zone. */
  localDateOf(instant: Date): string {
    return formatLocalDate(this.zone.localDayOf(instantOrThrow(instant, 'instant')));
  }

  /** When a ticket opened at `opened` must be resolved by to count as solved within one working day (DOMAIN.md 8.1). */
  oneWorkingDayDeadline(opened: Date): Date {
    const at = instantOrThrow(opened, 'opened');
    const openedDay = this.zone.localDayOf(at);
    const window = this.supportWindowOfDay(openedDay);
    const startDay = window !== null && at < window[1] ? openedDay : this.nextWorkingDayNumber(openedDay);
    const deadlineDay = this.nextWorkingDayNumber(startDay);
    return new Date((this.supportWindowOfDay(deadlineDay) as [number, number])[1]);
  }

  /** True when a ticket was resolved before support closed on the first working day after its start day (DOMAIN.md 8.1). */
  solvedWithinOneWorkingDay(opened: Date, resolved: Date): boolean {
    const openedAt = instantOrThrow(opened, 'opened');
    const resolvedAt = instantOrThrow(resolved, 'resolved');
    if (resolvedAt < openedAt) {
      throw new ValidationError([
        { path: 'resolved', message: 'Ärendet kan inte vara löst innan det öppnades' },
      ]);
    }
    return resolvedAt < this.oneWorkingDayDeadline(opened).getTime();
  }

  /** [open, close) instants (epoch ms) of a day number, or null when closed. */
  supportWindowOfDay(dayNumber: number): [number, number] | null {
    const minutes = this.dayOf(dayNumber).supportMinutes;
    if (minutes === null) return null;
    const midnight = dayNumber * MS_PER_DAY;
    return [
      this.zone.earliestInstantOfWall(midnight + minutes[0] * MS_PER_MINUTE),
      this.zone.earliestInstantOfWall(midnight + minutes[1] * MS_PER_MINUTE),
    ];
  }

  /** The first working day number strictly after a day number. */
  nextWorkingDayNumber(dayNumber: number): number {
    for (let day = dayNumber + 1; day <= dayNumber + WORKING_DAY_SEARCH_LIMIT; day++) {
      if (this.dayOf(day).supportMinutes !== null) return day;
    }
    throw new DomainError(
      'NO_WORKING_DAY',
      `Supportkalendern har ingen arbetsdag inom tio år efter ${formatLocalDate(dayNumber)}`,
      'unprocessable',
    );
  }

  /** The support hours of a weekday as 'HH:MM' texts, for reports. */
  supportHoursOf(weekday: SupportWeekday): [string, string] | null {
    const hours = this.hoursByWeekday[SUPPORT_WEEKDAYS.indexOf(weekday) + 1];
    return hours ? [formatClockTime(hours[0]), formatClockTime(hours[1])] : null;
  }
}

function dayNumberOrThrow(localDate: string, path: string): number {
  const day = parseLocalDate(localDate);
  if (day === null) throw new ValidationError([{ path, message: checkLocalDate(localDate) as string }]);
  return day;
}

function instantOrThrow(instant: Date, path: string): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new ValidationError([{ path, message: 'Ogiltig tidpunkt' }]);
  return ms;
}
