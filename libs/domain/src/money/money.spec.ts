import { Money } from './money';
import { Dec, percentOneDecimal } from './decimal';

describe('Money', () => {
  it('parses strings and numbers with at most two decimals', () => {
    expect(Money.parse('1234.5').toString()).toBe('1234.50');
    expect(Money.parse(12.25).toString()).toBe('12.25');
    expect(Money.parse('-0.05').toString()).toBe('-0.05');
    expect(Money.parse('0').toString()).toBe('0.00');
  });

  it('rejects more than two decimals, text and non-finite numbers with the field path', () => {
    for (const bad of ['1.234', 'abc', '1,50', '', NaN, Infinity, null, {}]) {
      const problem = Money.check(bad, 'pools[0].amount');
      expect(problem).not.toBeNull();
      expect(problem!.path).toBe('pools[0].amount');
    }
    expect(() => Money.parse('1.001', 'x')).toThrow(expect.objectContaining({ code: 'MONEY_INVALID' }));
  });

  it('rounds half-up to öre, away from zero', () => {
    expect(Money.fromDecimalHalfUp(new Dec('933.325')).toString()).toBe('933.33');
    expect(Money.fromDecimalHalfUp(new Dec('933.3249')).toString()).toBe('933.32');
    expect(Money.fromDecimalHalfUp(new Dec('-0.005')).toString()).toBe('-0.01');
    expect(Money.parse('900.00').timesHalfUp(new Dec(20).div(60)).toString()).toBe('300.00');
  });

  it('formats in Swedish with grouping and a decimal comma', () => {
    expect(Money.parse('1400000').toSwedish()).toBe('1\u00a0400\u00a0000,00');
    expect(Money.parse('-5.5').toSwedish()).toBe('-5,50');
  });

  it('holds the largest supported amount exactly', () => {
    expect(Money.parse('999999999999999.99').toString()).toBe('999999999999999.99');
    expect(() => Money.parse('9999999999999999.99')).toThrow();
  });
});

describe('percentOneDecimal', () => {
  it('rounds half-up away from zero and always writes one decimal', () => {
    expect(percentOneDecimal(4, 7)).toBe('57.1'); // 57.142…
    expect(percentOneDecimal(1, 8)).toBe('12.5');
    expect(percentOneDecimal(1, 2)).toBe('50.0');
    expect(percentOneDecimal('-5000', '37500')).toBe('-13.3');
    expect(percentOneDecimal(1, 1600)).toBe('0.1'); // 0.0625 → 0.1
    expect(percentOneDecimal(-1, 1600)).toBe('-0.1');
    expect(percentOneDecimal(-1, 4000)).toBe('0.0'); // -0.025 → -0.0, written 0.0
  });
});
