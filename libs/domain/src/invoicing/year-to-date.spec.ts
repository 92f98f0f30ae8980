import fc from 'fast-check';
import { Money } from '../money/money';
import { parsePeriod } from './period';
import { yearToDate, YearToDateFigures } from './year-to-date';

const m = (s: string) => Money.parse(s);
const shown = (f: YearToDateFigures) => [
  f.yearlyShare.toString(),
  f.charged.toString(),
  f.remaining.toString(),
  f.percentCharged,
];

// The consumers of DOMAIN.md 5.3 charged by cost share: tra-oms 396 666.67 and bolag-b1 116 666.66.
const consumers = [
  { consumerId: 'tra-oms', municipalityId: 'tranemo', yearlyShare: m('396666.67') },
  { consumerId: 'bolag-b1', municipalityId: 'ulricehamn', yearlyShare: m('116666.66') },
];
// By quarter (5.6): tra-oms 396 666.67 / 4 → 99 166.67, 99 166.67, 99 166.67, 99 166.66;
// bolag-b1 116 666.66 / 4 → 29 166.67, 29 166.67, 29 166.66, 29 166.66.
const charged = [
  { consumerId: 'tra-oms', period: '2025-Q1', amount: m('99166.67') },
  { consumerId: 'bolag-b1', period: '2025-Q1', amount: m('29166.67') },
  { consumerId: 'tra-oms', period: '2025-Q2', amount: m('99166.67') },
  { consumerId: 'bolag-b1', period: '2025-Q2', amount: m('29166.67') },
  // a credit note issued in May takes 1 000.00 back from tra-oms
  { consumerId: 'tra-oms', period: '2025-05', amount: m('-1000.00') },
  { consumerId: 'tra-oms', period: '2025-Q3', amount: m('99166.67') },
  // last year's charges never count
  { consumerId: 'bolag-b1', period: '2024-Q4', amount: m('500.00') },
];

describe('year to date per consumer: charged so far against the yearly share', () => {
  it('through 2025-Q2: Q1 and Q2 less the May credit, Q3 not yet', () => {
    const result = yearToDate({ year: 2025, through: parsePeriod('2025-Q2'), consumers, charged });
    expect(result.through).toBe('2025-Q2');
    // tra-oms: 99 166.67 + 99 166.67 − 1 000.00 = 197 333.34; left 396 666.67 − 197 333.34 = 199 333.33;
    // 197 333.34 / 396 666.67 = 49.7479…% → 49.7
    // bolag-b1: 29 166.67 × 2 = 58 333.34; left 58 333.32; 50.0000085…% → 50.0
    expect(result.consumers.map((c) => [c.consumerId, c.municipalityId, ...shown(c)])).toEqual([
      ['tra-oms', 'tranemo', '396666.67', '197333.34', '199333.33', '49.7'],
      ['bolag-b1', 'ulricehamn', '116666.66', '58333.34', '58333.32', '50.0'],
    ]);
    expect(result.municipalities.map((x) => [x.municipalityId, ...shown(x)])).toEqual([
      ['tranemo', '396666.67', '197333.34', '199333.33', '49.7'],
      ['ulricehamn', '116666.66', '58333.34', '58333.32', '50.0'],
    ]);
    // 513 333.33 in all, 255 666.68 charged (49.8051…%), 257 666.65 left
    expect(shown(result.total)).toEqual(['513333.33', '255666.68', '257666.65', '49.8']);
  });

  it('through April: only Q1 has ended (a quarter counts once its last day has passed)', () => {
    const result = yearToDate({ year: 2025, through: parsePeriod('2025-04'), consumers, charged });
    expect(result.consumers.map((c) => c.charged.toString())).toEqual(['99166.67', '29166.67']);
    // 99 166.67 / 396 666.67 = 25.0000…% and 29 166.67 / 116 666.66 = 25.0000…%
    expect(result.consumers.map((c) => c.percentCharged)).toEqual(['25.0', '25.0']);
  });

  it('a consumer with no yearly share has no percentage; one never charged has 0.0', () => {
    const result = yearToDate({
      year: 2025,
      through: parsePeriod('2025'),
      consumers: [
        { consumerId: 'a', municipalityId: 'x', yearlyShare: Money.ZERO },
        { consumerId: 'b', municipalityId: 'x', yearlyShare: m('10.00') },
      ],
      charged: [],
    });
    expect(result.consumers.map(shown)).toEqual([
      ['0.00', '0.00', '0.00', null],
      ['10.00', '0.00', '10.00', '0.0'],
    ]);
  });

  it('refuses a period of another year and a charge to a consumer without a yearly share, naming each', () => {
    expect(() => yearToDate({ year: 2025, through: parsePeriod('2024-Q4'), consumers, charged })).toThrow(
      expect.objectContaining({
        details: [{ path: 'through', message: 'Perioden 2024-Q4 ligger inte i 2025' }],
      }),
    );
    expect(() =>
      yearToDate({
        year: 2025,
        through: parsePeriod('2025'),
        consumers,
        charged: [{ consumerId: 'okand', period: '2025-Q1', amount: m('1.00') }],
      }),
    ).toThrow(
      expect.objectContaining({
        details: [{ path: 'charged[0].consumerId', message: "Förbrukaren 'okand' har ingen årsandel" }],
      }),
    );
  });

  it('property: per municipality and in total the parts add up, and charged + remaining = yearly share', () => {
    const ore = fc.bigInt({ min: -10_000_000n, max: 100_000_000n }).map((n) => Money.ofOre(n));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), ore), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.integer({ min: 1, max: 12 }), ore), { maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        (shares, charges, quarter) => {
          const list = shares.map(([municipalityId, yearlyShare], i) => ({
            consumerId: `c${i}`,
            municipalityId,
            yearlyShare,
          }));
          const result = yearToDate({
            year: 2025,
            through: parsePeriod(`2025-Q${quarter}`),
            consumers: list,
            charged: charges.map(([i, month, amount]) => ({
              consumerId: `c${i % list.length}`,
              period: `2025-${String(month).padStart(2, '0')}`,
              amount,
            })),
          });
          const all = [...result.consumers, ...result.municipalities, result.total];
          for (const f of all) expect(f.charged.plus(f.remaining).equals(f.yearlyShare)).toBe(true);
          for (const x of result.municipalities) {
            const own = result.consumers.filter((c) => c.municipalityId === x.municipalityId);
            expect(Money.sum(own.map((c) => c.charged)).equals(x.charged)).toBe(true);
            expect(Money.sum(own.map((c) => c.yearlyShare)).equals(x.yearlyShare)).toBe(true);
          }
          expect(Money.sum(result.municipalities.map((x) => x.charged)).equals(result.total.charged)).toBe(
            true,
          );
          const counted = charges.filter(([, month]) => month <= quarter * 3).map(([, , a]) => a);
          expect(result.total.charged.equals(Money.sum(counted))).toBe(true);
        },
      ),
    );
  });
});
