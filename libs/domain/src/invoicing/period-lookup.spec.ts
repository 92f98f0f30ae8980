import fc from 'fast-check';
import { parsePeriod, periodContains, periodKeysWithin, periodOf, periodsOverlappingLonger } from './period';

describe('a period used to look things up holds every period inside it (DOMAIN.md 7)', () => {
  it('2025 holds its 12 months, 4 quarters, 3 tertials and itself', () => {
    const keys = periodKeysWithin(parsePeriod('2025'));
    expect(keys).toHaveLength(12 + 4 + 3 + 1);
    expect(keys).toEqual(expect.arrayContaining(['2025-01', '2025-12', '2025-Q4', '2025-T3', '2025']));
    expect(keys).not.toContain('2026-01');
  });

  it('2025-Q1 holds itself and January–March; 2025-T2 May–August; 2025-03 only itself', () => {
    expect(periodKeysWithin(parsePeriod('2025-Q1')).sort()).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-Q1',
    ]);
    expect(periodKeysWithin(parsePeriod('2025-T2')).sort()).toEqual([
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-T2',
    ]);
    expect(periodKeysWithin(parsePeriod('2025-03'))).toEqual(['2025-03']);
  });

  it('2025-03 is overlapped by the longer 2025-Q1, 2025-T1 and 2025, which it does not hold', () => {
    expect(
      periodsOverlappingLonger(parsePeriod('2025-03'))
        .map((p) => p.key)
        .sort(),
    ).toEqual(['2025', '2025-Q1', '2025-T1']);
    // A quarter and a tertial overlap without either holding the other: Q2 (Apr–Jun) and T1 (Jan–Apr).
    expect(
      periodsOverlappingLonger(parsePeriod('2025-Q2'))
        .map((p) => p.key)
        .sort(),
    ).toEqual(['2025', '2025-T1', '2025-T2']);
    expect(periodsOverlappingLonger(parsePeriod('2025'))).toEqual([]);
  });

  it('property: a key is within a period exactly when its months are a subset', () => {
    const kinds = ['month', 'quarter', 'tertial', 'year'] as const;
    const arb = fc
      .tuple(fc.constantFrom(...kinds), fc.integer({ min: 1, max: 12 }))
      .map(([kind, i]) =>
        periodOf(kind, 2025, ((i - 1) % { month: 12, quarter: 4, tertial: 3, year: 1 }[kind]) + 1),
      );
    fc.assert(
      fc.property(arb, arb, (outer, inner) => {
        const within = periodKeysWithin(outer).includes(inner.key);
        expect(within).toBe(periodContains(outer, inner));
        expect(within).toBe(inner.months.every((m) => outer.months.includes(m)));
        const longer = periodsOverlappingLonger(outer).some((p) => p.key === inner.key);
        expect(longer).toBe(!within && inner.months.some((m) => outer.months.includes(m)));
      }),
    );
  });
});
