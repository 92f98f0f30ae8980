import fc from 'fast-check';
import { allocate, allocateLargestRemainder, spreadEvenly } from './allocate';
import { Money } from './money';

const m = (s: string) => Money.parse(s);
const strings = (xs: Money[]) => xs.map((x) => x.toString());

describe('allocate (DOMAIN.md 5.2)', () => {
  it('splits 100.00 over 1:1:1 as 33.34, 33.33, 33.33', () => {
    expect(strings(allocate(m('100.00'), [1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('gives the extra öre of ledning to the larger fraction (5.3)', () => {
    expect(strings(allocate(m('200000.00'), ['800000.00', '400000.00']))).toEqual(['133333.33', '66666.67']);
  });

  it('splits arbetsplats and servicedesk by volume as 5.3 says', () => {
    expect(strings(allocate(m('933333.33'), [600, 300, 100]))).toEqual([
      '560000.00',
      '280000.00',
      '93333.33',
    ]);
    expect(strings(allocate(m('466666.67'), [700, 250, 50]))).toEqual(['326666.67', '116666.67', '23333.33']);
  });

  it('spreads a yearly amount over four quarters, earliest first (5.6)', () => {
    expect(strings(spreadEvenly(m('116666.66'), 4))).toEqual([
      '29166.67',
      '29166.67',
      '29166.66',
      '29166.66',
    ]);
  });

  it('allocates a negative amount as its absolute value, negated', () => {
    expect(strings(allocate(m('-100.00'), [1, 1, 1]))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('gives nothing to a zero weight and works with decimal weights', () => {
    expect(strings(allocate(m('10.00'), ['0', '0.5', '1.5']))).toEqual(['0.00', '2.50', '7.50']);
  });

  it('refuses weights that sum to zero and negative weights', () => {
    expect(() => allocate(m('1.00'), [0, 0])).toThrow(
      expect.objectContaining({ code: 'ALLOCATION_NO_RECEIVER' }),
    );
    expect(() => allocate(m('1.00'), [1, -1])).toThrow(
      expect.objectContaining({ code: 'ALLOCATION_NEGATIVE_WEIGHT' }),
    );
  });

  const amountArb = fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n });
  const weightsArb = fc
    .array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 30 })
    .filter((ws) => ws.some((w) => w > 0n));

  it('property: parts sum to the whole', () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (a, ws) => {
        const parts = allocateLargestRemainder(a, ws);
        expect(parts.reduce((s, p) => s + p, 0n)).toBe(a);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: each part is the floor or ceiling of its exact share, zero weight gets zero', () => {
    fc.assert(
      fc.property(amountArb, weightsArb, (a, ws) => {
        const parts = allocateLargestRemainder(a, ws);
        const total = ws.reduce((s, w) => s + w, 0n);
        const abs = a < 0n ? -a : a;
        ws.forEach((w, i) => {
          const floor = (abs * w) / total;
          const p = a < 0n ? -parts[i] : parts[i];
          expect(p === floor || p === floor + 1n).toBe(true);
          if (w === 0n) expect(parts[i]).toBe(0n);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('property: deterministic and ties go to the first listed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 1000n }), fc.integer({ min: 2, max: 12 }), (a, n) => {
        const ws = new Array<bigint>(n).fill(1n);
        const parts = allocateLargestRemainder(a, ws);
        expect(allocateLargestRemainder(a, ws)).toEqual(parts);
        for (let i = 1; i < n; i++) expect(parts[i - 1] >= parts[i]).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
