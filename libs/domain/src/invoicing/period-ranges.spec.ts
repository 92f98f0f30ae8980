import fc from 'fast-check';
import { periodKeyRangesOutsideYears, periodOf, PeriodKind } from './period';

const inRanges = (key: string, ranges: { from?: string; to?: string }[]) =>
  ranges.some((r) => (r.from === undefined || key >= r.from) && (r.to === undefined || key < r.to));

describe('period keys outside some years, as ranges of keys (the open periods skip closed years)', () => {
  it('2020–2024 left out: keys before 2020 and from 2025; 2022 alone: two ranges', () => {
    expect(periodKeyRangesOutsideYears([2022, 2020, 2024, 2021, 2023])).toEqual([
      { to: '2020' },
      { from: '2025' },
    ]);
    expect(periodKeyRangesOutsideYears([2022])).toEqual([{ to: '2022' }, { from: '2023' }]);
    expect(periodKeyRangesOutsideYears([2020, 2021, 2023])).toEqual([
      { to: '2020' },
      { from: '2022', to: '2023' },
      { from: '2024' },
    ]);
    expect(periodKeyRangesOutsideYears([])).toEqual([{}]);
    expect(inRanges('2024-Q4', periodKeyRangesOutsideYears([2024]))).toBe(false);
    expect(inRanges('2025', periodKeyRangesOutsideYears([2024]))).toBe(true);
    expect(inRanges('2023-12', periodKeyRangesOutsideYears([2024]))).toBe(true);
  });

  it('a period key lies in the ranges exactly when its year is not left out', () => {
    const kinds: [PeriodKind, number][] = [
      ['month', 12],
      ['quarter', 4],
      ['tertial', 3],
      ['year', 1],
    ];
    const key = fc
      .tuple(fc.integer({ min: 2015, max: 2035 }), fc.integer({ min: 0, max: 3 }), fc.nat())
      .map(([year, k, i]) => periodOf(kinds[k][0], year, (i % kinds[k][1]) + 1));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2015, max: 2035 })), fc.array(key), (years, periods) => {
        const ranges = periodKeyRangesOutsideYears(years);
        for (const p of periods) expect(inRanges(p.key, ranges)).toBe(!years.includes(p.year));
      }),
    );
  });
});
