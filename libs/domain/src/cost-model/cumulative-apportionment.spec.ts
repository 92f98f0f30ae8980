import fc from 'fast-check';
import { apportion } from './cumulative-apportionment';

describe('house-monotone apportionment used by the trace', () => {
  it('follows the Sainte-Laguë sequence, ties to the first row', () => {
    // Weights 4000 : 3000, first 2333 öre: 4000·2333/7000 = 1333.1 and 999.9 → 1333 and 1000.
    expect(apportion([4000n, 3000n], 7000n, 2333n)).toEqual([1333n, 1000n]);
    // Weights 1 : 1: the first öre goes to the first row.
    expect(apportion([1n, 1n], 2n, 1n)).toEqual([1n, 0n]);
    // Weights 5 : 1, priorities 10, 3.33, 2, 1.43, 1.11 for row 0 and 2 for row 1: the 3rd öre ties at 2 → row 0.
    expect(apportion([5n, 1n], 6n, 3n)).toEqual([3n, 0n]);
    expect(apportion([5n, 1n], 6n, 4n)).toEqual([3n, 1n]);
  });

  const weightsArb = fc.array(fc.bigInt({ min: 0n, max: 5000n }), { minLength: 1, maxLength: 12 });

  it('property: parts add up to q, never exceed the weights, and only grow with q', () => {
    fc.assert(
      fc.property(
        weightsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (w, a, b) => {
          const total = w.reduce((s, x) => s + x, 0n);
          const q1 = BigInt(Math.floor(Number(total) * Math.min(a, b)));
          const q2 = BigInt(Math.floor(Number(total) * Math.max(a, b)));
          const low = apportion(w, total, q1);
          const high = apportion(w, total, q2);
          expect(high.reduce((s, x) => s + x, 0n)).toBe(q2);
          high.forEach((x, p) => {
            expect(x <= w[p]).toBe(true);
            expect(x >= low[p]).toBe(true);
          });
          expect(apportion(w, total, total)).toEqual(w);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
