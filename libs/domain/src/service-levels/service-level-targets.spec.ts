import { ValidationError } from '../errors';
import { readForumTime } from './forum-time';
import { defaultServiceLevelTargets, validateServiceLevelTargets } from './service-level-targets';
import { parseTertial } from './tertial';

describe('service-level targets per year', () => {
  it('defaults: first line 50 %, ordinary within a working day 80 %, 10 s 50 %, 60 s 80 %, satisfied 90 %, 07:30–16:30', () => {
    const targets = defaultServiceLevelTargets(2025);
    expect(targets.targets).toEqual({
      firstLine: '50',
      ordinaryWithinOneWorkingDay: '80',
      answeredWithin10s: '50',
      answeredWithin60s: '80',
      satisfied: '90',
    });
    expect(targets.calendar).toMatchObject({
      timezone: 'Europe/Stockholm',
      supportHours: { mon: ['07:30', '16:30'], fri: ['07:30', '16:30'] },
    });
  });

  it('a year may change targets and support hours; left-out fields keep the default', () => {
    const targets = validateServiceLevelTargets(2026, {
      firstLine: 55,
      satisfied: '92.5',
      supportHours: { mon: ['08:00', '17:00'] },
    });
    expect(targets.targets).toMatchObject({ firstLine: '55', satisfied: '92.5', answeredWithin10s: '50' });
    expect(targets.calendar.supportHours).toEqual({ mon: ['08:00', '17:00'] });
  });

  it('reports every bad field at once', () => {
    try {
      validateServiceLevelTargets(2025, {
        firstLine: '101',
        satisfied: '90.55',
        timezone: 'Mars/Olympus',
        supportHours: { sat: ['08:00', '12:00'] },
      });
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).code).toBe('SERVICE_LEVEL_TARGETS_INVALID');
      expect((error as ValidationError).details.map((d) => d.path)).toEqual([
        'firstLine',
        'satisfied',
        'timezone',
        'supportHours.sat',
      ]);
    }
  });
});

describe('tertials and times of the ticket and phone systems', () => {
  it('reads 2025-T1..T3 with their months and days', () => {
    expect(parseTertial('2025-T1')).toMatchObject({
      months: ['2025-01', '2025-02', '2025-03', '2025-04'],
      firstDay: '2025-01-01',
      lastDay: '2025-04-30',
    });
    expect(parseTertial('2025-T3')).toMatchObject({ firstDay: '2025-09-01', lastDay: '2025-12-31' });
    expect(() => parseTertial('2025-T4')).toThrow(ValidationError);
    expect(() => parseTertial('2025-05')).toThrow(ValidationError);
  });

  it('keeps seconds and rejects a local time that does not exist', () => {
    const tz = 'Europe/Stockholm';
    expect(readForumTime('2025-03-14 16:00:42', tz, 'opened')).toEqual({
      ok: true,
      value: new Date('2025-03-14T15:00:42Z'),
    });
    expect(readForumTime('2025-03-14T16:00:42.5+01:00', tz, 'opened')).toEqual({
      ok: true,
      value: new Date('2025-03-14T15:00:42.500Z'),
    });
    expect(readForumTime('2025-03-14 16:00', tz, 'opened')).toEqual({
      ok: true,
      value: new Date('2025-03-14T15:00:00Z'),
    });
    const skipped = readForumTime('2025-03-30 02:30:10', tz, 'opened');
    expect(skipped.ok).toBe(false);
    expect(!skipped.ok && skipped.problem.message).toContain('finns inte');
    expect(readForumTime('2025-03-14 16:00:61', tz, 'opened').ok).toBe(false);
  });
});
