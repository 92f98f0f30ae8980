import { exampleModel } from '../../../../test/factories/cost-model';
import { ValidationError } from '../errors';
import { Money } from '../money';
import {
  SETTLEMENT_KIND_LABELS,
  settleYear,
  splitCostModel,
  toSplitResultDocument,
  validateCostModel,
} from '.';

const m = (s: string) => Money.parse(s);
const view = (lines: ReturnType<typeof settleYear>) =>
  lines.map((l) => [
    l.consumerId,
    l.charged.toString(),
    l.actual.toString(),
    l.difference.toString(),
    SETTLEMENT_KIND_LABELS[l.kind],
  ]);

describe('year-end settlement (slutavräkning, DOMAIN.md 5.6)', () => {
  it('settles what was charged against the actual shares, by hand', () => {
    const lines = settleYear({
      charged: [
        // ulr-ks paid its budget share 886 666.67 in four quarters (5.6 spreading: the first take the öre).
        { consumerId: 'ulr-ks', amount: m('221666.67') },
        { consumerId: 'ulr-ks', amount: m('221666.67') },
        { consumerId: 'tra-oms', amount: m('396666.67') },
        { consumerId: 'ulr-ks', amount: m('221666.67') },
        { consumerId: 'ulr-ks', amount: m('221666.66') },
        { consumerId: 'bolag-b1', amount: m('116666.66') },
        { consumerId: 'mark-ks', amount: m('1000.00') },
      ],
      actual: [
        { consumerId: 'ulr-ks', municipality: 'ulricehamn', amount: m('900000.00') },
        { consumerId: 'tra-oms', municipality: 'tranemo', amount: m('380000.50') },
        { consumerId: 'bolag-b1', municipality: 'ulricehamn', amount: m('116666.66') },
        { consumerId: 'ny-enhet', municipality: 'tranemo', amount: m('250.00') },
      ],
    });
    expect(view(lines)).toEqual([
      // 900 000.00 − 886 666.67 = 13 333.33 more to pay.
      ['ulr-ks', '886666.67', '900000.00', '13333.33', 'slutfaktura'],
      // 380 000.50 − 396 666.67 = −16 666.17 back.
      ['tra-oms', '396666.67', '380000.50', '-16666.17', 'kreditering'],
      ['bolag-b1', '116666.66', '116666.66', '0.00', 'ingen avräkning'],
      ['ny-enhet', '0.00', '250.00', '250.00', 'slutfaktura'],
      // Charged but not in the actual model: credited in full.
      ['mark-ks', '1000.00', '0.00', '-1000.00', 'kreditering'],
    ]);
    expect(lines[4].municipality).toBeNull();
  });

  it('takes the actual split or its published document directly', () => {
    const model = validateCostModel(exampleModel());
    const split = splitCostModel(model);
    const charged = [
      { consumerId: 'ulr-ks', amount: m('880000.00') },
      { consumerId: 'tra-oms', amount: m('400000.00') },
      { consumerId: 'bolag-b1', amount: m('120000.00') },
    ];
    const expected = [
      ['ulr-ks', '880000.00', '886666.67', '6666.67', 'slutfaktura'],
      ['tra-oms', '400000.00', '396666.67', '-3333.33', 'kreditering'],
      ['bolag-b1', '120000.00', '116666.66', '-3333.34', 'kreditering'],
    ];
    expect(view(settleYear({ charged, actual: split }))).toEqual(expected);
    expect(view(settleYear({ charged, actual: toSplitResultDocument(model, split) }))).toEqual(expected);
    // Charged 1 400 000.00 in all, actual 1 400 000.00: the differences cancel out exactly.
    const lines = settleYear({ charged, actual: split });
    expect(Money.sum(lines.map((l) => l.difference)).toString()).toBe('0.00');
  });

  it('refuses two actual amounts for one consumer', () => {
    expect(() =>
      settleYear({
        charged: [],
        actual: [
          { consumerId: 'ulr-ks', amount: m('1.00') },
          { consumerId: 'ulr-ks', amount: m('2.00') },
        ],
      }),
    ).toThrow(ValidationError);
  });
});
