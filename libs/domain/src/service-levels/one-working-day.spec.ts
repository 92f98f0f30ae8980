import fc from 'fast-check';
import { SupportCalendar } from '../calendar/support-calendar';
import { parseLocalDateTime } from '../on-call/local-date-time';
import { OneWorkingDayDeadlines } from './one-working-day';
import { DEFAULT_SUPPORT_CALENDAR } from './service-level-targets';

const at = (local: string) => parseLocalDateTime(local, 'Europe/Stockholm').getTime();

describe('solved within one working day (DOMAIN.md 8.1), cached per day', () => {
  const calendar = new SupportCalendar(DEFAULT_SUPPORT_CALENDAR);
  const deadlines = new OneWorkingDayDeadlines(calendar);

  it('opened Friday 2025-03-14 16:00 and solved Monday 10:00 is within one working day', () => {
    expect(deadlines.deadlineOf(at('2025-03-14 16:00'))).toBe(at('2025-03-17 16:30'));
    expect(deadlines.solvedWithin(at('2025-03-14 16:00'), at('2025-03-17 10:00'))).toBe(true);
  });

  it('opened Thursday 2025-06-19 (before midsommarafton) 10:00 and solved Monday 06-23 10:00 is within', () => {
    expect(deadlines.deadlineOf(at('2025-06-19 10:00'))).toBe(at('2025-06-23 16:30'));
    expect(deadlines.solvedWithin(at('2025-06-19 10:00'), at('2025-06-23 10:00'))).toBe(true);
  });

  it('the deadline is before closing: resolved at 16:30 sharp is too late', () => {
    expect(deadlines.solvedWithin(at('2025-03-14 16:00'), at('2025-03-17 16:29'))).toBe(true);
    expect(deadlines.solvedWithin(at('2025-03-14 16:00'), at('2025-03-17 16:30'))).toBe(false);
  });

  it('opened at or after closing, or on a closed day, starts on the next working day', () => {
    expect(deadlines.deadlineOf(at('2025-03-14 16:30'))).toBe(at('2025-03-18 16:30'));
    expect(deadlines.deadlineOf(at('2025-03-15 10:00'))).toBe(at('2025-03-18 16:30')); // Saturday
    expect(deadlines.deadlineOf(at('2025-03-17 06:00'))).toBe(at('2025-03-18 16:30')); // Monday before opening
  });

  it('agrees with SupportCalendar.solvedWithinOneWorkingDay for any instants 2024–2026', () => {
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: start, max: end }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (opened, duration) => {
          const resolved = opened + duration;
          expect(deadlines.solvedWithin(opened, resolved)).toBe(
            calendar.solvedWithinOneWorkingDay(new Date(opened), new Date(resolved)),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
