import { Money } from '../money/money';
import { computeInvoiceTotals } from './vat';
import { parsePeriod, periodContaining, addDays } from './period';

const m = (s: string) => Money.parse(s);

describe('VAT per rate on the sum of line nets (DOMAIN.md 7)', () => {
  it('rounds once per rate, not per line', () => {
    // Three lines of 0.02 at 25 %: per line 0.005 → 0.01 each (0.03), on the sum 0.06 × 0.25 = 0.015 → 0.02.
    const totals = computeInvoiceTotals([
      { net: m('0.02'), vatRate: '25' },
      { net: m('0.02'), vatRate: '25' },
      { net: m('0.02'), vatRate: '25' },
    ]);
    expect(totals.vat.toString()).toBe('0.02');
    expect(totals.gross.toString()).toBe('0.08');
  });

  it('keeps rates apart and adds up', () => {
    const totals = computeInvoiceTotals([
      { net: m('29166.67'), vatRate: '25' },
      { net: m('1400.00'), vatRate: '25' },
      { net: m('100.10'), vatRate: '6' },
      { net: m('500.00'), vatRate: '0' },
    ]);
    expect(totals.breakdown.map((b) => [b.rate, b.base.toString(), b.vat.toString()])).toEqual([
      ['25', '30566.67', '7641.67'], // 30566.67 × 0.25 = 7641.6675 → 7641.67
      ['6', '100.10', '6.01'], // 6.006 → 6.01
      ['0', '500.00', '0.00'],
    ]);
    expect(totals.net.toString()).toBe('31166.77');
    expect(totals.vat.toString()).toBe('7647.68');
    expect(totals.gross.toString()).toBe('38814.45');
  });
});

describe('periods', () => {
  it('parses the four period forms', () => {
    expect(parsePeriod('2025-03')).toMatchObject({
      kind: 'month',
      months: ['2025-03'],
      firstDay: '2025-03-01',
      lastDay: '2025-03-31',
    });
    expect(parsePeriod('2025-Q1')).toMatchObject({
      kind: 'quarter',
      index: 1,
      perYear: 4,
      months: ['2025-01', '2025-02', '2025-03'],
    });
    expect(parsePeriod('2024-T1')).toMatchObject({
      kind: 'tertial',
      months: ['2024-01', '2024-02', '2024-03', '2024-04'],
      lastDay: '2024-04-30',
    });
    expect(parsePeriod('2025')).toMatchObject({
      kind: 'year',
      perYear: 1,
      firstDay: '2025-01-01',
      lastDay: '2025-12-31',
    });
    expect(parsePeriod('2024-02').lastDay).toBe('2024-02-29');
  });
  it('rejects anything else with the field path', () => {
    for (const bad of ['2025-13', '2025-Q5', '2025-T4', '25-01', '', null]) {
      expect(() => parsePeriod(bad, 'body.period')).toThrow(
        expect.objectContaining({
          code: 'PERIOD_INVALID',
          details: [expect.objectContaining({ path: 'body.period' })],
        }),
      );
    }
  });
  it('finds the period containing a month and adds days', () => {
    expect(periodContaining('quarter', '2025-05').key).toBe('2025-Q2');
    expect(periodContaining('tertial', '2025-05').key).toBe('2025-T2');
    expect(addDays('2025-03-31', 30)).toBe('2025-04-30');
    expect(addDays('2024-12-15', 30)).toBe('2025-01-14');
  });
});
