import {
  daysInMonth,
  dayNumberOf,
  FIRST_SUPPORTED_YEAR,
  formatClockTime,
  formatLocalDate,
  LAST_SUPPORTED_YEAR,
  MS_PER_DAY,
  MS_PER_MINUTE,
} from '../calendar/local-date';
import { formatUtcOffset, timeZoneRules } from '../calendar/time-zone-rules';
import { Problem, ValidationError } from '../errors';

/**
 * Reading incident times (DOMAIN.md 6.2 rule 1). Accepted forms:
 *   2025-06-20T15:00:00+02:00, 2025-06-20T13:00Z   exact instants (T or space before the time)
 *   2025-06-20 15:00, 2025-06-20T15:00             wall-clock time in the given time zone
 * Times are to the minute: seconds may be written only as ":00" (optionally ".000", as
 * Date.toISOString() writes them), in both forms; any other seconds are rejected. A wall-clock
 * time the zone skips (spring forward) or repeats (autumn) is rejected with a message that
 * names it, never shifted.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const EXAMPLE = 'ange t.ex. 2025-06-20 15:00 eller 2025-06-20T15:00:00+02:00';

/** A read time or the problem with it. */
export type LocalDateTimeResult = { ok: true; value: Date } | { ok: false; problem: Problem };

/** Reads an incident time (see the forms above); returns the instant or the problem, never throws for bad text. */
export function readLocalDateTime(text: unknown, timezone: string, path: string): LocalDateTimeResult {
  const zone = timeZoneRules(timezone);
  const fail = (message: string): LocalDateTimeResult => ({ ok: false, problem: { path, message } });
  if (typeof text !== 'string' || text.trim() === '') return fail(`Tid saknas: ${EXAMPLE}`);
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  if (!match) return fail(`Ogiltig tid "${trimmed}": ${EXAMPLE}`);
  const [, y, mo, d, h, mi, seconds, fraction, offsetText] = match;
  if ((seconds !== undefined && seconds !== '00') || (fraction !== undefined && /[1-9]/.test(fraction))) {
    return fail(`Tiden "${trimmed}" har sekunder: tider anges på minuten, t.ex. 2025-06-20 15:00`);
  }
  const [year, month, day, hour, minute] = [y, mo, d, h, mi].map(Number);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    return fail(
      `Tiden "${trimmed}": året måste ligga mellan ${FIRST_SUPPORTED_YEAR} och ${LAST_SUPPORTED_YEAR}`,
    );
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(`Tiden "${trimmed}" har ett datum som inte finns`);
  }
  if (hour > 23 || minute > 59) return fail(`Tiden "${trimmed}" har ett ogiltigt klockslag`);

  const wall = dayNumberOf(year, month, day) * MS_PER_DAY + (hour * 60 + minute) * MS_PER_MINUTE;
  if (offsetText !== undefined) {
    const offset = offsetText === 'Z' ? 0 : parseOffset(offsetText);
    if (offset === null) return fail(`Tiden "${trimmed}" har en ogiltig UTC-offset (${offsetText})`);
    return { ok: true, value: new Date(wall - offset * MS_PER_MINUTE) };
  }

  const resolved = zone.resolveWallTime(wall);
  const local = `${y}-${mo}-${d} ${h}:${mi}`;
  if (resolved.kind === 'unique') return { ok: true, value: new Date(resolved.instant) };
  if (resolved.kind === 'skipped') {
    const { at, offsetBefore, offsetAfter } = resolved.change;
    const why = offsetAfter > offsetBefore ? 'sommartid börjar' : 'klockan ställs om';
    const from = wallClock(at + offsetBefore * MS_PER_MINUTE);
    const to = wallClock(at + offsetAfter * MS_PER_MINUTE);
    return fail(`Tiden ${local} finns inte i ${timezone} (${why}: klockan går från ${from} till ${to})`);
  }
  const why = resolved.offsets[0] > resolved.offsets[1] ? 'sommartid slutar' : 'klockan ställs om';
  const [first, second] = resolved.offsets.map((o) => `${y}-${mo}-${d}T${h}:${mi}${formatUtcOffset(o)}`);
  return fail(
    `Tiden ${local} finns två gånger i ${timezone} (${why}): ange UTC-offset, ${first} eller ${second}`,
  );
}

/** Reads an incident time like readLocalDateTime, throwing a ValidationError naming `path` when it is bad. */
export function parseLocalDateTime(text: string, timezone: string, path = 'time'): Date {
  const result = readLocalDateTime(text, timezone, path);
  if (!result.ok) throw new ValidationError([result.problem]);
  return result.value;
}

/** 'YYYY-MM-DD HH:MM' of an instant in a time zone, for messages and reports. */
export function formatLocalDateTime(instant: Date, timezone: string): string {
  const wall = timeZoneRules(timezone).wallOf(instant.getTime());
  return `${formatLocalDate(Math.floor(wall / MS_PER_DAY))} ${wallClock(wall)}`;
}

function wallClock(wall: number): string {
  const minuteOfDay = Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
  return formatClockTime(minuteOfDay);
}

function parseOffset(text: string): number | null {
  const hours = Number(text.slice(1, 3));
  const minutes = Number(text.slice(4, 6));
  if (hours > 14 || minutes > 59) return null;
  return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
