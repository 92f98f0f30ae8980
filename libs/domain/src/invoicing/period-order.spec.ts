import fc from 'fast-check';
import { comparePeriodsNewestFirst, parsePeriod, periodKeysWithin } from './period';

const newestFirst = (keys: string[]) =>
  keys
    .map((k) => parsePeriod(k))
    .sort(comparePeriodsNewestFirst)
    .map((p) => p.key);

describe('periods newest first (the finance page lists the latest first)', () => {
  it('the later end first; of periods ending together the shorter first', () => {
    expect(
      newestFirst([
        '2025',
        '2024-Q4',
        '2025-Q1',
        '2025-12',
        '2025-T3',
        '2025-Q4',
        '2025-11',
        '2026-01',
        '2025-T1',
      ]),
    ).toEqual([
      '2026-01',
      '2025-12',
      '2025-Q4',
      '2025-T3',
      '2025',
      '2025-11',
      '2025-T1',
      '2025-Q1',
      '2024-Q4',
    ]);
  });

  it('is a total order: antisymmetric, and equal only for the same period', () => {
    const keys = [2024, 2025, 2026].flatMap((year) => periodKeysWithin(parsePeriod(String(year))));
    const period = fc.constantFrom(...keys).map((key) => parsePeriod(key));
    fc.assert(
      fc.property(period, period, (a, b) => {
        const ab = Math.sign(comparePeriodsNewestFirst(a, b));
        expect(ab).toBe(-Math.sign(comparePeriodsNewestFirst(b, a)) || 0);
        expect(ab === 0).toBe(a.key === b.key);
        if (a.lastDay > b.lastDay) expect(ab).toBe(-1);
      }),
    );
  });
});
