import fc from 'fast-check';
import { exampleModel } from '../../../../test/factories/cost-model';
import { Dec, Money } from '../money';
import { ValidationError } from '../errors';
import { splitCostModel, validateCostModel } from '../cost-model';
import { checkPoolIndices, compareModelYears, indexPoolAmounts } from '.';

const pools = (...amounts: string[]) => amounts.map((a, i) => ({ id: `p${i}`, amount: Money.parse(a) }));
const text = (xs: { id: string; amount: Money }[]) => xs.map((x) => x.amount.toString());

describe('indexing pools for next year (5.2: the indexed total holds)', () => {
  it('three pools of 0.10 at +5 %: exactly 0.105 each, total 0.315 → 0.32, pools 0.11, 0.11, 0.10', () => {
    expect(text(indexPoolAmounts(pools('0.10', '0.10', '0.10'), { p0: '5', p1: '5', p2: '5' }))).toEqual([
      '0.11',
      '0.11',
      '0.10',
    ]);
  });

  it('the demo indices: personnel 14 200 000.00 +3.5 % = 14 697 000.00, licences 5 400 000.00 +6 % = 5 724 000.00', () => {
    expect(
      text(indexPoolAmounts(pools('14200000.00', '5400000.00', '900000.00'), { p0: '3.5', p1: '6' })),
    ).toEqual(['14697000.00', '5724000.00', '900000.00']);
  });

  it('1 000.01 +3.5 % and 333.33 +6 %: exact 1 035.010 35 and 353.329 8, total 1 398.34, the öre to the larger fraction', () => {
    expect(text(indexPoolAmounts(pools('1000.01', '333.33', '10.00'), { p0: '3.5', p1: '6' }))).toEqual([
      '1035.01',
      '353.33',
      '10.00',
    ]);
  });

  it('a pool at 0 % keeps its amount to the öre: 0.03 −6.37 %, 26 830 221.42 ±0 %, 6 505 355.16 −2.87 %', () => {
    // exact 0.028 089, 26 830 221.42 and 6 318 651.466 908; total 33 148 872.914 997 → 33 148 872.91.
    // floors 0.02 + 26 830 221.42 + 6 318 651.46 = 33 148 872.90: one öre left, to the larger fraction
    // (.8089 before .6908). Weighting the total by the exact amounts gave 26 830 221.41 here.
    expect(
      text(indexPoolAmounts(pools('0.03', '26830221.42', '6505355.16'), { p0: '-6.37', p2: '-2.87' })),
    ).toEqual(['0.03', '26830221.42', '6318651.46']);
  });

  it('refuses unknown pools and unreadable percentages, every one named', () => {
    expect(checkPoolIndices({ p0: '3,5', okand: '2', p1: '-120', p2: 4 }, ['p0', 'p1', 'p2'])).toEqual([
      { path: 'indices.p0', message: 'Index anges i procent med punkt, t.ex. "3.5" eller "-2"' },
      { path: 'indices.okand', message: 'Poolen okand finns inte i modellen' },
      { path: 'indices.p1', message: 'Ett index kan inte vara lägre än -100 %' },
    ]);
    expect(() => indexPoolAmounts(pools('1.00'), { p0: 'tre' })).toThrow(ValidationError);
  });

  it('property: the pools add up to the indexed total rounded half-up, each within one öre of its exact amount', () => {
    const amount = fc.bigInt({ min: 0n, max: 10_000_000_000n }).map((o) => Money.ofOre(o));
    const percent = fc.integer({ min: -1000, max: 2000 }).map((n) => (n / 100).toString());
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, percent), { minLength: 1, maxLength: 8 }), (rows) => {
        const input = rows.map(([a], i) => ({ id: `p${i}`, amount: a }));
        const indices = Object.fromEntries(rows.map(([, p], i) => [`p${i}`, p]));
        const out = indexPoolAmounts(input, indices);
        const exact = rows.map(([a, p]) => a.toDecimal().times(new Dec(1).plus(new Dec(p).dividedBy(100))));
        const total = Money.fromDecimalHalfUp(exact.reduce((t, e) => t.plus(e), new Dec(0)));
        expect(Money.sum(out.map((o) => o.amount)).toString()).toBe(total.toString());
        out.forEach((o, i) => {
          expect(o.amount.toDecimal().minus(exact[i]).abs().lessThan('0.01')).toBe(true);
          if (exact[i].times(100).isInteger()) expect(o.amount.toDecimal().equals(exact[i])).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('what changed against last year (the model of 5.1, personnel +3.5 %, licences +6 %)', () => {
  const lastDoc = exampleModel();
  const nextDoc = { ...exampleModel(), year: 2026 };
  const indexed = indexPoolAmounts(
    lastDoc.pools.map((p) => ({ id: p.id, amount: Money.parse(p.amount) })),
    { personal: '3.5', licenser: '6' },
  );
  nextDoc.pools = nextDoc.pools.map((p, i) => ({ ...p, amount: indexed[i].amount.toString() }));
  const side = (doc: unknown) => {
    const model = validateCostModel(doc);
    return { model, split: splitCostModel(model) };
  };
  const diff = compareModelYears(side(lastDoc), side(nextDoc));

  it('pools and total: 1 400 000.00 → 1 453 000.00, +53 000.00, +3.8 %', () => {
    expect(diff.total).toMatchObject({
      last: '1400000.00',
      next: '1453000.00',
      change: '53000.00',
      percent: '3.8',
    });
    expect(diff.pools.map((p) => [p.id, p.next, p.change, p.percent])).toEqual([
      ['personal', '1035000.00', '35000.00', '3.5'],
      ['licenser', '318000.00', '18000.00', '6.0'],
      ['lokaler', '100000.00', '0.00', '0.0'],
    ]);
  });

  it('unit prices: arbetsplats 933.33 → 971.57 (+4.1 %), servicedesk 466.67 → 481.43 (+3.2 %)', () => {
    expect(diff.services.map((s) => [s.id, s.last, s.next, s.change, s.percent])).toEqual([
      ['ledning', null, null, null, null],
      ['arbetsplats', '933.33', '971.57', '38.24', '4.1'],
      ['servicedesk', '466.67', '481.43', '14.76', '3.2'],
    ]);
    expect(diff.services[1]).toMatchObject({ lastTotal: '933333.33', nextTotal: '971573.83' });
  });

  it('consumers: ulr-ks 919 942.62 (+3.8 %), tra-oms 411 828.69 (+3.8 %), bolag-b1 121 228.69 (+3.9 %)', () => {
    expect(diff.consumers.map((c) => [c.id, c.last, c.next, c.change, c.percent])).toEqual([
      ['ulr-ks', '886666.67', '919942.62', '33275.95', '3.8'],
      ['tra-oms', '396666.67', '411828.69', '15162.02', '3.8'],
      ['bolag-b1', '116666.66', '121228.69', '4562.03', '3.9'],
    ]);
  });
});

describe('what changed in the volumes (devices ulr-ks 600 → 660, users bolag-b1 50 → 0)', () => {
  const lastDoc = exampleModel();
  const nextDoc = {
    ...exampleModel(),
    year: 2026,
    volumes: {
      devices: { 'ulr-ks': 660, 'tra-oms': 300, 'bolag-b1': 100 },
      users: { 'ulr-ks': 700, 'tra-oms': 250 },
    },
  };
  const side = (doc: unknown) => {
    const model = validateCostModel(doc);
    return { model, split: splitCostModel(model) };
  };
  const diff = compareModelYears(side(lastDoc), side(nextDoc));

  it('per driver: devices 1 000 → 1 060 (+60, +6.0 %), users 1 000 → 950 (−50, −5.0 %)', () => {
    expect(diff.volumes.map((d) => [d.id, d.unit, d.last, d.next, d.change, d.percent])).toEqual([
      ['devices', 'st', '1000', '1060', '60', '6.0'],
      ['users', 'st', '1000', '950', '-50', '-5.0'],
    ]);
  });

  it('per consumer: ulr-ks 600 → 660 (+10.0 %); bolag-b1 users 50 → 0 (−100.0 %), none dropped', () => {
    expect(diff.volumes[0].consumers.map((c) => [c.id, c.last, c.next, c.change, c.percent])).toEqual([
      ['ulr-ks', '600', '660', '60', '10.0'],
      ['tra-oms', '300', '300', '0', '0.0'],
      ['bolag-b1', '100', '100', '0', '0.0'],
    ]);
    expect(diff.volumes[1].consumers[2]).toMatchObject({
      id: 'bolag-b1',
      last: '50',
      next: '0',
      change: '-50',
      percent: '-100.0',
    });
  });

  it('property: per driver, the consumers\u2019 changes add up to the total\u2019s change', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 3 }), (vs) => {
        const doc = {
          ...exampleModel(),
          volumes: {
            devices: { 'ulr-ks': vs[0], 'tra-oms': vs[1], 'bolag-b1': vs[2] },
            users: { 'ulr-ks': 700, 'tra-oms': 250, 'bolag-b1': 50 },
          },
        };
        if (vs.every((v) => v === 0)) return;
        const d = compareModelYears(side(lastDoc), side(doc)).volumes[0];
        const sum = d.consumers.reduce((t, c) => t.plus(c.change!), new Dec(0));
        expect(sum.toFixed()).toBe(d.change);
      }),
      { numRuns: 50 },
    );
  });
});
