import { ValidationError } from '../errors';
import { SupportCalendar } from './support-calendar';

const weekdays = ['07:30', '16:30'] as const;
const calendar = new SupportCalendar({
  timezone: 'Europe/Stockholm',
  supportHours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
  extraClosedDays: ['2025-03-19'],
});
const at = (iso: string) => new Date(iso);

describe('SupportCalendar', () => {
  it('opens on ordinary weekdays only', () => {
    expect(calendar.isWorkingDay('2025-03-14')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-06-20')).toBe(false); // midsommarafton
    expect(calendar.isWorkingDay('2025-03-19')).toBe(false); // extra closed day
    expect(calendar.holidayName('2025-12-24')).toBe('Julafton');
  });

  it('gives the support window as instants, in winter and in summer time', () => {
    expect(calendar.supportWindow('2025-03-14')).toEqual({
      open: at('2025-03-14T07:30:00+01:00'),
      close: at('2025-03-14T16:30:00+01:00'),
    });
    expect(calendar.supportWindow('2025-06-19')).toEqual({
      open: at('2025-06-19T07:30:00+02:00'),
      close: at('2025-06-19T16:30:00+02:00'),
    });
    expect(calendar.supportWindow('2025-06-21')).toBeNull();
  });

  it('finds the next working day past holidays, weekends and extra closed days', () => {
    expect(calendar.nextWorkingDay('2025-06-19')).toBe('2025-06-23');
    expect(calendar.nextWorkingDay('2025-12-23')).toBe('2025-12-29');
    expect(calendar.nextWorkingDay('2025-03-18')).toBe('2025-03-20');
  });

  it('reads the local date of an instant in its time zone', () => {
    expect(calendar.localDateOf(at('2025-03-14T23:30:00Z'))).toBe('2025-03-15');
  });

  it('rejects a malformed local date', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(ValidationError);
  });
});

describe('solved within one working day (DOMAIN.md 8.1)', () => {
  it('opened Friday 16:00 with support until 16:30: deadline Monday at closing', () => {
    const opened = at('2025-03-14T16:00:00+01:00');
    expect(calendar.oneWorkingDayDeadline(opened)).toEqual(at('2025-03-17T16:30:00+01:00'));
    expect(calendar.solvedWithinOneWorkingDay(opened, at('2025-03-17T16:29:00+01:00'))).toBe(true);
    expect(calendar.solvedWithinOneWorkingDay(opened, at('2025-03-17T16:30:00+01:00'))).toBe(false);
  });

  it('opened the Thursday before midsommarafton: deadline the Monday after at closing', () => {
    const opened = at('2025-06-19T10:00:00+02:00');
    expect(calendar.oneWorkingDayDeadline(opened)).toEqual(at('2025-06-23T16:30:00+02:00'));
    expect(calendar.solvedWithinOneWorkingDay(opened, at('2025-06-23T16:00:00+02:00'))).toBe(true);
    expect(calendar.solvedWithinOneWorkingDay(opened, at('2025-06-24T08:00:00+02:00'))).toBe(false);
  });

  it('opened Saturday: start day Monday, deadline Tuesday at closing', () => {
    const opened = at('2025-03-15T11:00:00+01:00');
    expect(calendar.oneWorkingDayDeadline(opened)).toEqual(at('2025-03-18T16:30:00+01:00'));
    expect(calendar.solvedWithinOneWorkingDay(opened, at('2025-03-17T17:00:00+01:00'))).toBe(true);
    expect(calendar.solvedWithinOneWorkingDay(opened, at('2025-03-18T16:30:00+01:00'))).toBe(false);
  });

  it('opened after closing on a working day starts the next working day', () => {
    expect(calendar.oneWorkingDayDeadline(at('2025-03-14T16:30:00+01:00'))).toEqual(
      at('2025-03-18T16:30:00+01:00'),
    );
  });

  it('opened before opening on a working day starts that day', () => {
    expect(calendar.oneWorkingDayDeadline(at('2025-03-17T06:00:00+01:00'))).toEqual(
      at('2025-03-18T16:30:00+01:00'),
    );
  });

  it('keeps the closing time on the wall clock across the change to summer time', () => {
    expect(calendar.oneWorkingDayDeadline(at('2025-03-28T10:00:00+01:00'))).toEqual(
      at('2025-03-31T16:30:00+02:00'),
    );
  });

  it('rejects a ticket resolved before it was opened', () => {
    expect(() =>
      calendar.solvedWithinOneWorkingDay(at('2025-03-14T10:00:00Z'), at('2025-03-14T09:00:00Z')),
    ).toThrow(ValidationError);
  });
});

describe('SupportCalendar validation', () => {
  it('lists every problem with its path', () => {
    let error: unknown;
    try {
      new SupportCalendar({
        timezone: 'Europe/Stokholm',
        supportHours: { mon: ['7:30', '16:30'], tue: ['16:30', '07:30'], sat: ['10:00', '14:00'] } as never,
        extraClosedDays: ['2025-13-01', '2025-03-19'],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((p) => p.path)).toEqual([
      'timezone',
      'supportHours.mon[0]',
      'supportHours.tue',
      'supportHours.sat',
      'extraClosedDays[0]',
    ]);
  });
});
