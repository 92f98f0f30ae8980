import fc from 'fast-check';
import { unitBilledForPeriod, unitEndProblems } from './unit-end';

describe('a unit that ends (reorganisation)', () => {
  it('is billed for every period that starts on or before its last day, and none after', () => {
    // Ends 2025-06-30: Q2 (from 2025-04-01) and June are billed; Q3 (from 2025-07-01) is not.
    expect(unitBilledForPeriod('2025-06-30', '2025-04-01')).toBe(true);
    expect(unitBilledForPeriod('2025-06-30', '2025-06-01')).toBe(true);
    expect(unitBilledForPeriod('2025-06-30', '2025-06-30')).toBe(true);
    expect(unitBilledForPeriod('2025-06-30', '2025-07-01')).toBe(false);
    expect(unitBilledForPeriod(null, '2099-01-01')).toBe(true);
  });

  it('once not billed, is never billed for a later period', () => {
    const day = fc
      .tuple(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, day, day, (end, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (!unitBilledForPeriod(end, early)) expect(unitBilledForPeriod(end, late)).toBe(false);
      }),
    );
  });

  it('refuses an end date that is no date, or that leaves billed months after it', () => {
    expect(unitEndProblems('2025-02-30', [])).toEqual([
      { path: 'validTo', message: 'Slutdatum: 2025-02-30 är inget giltigt datum' },
    ]);
    expect(unitEndProblems('2025-06-30', ['2025-07', '2025-09'])).toEqual([
      {
        path: 'validTo',
        message:
          'Enheten har beredskapsärenden eller utvecklingstimmar i 2025-07, 2025-09, efter slutdatumet 2025-06-30',
      },
    ]);
    expect(unitEndProblems('2025-06-30', [])).toEqual([]);
  });
});
