import { DomainError } from '../errors';
import { firstOpenMonthFrom, readDevelopmentHours } from './development-hours';
import {
  assertDevelopmentTransition,
  canMoveDevelopmentRequest,
  DEVELOPMENT_STATUSES,
  DevelopmentStatus,
} from './development-request-status';

describe('development request status (DOMAIN.md 8.2)', () => {
  const allowed: [DevelopmentStatus, DevelopmentStatus][] = [
    ['received', 'prioritised'],
    ['prioritised', 'decided'],
    ['decided', 'in-progress'],
    ['in-progress', 'done'],
    ['received', 'rejected'],
    ['prioritised', 'rejected'],
    ['decided', 'rejected'],
  ];

  it('allows exactly received → prioritised → decided → in-progress → done, and rejection before work starts', () => {
    const all = DEVELOPMENT_STATUSES.flatMap((from) =>
      DEVELOPMENT_STATUSES.map((to) => [from, to] as [DevelopmentStatus, DevelopmentStatus]),
    );
    expect(all.filter(([from, to]) => canMoveDevelopmentRequest(from, to))).toEqual(
      expect.arrayContaining(allowed),
    );
    expect(all.filter(([from, to]) => canMoveDevelopmentRequest(from, to))).toHaveLength(allowed.length);
  });

  it('refuses any other move with a 409 INVALID_TRANSITION in Swedish', () => {
    try {
      assertDevelopmentTransition('received', 'in-progress');
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'INVALID_TRANSITION', kind: 'conflict' });
      expect((error as DomainError).message).toBe(
        'Ett utvecklingsärende med status Mottaget kan inte få status Pågående; tillåtet härifrån: Prioriterat, Avslaget',
      );
    }
    expect(() => assertDevelopmentTransition('done', 'rejected')).toThrow('är avslutat');
    expect(() => assertDevelopmentTransition('in-progress', 'rejected')).toThrow(DomainError);
  });
});

describe('development hours', () => {
  it('reads hours with at most two decimals, above zero', () => {
    expect(readDevelopmentHours('3,5', '1000', 'hours')).toEqual({ ok: true, hours: '3.5' });
    expect(readDevelopmentHours(12.25, '1000', 'hours')).toEqual({ ok: true, hours: '12.25' });
    expect(readDevelopmentHours('0', '1000', 'hours').ok).toBe(false);
    expect(readDevelopmentHours('1.125', '1000', 'hours').ok).toBe(false);
    expect(readDevelopmentHours('1001', '1000', 'hours').ok).toBe(false);
    expect(readDevelopmentHours('-2', '1000', 'hours').ok).toBe(false);
  });

  it('bills hours in their month, or the first open month after closed ones', () => {
    expect(firstOpenMonthFrom('2025-03-14', new Set())).toBe('2025-03');
    expect(firstOpenMonthFrom('2025-03-14', new Set(['2025-03', '2025-04']))).toBe('2025-05');
    expect(firstOpenMonthFrom('2025-12-31', new Set(['2025-12']))).toBe('2026-01');
    expect(firstOpenMonthFrom('2025-03-14', new Set(['2025-02']))).toBe('2025-03');
  });
});
