import { DomainError } from '../errors';
import { dayNumberOf, MS_PER_DAY, MS_PER_MINUTE } from './local-date';
import { isValidTimeZone, timeZoneRules } from './time-zone-rules';

const wall = (y: number, mo: number, d: number, h: number, mi: number) =>
  dayNumberOf(y, mo, d) * MS_PER_DAY + (h * 60 + mi) * MS_PER_MINUTE;

describe('TimeZoneRules', () => {
  const stockholm = timeZoneRules('Europe/Stockholm');

  it('finds the 2025 changes of Europe/Stockholm to the minute', () => {
    const spring = Date.parse('2025-03-30T01:00:00Z');
    const autumn = Date.parse('2025-10-26T01:00:00Z');
    expect(stockholm.offsetAt(spring - MS_PER_MINUTE)).toBe(60);
    expect(stockholm.offsetAt(spring)).toBe(120);
    expect(stockholm.pieceAt(spring).from).toBe(spring);
    expect(stockholm.offsetAt(autumn - MS_PER_MINUTE)).toBe(120);
    expect(stockholm.offsetAt(autumn)).toBe(60);
  });

  it('sees that 2025-03-30 02:30 does not exist and 2025-10-26 02:30 exists twice', () => {
    expect(stockholm.resolveWallTime(wall(2025, 3, 30, 2, 30))).toEqual({
      kind: 'skipped',
      change: { at: Date.parse('2025-03-30T01:00:00Z'), offsetBefore: 60, offsetAfter: 120 },
    });
    expect(stockholm.resolveWallTime(wall(2025, 10, 26, 2, 30))).toEqual({
      kind: 'repeated',
      instants: [Date.parse('2025-10-26T00:30:00Z'), Date.parse('2025-10-26T01:30:00Z')],
      offsets: [120, 60],
    });
    expect(stockholm.resolveWallTime(wall(2025, 10, 26, 3, 0))).toEqual({
      kind: 'unique',
      instant: Date.parse('2025-10-26T02:00:00Z'),
    });
  });

  it('handles a half-hour change (Australia/Lord_Howe) and a quarter-hour offset (Asia/Kathmandu)', () => {
    const lordHowe = timeZoneRules('Australia/Lord_Howe');
    // Summer time ends 2025-04-06 02:00 local (+11:00) → 01:30 (+10:30).
    expect(lordHowe.resolveWallTime(wall(2025, 4, 6, 1, 45)).kind).toBe('repeated');
    expect(lordHowe.resolveWallTime(wall(2025, 10, 5, 2, 15)).kind).toBe('skipped');
    expect(timeZoneRules('Asia/Kathmandu').offsetAt(Date.parse('2025-06-01T00:00:00Z'))).toBe(345);
  });

  it('rejects an unknown zone and an offset posing as a zone', () => {
    expect(isValidTimeZone('Europe/Stokholm')).toBe(false);
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(() => timeZoneRules('Mars/Olympus')).toThrow(DomainError);
  });
});
