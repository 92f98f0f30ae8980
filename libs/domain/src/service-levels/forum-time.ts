import { readLocalDateTime, LocalDateTimeResult } from '../on-call/local-date-time';

const WITH_SECONDS = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a time from a ticket or phone system export. The forms and rules are those of incident
 * times (DOMAIN.md 6.2 rule 1: offset exact, local time in `timezone`, a skipped or repeated local
 * time rejected), except that seconds (and milliseconds) are kept: these systems log them, and a
 * call's or ticket's second can decide a deadline. Never throws for bad text.
 */
export function readForumTime(text: unknown, timezone: string, path: string): LocalDateTimeResult {
  const trimmed = typeof text === 'string' ? text.trim() : text;
  const match = typeof trimmed === 'string' ? WITH_SECONDS.exec(trimmed) : null;
  if (!match) return readLocalDateTime(trimmed, timezone, path);
  const [, minute, seconds, fraction, offset] = match;
  if (Number(seconds) > 59) {
    return {
      ok: false,
      problem: { path, message: `Tiden "${trimmed as string}" har ett ogiltigt klockslag` },
    };
  }
  const result = readLocalDateTime(`${minute}${offset ?? ''}`, timezone, path);
  if (!result.ok) {
    return {
      ok: false,
      problem: { path, message: result.problem.message.replace(minute, trimmed as string) },
    };
  }
  const millis = Number(seconds) * 1000 + Number((fraction ?? '').padEnd(3, '0'));
  return { ok: true, value: new Date(result.value.getTime() + millis) };
}
