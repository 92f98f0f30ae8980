import fc from 'fast-check';
import { Money } from '../money/money';
import { costSharesOfPeriod, spreadConsumerYear } from './cost-share-spread';

const m = (s: string) => Money.parse(s);
const text = (lines: ReturnType<typeof spreadConsumerYear>) =>
  lines.map((p) => [p.charge.toString(), ...p.services.map((s) => s.amount.toString())]);

describe('DOMAIN.md 5.6: a consumer’s yearly amount spread over periods, then over services', () => {
  it('bolag-b1 of 5.3 by quarter gives the table of 5.6 exactly', () => {
    const lines = spreadConsumerYear(
      [
        { serviceId: 'arbetsplats', yearly: m('93333.33') },
        { serviceId: 'servicedesk', yearly: m('23333.33') },
      ],
      4,
    );
    // 116 666.66 over 4 → 29 166.67, 29 166.67, 29 166.66, 29 166.66 (earliest take the öre).
    // Q1 weights 93 333.33 : 23 333.33 → 23 333.3365… : 5 833.3334…, the öre to arbetsplats (.3365 > .3334).
    // Q2 over what is left 69 999.99 : 17 500.00 → 23 333.3353… : 5 833.3346…, again arbetsplats.
    // Q3 46 666.65 : 11 666.67 → 23 333.325 : 5 833.335, a tie → the service listed first.
    // Q4 takes what is left: 23 333.32 and 5 833.34.
    expect(text(lines)).toEqual([
      ['29166.67', '23333.34', '5833.33'],
      ['29166.67', '23333.34', '5833.33'],
      ['29166.66', '23333.33', '5833.33'],
      ['29166.66', '23333.32', '5833.34'],
    ]);
    expect(
      costSharesOfPeriod(
        [
          { serviceId: 'arbetsplats', yearly: m('93333.33') },
          { serviceId: 'servicedesk', yearly: m('23333.33') },
        ],
        4,
        3,
      ).services.map((s) => s.amount.toString()),
    ).toEqual(['23333.33', '5833.33']);
  });

  it('the invoicing test model’s tra-oms by quarter: 300 000.00 + 33 333.34', () => {
    // arbetsplats 300 000.00 and servicedesk 33 333.34 (100 000.01 over three users: 33 333.34, 33 333.34, 33 333.33).
    // Total 333 333.34 over 4 → 83 333.34, 83 333.34, 83 333.33, 83 333.33.
    // Q1 weights 300 000.00 : 33 333.34 → exact 75 000.0015… : 8 333.3384…; floors 75 000.00 + 8 333.33 = 83 333.33,
    // the öre to servicedesk (.3384… > .0015…): 75 000.00 and 8 333.34.
    const q = spreadConsumerYear(
      [
        { serviceId: 'arbetsplats', yearly: m('300000.00') },
        { serviceId: 'servicedesk', yearly: m('33333.34') },
      ],
      4,
    );
    expect(text(q)[0]).toEqual(['83333.34', '75000.00', '8333.34']);
    expect(text(q).map((r) => r[0])).toEqual(['83333.34', '83333.34', '83333.33', '83333.33']);
  });

  it('a negative service (a negative pool) is spread among the negative ones', () => {
    // +100.00 over 3 → 33.34, 33.33, 33.33; −10.00 over 3 → −3.34, −3.33, −3.33.
    const lines = spreadConsumerYear(
      [
        { serviceId: 'a', yearly: m('100.00') },
        { serviceId: 'b', yearly: m('-10.00') },
      ],
      3,
    );
    expect(text(lines)).toEqual([
      ['30.00', '33.34', '-3.34'],
      ['30.00', '33.33', '-3.33'],
      ['30.00', '33.33', '-3.33'],
    ]);
  });

  const shares = fc.array(fc.bigInt({ min: 0n, max: 10_000_000_000n }), { minLength: 1, maxLength: 8 });
  const frequency = fc.constantFrom(1, 3, 4, 12);

  it('property: period lines add up to the spread of the consumer’s yearly amount', () => {
    fc.assert(
      fc.property(shares, frequency, (ores, perYear) => {
        const input = ores.map((o, i) => ({ serviceId: `s${i}`, yearly: Money.ofOre(o) }));
        const lines = spreadConsumerYear(input, perYear);
        const total = ores.reduce((a, b) => a + b, 0n);
        const base = total / BigInt(perYear);
        const extra = Number(total % BigInt(perYear));
        lines.forEach((p, k) => {
          expect(p.charge.ore).toBe(base + (k < extra ? 1n : 0n));
          expect(Money.sum(p.services.map((s) => s.amount)).ore).toBe(p.charge.ore);
        });
      }),
    );
  });

  it('property: one period alone is the same as that period of the whole year', () => {
    const signed = fc.array(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(signed, frequency, (ores, perYear) => {
        const input = ores.map((o, i) => ({ serviceId: `s${i}`, yearly: Money.ofOre(o) }));
        const year = text(spreadConsumerYear(input, perYear));
        for (let k = 1; k <= perYear; k++)
          expect(text([costSharesOfPeriod(input, perYear, k)])).toEqual([year[k - 1]]);
      }),
    );
  });

  it('property: each service’s lines add up to its yearly amount and no line is negative', () => {
    fc.assert(
      fc.property(shares, frequency, (ores, perYear) => {
        const input = ores.map((o, i) => ({ serviceId: `s${i}`, yearly: Money.ofOre(o) }));
        const lines = spreadConsumerYear(input, perYear);
        input.forEach((s, i) => {
          expect(Money.sum(lines.map((p) => p.services[i].amount)).ore).toBe(s.yearly.ore);
          for (const p of lines) expect(p.services[i].amount.isNegative()).toBe(false);
        });
      }),
    );
  });

  it('property: with negative services too, every service adds up and keeps its sign', () => {
    const signed = fc.array(fc.bigInt({ min: -1_000_000n, max: 1_000_000n }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(signed, frequency, (ores, perYear) => {
        const input = ores.map((o, i) => ({ serviceId: `s${i}`, yearly: Money.ofOre(o) }));
        const lines = spreadConsumerYear(input, perYear);
        input.forEach((s, i) => {
          expect(Money.sum(lines.map((p) => p.services[i].amount)).ore).toBe(s.yearly.ore);
          for (const p of lines) expect(p.services[i].amount.ore * s.yearly.ore >= 0n).toBe(true);
        });
        for (const p of lines) expect(Money.sum(p.services.map((s) => s.amount)).ore).toBe(p.charge.ore);
      }),
    );
  });
});
