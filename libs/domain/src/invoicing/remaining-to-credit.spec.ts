import fc from 'fast-check';
import { Money } from '../money/money';
import { creditAmountProblem, remainingToCredit } from './remaining-to-credit';

const m = (s: string) => Money.parse(s);

describe('what is left to credit on an invoice', () => {
  it('subtracts earlier credit notes per line', () => {
    // Fee 120 000.00 credited 20 000.00 earlier → 100 000.00 left; a settlement credit of −1 000.00 untouched.
    const left = remainingToCredit(
      [
        { id: 'fee', net: m('120000.00') },
        { id: 'settle', net: m('-1000.00') },
      ],
      [{ creditedLineId: 'fee', net: m('20000.00') }],
    );
    expect(left.lines.map((l) => [l.lineId, l.remaining.toString()])).toEqual([
      ['fee', '100000.00'],
      ['settle', '-1000.00'],
    ]);
    expect(left.total.toString()).toBe('99000.00');
  });

  it('refuses more than is left, and the wrong sign', () => {
    expect(creditAmountProblem(m('100000.01'), m('100000.00'))).toBe(
      'Beloppet 100000.01 överstiger det som återstår att kreditera på raden (100000.00)',
    );
    expect(creditAmountProblem(m('100000.00'), m('100000.00'))).toBeNull();
    expect(creditAmountProblem(m('-1.00'), m('5.00'))).toBe('Beloppet får inte vara negativt');
    expect(creditAmountProblem(m('1.00'), m('-5.00'))).toMatch(/negativt belopp/);
    expect(creditAmountProblem(m('-5.00'), m('-5.00'))).toBeNull();
    expect(creditAmountProblem(m('0.01'), Money.ZERO)).toBe('Inget återstår att kreditera på raden');
  });

  it('property: crediting what is left leaves zero on every line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        (nets) => {
          const lines = nets.map((n, i) => ({ id: `l${i}`, net: Money.ofOre(n) }));
          const first = remainingToCredit(lines, []);
          const after = remainingToCredit(
            lines,
            first.lines.map((l) => ({ creditedLineId: l.lineId, net: l.remaining })),
          );
          expect(first.total.ore).toBe(nets.reduce((a, b) => a + b, 0n));
          for (const l of after.lines) expect(l.remaining.isZero()).toBe(true);
        },
      ),
    );
  });
});
