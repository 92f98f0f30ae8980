import { DomainError, ValidationError } from '../errors';
import { formatLocalDateTime, parseLocalDateTime, readLocalDateTime } from './local-date-time';

const TZ = 'Europe/Stockholm';
const iso = (text: string) => parseLocalDateTime(text, TZ).toISOString();
const problem = (text: string) => {
  const r = readLocalDateTime(text, TZ, 'rows[0].start');
  if (r.ok) throw new Error(`accepted ${text}`);
  return r.problem;
};

describe('parseLocalDateTime (DOMAIN.md 6.2 rule 1)', () => {
  it('takes a time with an offset as exact', () => {
    expect(iso('2025-06-20T15:00:00+02:00')).toBe('2025-06-20T13:00:00.000Z');
    expect(iso('2025-06-20T15:00+02:00')).toBe('2025-06-20T13:00:00.000Z');
    expect(iso('2025-06-20T13:00:00Z')).toBe('2025-06-20T13:00:00.000Z');
    expect(iso('2025-06-20T13:00:00.000Z')).toBe('2025-06-20T13:00:00.000Z');
    expect(iso('2025-03-30T02:30+01:00')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('reads a local time in the time zone, winter and summer', () => {
    expect(iso('2025-06-20 15:00')).toBe('2025-06-20T13:00:00.000Z');
    expect(iso('2025-01-15T08:00')).toBe('2025-01-15T07:00:00.000Z');
    expect(iso(' 2025-01-15 08:00:00 ')).toBe('2025-01-15T07:00:00.000Z');
  });

  it('rejects a local time that does not exist (spring forward), naming it', () => {
    expect(problem('2025-03-30 02:30')).toEqual({
      path: 'rows[0].start',
      message:
        'Tiden 2025-03-30 02:30 finns inte i Europe/Stockholm (sommartid börjar: klockan går från 02:00 till 03:00)',
    });
  });

  it('rejects a local time that exists twice (autumn), naming both readings', () => {
    expect(problem('2025-10-26 02:30').message).toBe(
      'Tiden 2025-10-26 02:30 finns två gånger i Europe/Stockholm (sommartid slutar): ' +
        'ange UTC-offset, 2025-10-26T02:30+02:00 eller 2025-10-26T02:30+01:00',
    );
    expect(iso('2025-10-26T02:30+01:00')).toBe('2025-10-26T01:30:00.000Z');
  });

  it('accepts the minutes on either side of a change', () => {
    expect(iso('2025-03-30 01:59')).toBe('2025-03-30T00:59:00.000Z');
    expect(iso('2025-03-30 03:00')).toBe('2025-03-30T01:00:00.000Z');
    expect(iso('2025-10-26 01:59')).toBe('2025-10-25T23:59:00.000Z');
    expect(iso('2025-10-26 03:00')).toBe('2025-10-26T02:00:00.000Z');
  });

  it('rejects seconds other than :00, in both forms', () => {
    expect(problem('2025-06-20 15:00:30').message).toBe(
      'Tiden "2025-06-20 15:00:30" har sekunder: tider anges på minuten, t.ex. 2025-06-20 15:00',
    );
    expect(problem('2025-06-20T15:00:01+02:00').message).toMatch(/har sekunder/);
    expect(problem('2025-06-20T13:00:00.500Z').message).toMatch(/har sekunder/);
  });

  it('rejects what is not a time', () => {
    expect(problem('igår').message).toMatch(/^Ogiltig tid "igår"/);
    expect(problem('').message).toMatch(/^Tid saknas/);
    expect(problem('2025-02-30 10:00').message).toBe('Tiden "2025-02-30 10:00" har ett datum som inte finns');
    expect(problem('2025-06-20 24:00').message).toBe('Tiden "2025-06-20 24:00" har ett ogiltigt klockslag');
    expect(problem('2025-06-20T15:00+15:00').message).toMatch(/ogiltig UTC-offset/);
    expect(problem('1969-12-31 10:00').message).toMatch(/året måste ligga mellan 1970 och 2199/);
    expect(problem('20.6.2025 15:00').message).toMatch(/^Ogiltig tid/);
  });

  it('throws one ValidationError naming the path', () => {
    let error: unknown;
    try {
      parseLocalDateTime('2025-03-30 02:30', TZ, 'start');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details[0].path).toBe('start');
  });

  it('refuses an unknown time zone', () => {
    expect(() => parseLocalDateTime('2025-06-20 15:00', 'Europe/Stokholm')).toThrow(DomainError);
  });

  it('formats an instant back as local wall time', () => {
    expect(formatLocalDateTime(new Date('2025-10-26T01:30:00Z'), TZ)).toBe('2025-10-26 02:30');
  });
});
