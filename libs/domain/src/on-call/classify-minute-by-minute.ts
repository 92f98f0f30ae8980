import { tzOffset } from '@date-fns/tz';
import { MS_PER_DAY, MS_PER_MINUTE, parseClockTime, parseLocalDate, weekdayOf } from '../calendar/local-date';
import { swedishHolidayNameOfDay } from '../calendar/swedish-holidays';
import { checkOnCallInterval, OnCallClassification, OnCallInterval } from './classify-on-call-minutes';
import { OnCallClass, OnCallTariff } from './on-call-tariff';

const WEEKDAY_KEYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The rules of DOMAIN.md 6.2 applied literally, one minute at a time, asking the runtime's zone
 * data for every minute. Slow on purpose: it is the reference the fast classifier is tested
 * against and the baseline of the benchmark. It shares no code with classifyOnCallMinutes
 * beyond the holiday table and input checks.
 */
export function classifyMinuteByMinute(tariff: OnCallTariff, interval: OnCallInterval): OnCallClassification {
  const [start, end] = checkOnCallInterval(interval);
  const closed = new Set(tariff.extraClosedDays.map((d) => parseLocalDate(d)));
  const nightStart = parseClockTime(tariff.nightHours[0]) as number;
  const nightEnd = parseClockTime(tariff.nightHours[1], true) as number;
  const raw = { evening: 0, night: 0, weekend: 0, holiday: 0 };
  let supportMinutes = 0;
  let firstClass: OnCallClass | null = null;
  for (let t = start; t < end; t += MS_PER_MINUTE) {
    const wall = t + tzOffset(tariff.timezone, new Date(t)) * MS_PER_MINUTE;
    const day = Math.floor(wall / MS_PER_DAY);
    const minute = (wall - day * MS_PER_DAY) / MS_PER_MINUTE;
    const weekday = weekdayOf(day);
    const holiday = swedishHolidayNameOfDay(day) !== null;
    const weekend = weekday >= 6;
    const hours = weekend ? undefined : tariff.supportHours[WEEKDAY_KEYS[weekday] as 'mon'];
    const inSupport =
      !holiday &&
      !weekend &&
      !closed.has(day) &&
      hours !== undefined &&
      minute >= (parseClockTime(hours[0]) as number) &&
      minute < (parseClockTime(hours[1], true) as number);
    if (inSupport) {
      supportMinutes++;
      continue;
    }
    const inNight =
      nightStart < nightEnd
        ? minute >= nightStart && minute < nightEnd
        : minute >= nightStart || minute < nightEnd;
    const cls: OnCallClass = holiday ? 'holiday' : weekend ? 'weekend' : inNight ? 'night' : 'evening';
    raw[cls]++;
    if (firstClass === null) firstClass = cls;
  }
  return { elapsedMinutes: (end - start) / MS_PER_MINUTE, supportMinutes, rawMinutes: raw, firstClass };
}
