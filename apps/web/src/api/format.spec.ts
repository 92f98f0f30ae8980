import fc from 'fast-check';
import { decimal, percent, sek, sumAmounts, todayInSweden } from './format';

describe('amounts and figures as the pages write them', () => {
  it('writes API amounts in Swedish, exact to the öre', () => {
    expect(sek('72108.30')).toBe('72\u00a0108,30 kr');
    expect(sek('-125.00')).toBe('-125,00 kr');
    expect(sek('0.05')).toBe('0,05 kr');
    // 999 999 999 999 999.99: the largest amount the API holds, still exact (a float would print …000,00)
    expect(sek('999999999999999.99')).toBe('999\u00a0999\u00a0999\u00a0999\u00a0999,99 kr');
    expect(sek(null)).toBe('–');
  });

  it('adds amounts exactly: 0.10 + 0.20 = 0.30, and 2 811 699.31 + 224 953.89 + 90 135.38 = 3 126 788.58', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['2811699.31', '224953.89', '90135.38'])).toBe('3126788.58');
    expect(sumAmounts([])).toBe('0.00');
  });

  it('writes shares and quantities with a decimal comma', () => {
    expect(percent('61.8')).toBe('61,8\u00a0%');
    expect(percent(null)).toBe('–');
    expect(decimal('6435')).toBe('6\u00a0435');
    expect(decimal('1250.5')).toBe('1\u00a0250,5');
  });

  it('gives today as a Swedish date: 23:30 UTC on 29 November is already the 30th in Stockholm', () => {
    expect(todayInSweden(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(todayInSweden(new Date('2026-11-29T22:30:00Z'))).toBe('2026-11-29');
  });

  it('property: the written amount reads back to the same öre', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -99_999_999_999_999_999n, max: 99_999_999_999_999_999n }), (ore) => {
        const negative = ore < 0n;
        const abs = negative ? -ore : ore;
        const text = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
        const back = sek(text)
          .replace(/\u00a0/g, '')
          .replace(' kr', '')
          .replace(',', '');
        expect(BigInt(back)).toBe(ore);
      }),
    );
  });
});
