import fc from 'fast-check';
import { orderedUuid } from './ordered-id';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('orderedUuid', () => {
  it('is a version 7 UUID with the time in its first 48 bits and the counter at 0', () => {
    // 2100-01-01T00:00:00Z = 4 102 444 800 000 ms = 0x03bb2cc3d800 (later than any time used before).
    const id = orderedUuid(Date.UTC(2100, 0, 1));
    expect(id).toMatch(V7);
    expect(id.slice(0, 19)).toBe('03bb2cc3-d800-7000-');
    // The same millisecond again: the 12-bit counter after the version digit counts on.
    expect(orderedUuid(Date.UTC(2100, 0, 1)).slice(0, 19)).toBe('03bb2cc3-d800-7001-');
  });

  it('makes ids that sort as text in the order they were made, none twice, past 4 096 in one millisecond and when the clock goes back', () => {
    let start = Date.UTC(2200, 0, 1);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 5 }), { minLength: 1, maxLength: 40 }), (steps) => {
        let now = (start += 1e6);
        const ids: string[] = [];
        for (const step of steps) {
          now += step; // 0: the same millisecond again; below 0: the clock went back
          for (let i = 0; i < 150; i++) ids.push(orderedUuid(now));
        }
        ids.push(...Array.from({ length: 5000 }, () => orderedUuid(now)));
        expect(ids.filter((id) => !V7.test(id))).toEqual([]);
        expect(ids.findIndex((id, i) => i > 0 && ids[i - 1] >= id)).toBe(-1);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 30 },
    );
  });
});
