import { Money } from '../money';
import type { SplitResultDocument } from '../cost-model/types';
import { budgetVersusActual } from '.';

const doc = (consumers: [string, string, Record<string, string>][]): SplitResultDocument => ({
  format: 'it-samverkan/split-result@1',
  model: 'm',
  year: 2025,
  total: '0.00',
  services: [
    {
      id: 'arbetsplats',
      direct: '0',
      received: '0',
      total: '0',
      driver: null,
      volume: null,
      unitPrice: null,
    },
    {
      id: 'servicedesk',
      direct: '0',
      received: '0',
      total: '0',
      driver: null,
      volume: null,
      unitPrice: null,
    },
  ],
  consumers: consumers.map(([id, municipality, services]) => ({
    id,
    municipality,
    services,
    total: Money.sum(Object.values(services).map((s) => Money.parse(s))).toString(),
  })),
  municipalities: [],
});

const budget = doc([
  ['ulr-ks', 'ulricehamn', { arbetsplats: '560000.00', servicedesk: '326666.67' }],
  ['tra-oms', 'tranemo', { arbetsplats: '280000.00', servicedesk: '116666.67' }],
]);
const actual = doc([
  ['ulr-ks', 'ulricehamn', { arbetsplats: '570000.00', servicedesk: '330000.00' }],
  ['tra-oms', 'tranemo', { arbetsplats: '275000.50', servicedesk: '120000.00' }],
]);
const m = (s: string) => Money.parse(s);
const year = {
  year: 2025,
  budget,
  actual,
  charged: [
    { consumerId: 'tra-oms', serviceId: 'arbetsplats', amount: m('70000.00') },
    { consumerId: 'tra-oms', serviceId: 'servicedesk', amount: m('29166.67') },
    { consumerId: 'ulr-ks', serviceId: 'arbetsplats', amount: m('140000.00') },
  ],
  settled: [{ consumerId: 'tra-oms', serviceId: null, amount: m('-1666.84') }],
};

describe('budget against actual, charged and settled per year', () => {
  it('everything for a reader who may see every municipality: sums by hand', () => {
    const [y] = budgetVersusActual([year], () => true);
    expect(y.total).toEqual({
      budget: '1283333.34',
      actual: '1295000.50',
      charged: '239166.67',
      settled: '-1666.84',
    });
    expect(y.municipalities).toEqual([
      { id: 'ulricehamn', budget: '886666.67', actual: '900000.00', charged: '140000.00', settled: '0.00' },
      { id: 'tranemo', budget: '396666.67', actual: '395000.50', charged: '99166.67', settled: '-1666.84' },
    ]);
    expect(y.services).toEqual([
      { id: 'arbetsplats', budget: '840000.00', actual: '845000.50', charged: '210000.00', settled: null },
      { id: 'servicedesk', budget: '443333.34', actual: '450000.00', charged: '29166.67', settled: null },
    ]);
    expect(y.consumers[1].services[1]).toEqual({
      id: 'servicedesk',
      budget: '116666.67',
      actual: '120000.00',
      charged: '29166.67',
      settled: null,
    });
  });

  it('a partner sees charged and settled only for its own consumers, and sums only those', () => {
    const [y] = budgetVersusActual([year], (mun) => mun === 'tranemo');
    expect(y.consumers.map((c) => [c.id, c.budget, c.charged, c.settled])).toEqual([
      ['ulr-ks', '886666.67', null, null],
      ['tra-oms', '396666.67', '99166.67', '-1666.84'],
    ]);
    expect(y.total).toEqual({
      budget: '1283333.34',
      actual: '1295000.50',
      charged: '99166.67',
      settled: '-1666.84',
    });
    expect(y.municipalities[0]).toEqual({
      id: 'ulricehamn',
      budget: '886666.67',
      actual: '900000.00',
      charged: null,
      settled: null,
    });
  });

  it('a year without an actual model has every actual null (not yet known), unlike an actual of 0.00', () => {
    const [y] = budgetVersusActual([{ ...year, actual: null }], () => true);
    expect(y.total).toEqual({
      budget: '1283333.34',
      actual: null,
      charged: '239166.67',
      settled: '-1666.84',
    });
    expect(y.municipalities.map((m) => [m.id, m.budget, m.actual])).toEqual([
      ['ulricehamn', '886666.67', null],
      ['tranemo', '396666.67', null],
    ]);
    expect(y.services.map((s) => [s.id, s.actual])).toEqual([
      ['arbetsplats', null],
      ['servicedesk', null],
    ]);
    expect(y.consumers[0].actual).toBeNull();
    expect(y.consumers[0].services[0]).toEqual({
      id: 'arbetsplats',
      budget: '560000.00',
      actual: null,
      charged: '140000.00',
      settled: null,
    });
  });

  it('an actual model in which a consumer has nothing gives it an actual of 0.00, not null', () => {
    const zero = doc([['ulr-ks', 'ulricehamn', { arbetsplats: '0.00', servicedesk: '0.00' }]]);
    const [y] = budgetVersusActual([{ ...year, actual: zero, charged: [], settled: [] }], () => true);
    expect(y.consumers.map((c) => [c.id, c.budget, c.actual])).toEqual([
      ['ulr-ks', '886666.67', '0.00'],
      ['tra-oms', '396666.67', '0.00'],
    ]);
    expect(y.total.actual).toBe('0.00');
  });

  it('a year without a budget model has every budget null (no budget), unlike a budget of 0.00', () => {
    const [y] = budgetVersusActual([{ ...year, budget: null }], () => true);
    // actual by hand: ulr-ks 570 000.00 + 330 000.00, tra-oms 275 000.50 + 120 000.00
    expect(y.total).toEqual({
      budget: null,
      actual: '1295000.50',
      charged: '239166.67',
      settled: '-1666.84',
    });
    expect(y.municipalities).toEqual([
      { id: 'ulricehamn', budget: null, actual: '900000.00', charged: '140000.00', settled: '0.00' },
      { id: 'tranemo', budget: null, actual: '395000.50', charged: '99166.67', settled: '-1666.84' },
    ]);
    expect(y.services).toEqual([
      { id: 'arbetsplats', budget: null, actual: '845000.50', charged: '210000.00', settled: null },
      { id: 'servicedesk', budget: null, actual: '450000.00', charged: '29166.67', settled: null },
    ]);
    expect(y.consumers.map((c) => [c.id, c.municipality, c.budget, c.actual])).toEqual([
      ['ulr-ks', 'ulricehamn', null, '900000.00'],
      ['tra-oms', 'tranemo', null, '395000.50'],
    ]);
    expect(y.consumers[1].services[0]).toEqual({
      id: 'arbetsplats',
      budget: null,
      actual: '275000.50',
      charged: '70000.00',
      settled: null,
    });
  });

  it('a budget model in which a consumer has nothing gives it a budget of 0.00, not null', () => {
    const only = doc([['ulr-ks', 'ulricehamn', { arbetsplats: '560000.00', servicedesk: '326666.67' }]]);
    const [y] = budgetVersusActual([{ ...year, budget: only }], () => true);
    expect(y.consumers.map((c) => [c.id, c.budget, c.actual])).toEqual([
      ['ulr-ks', '886666.67', '900000.00'],
      ['tra-oms', '0.00', '395000.50'],
    ]);
    expect(y.consumers[1].services.map((s) => [s.id, s.budget])).toEqual([
      ['arbetsplats', '0.00'],
      ['servicedesk', '0.00'],
    ]);
    expect(y.municipalities.map((m) => [m.id, m.budget])).toEqual([
      ['ulricehamn', '886666.67'],
      ['tranemo', '0.00'],
    ]);
    expect(y.total.budget).toBe('886666.67');
  });

  it('nothing charged or settled for the year yet gives null, charges that net to nothing 0.00', () => {
    const [none] = budgetVersusActual([{ ...year, charged: [], settled: [] }], () => true);
    expect([none.total.charged, none.total.settled]).toEqual([null, null]);
    expect(none.consumers.map((c) => [c.id, c.charged, c.settled])).toEqual([
      ['ulr-ks', null, null],
      ['tra-oms', null, null],
    ]);
    expect(none.services.map((s) => [s.id, s.charged])).toEqual([
      ['arbetsplats', null],
      ['servicedesk', null],
    ]);
    // tra-oms charged 70 000.00 for arbetsplats and credited it back in full: charged 0.00, and ulr-ks,
    // with nothing of its own in a year that has charges, 0.00 too; settled nothing yet: null
    const credited = [
      { consumerId: 'tra-oms', serviceId: 'arbetsplats', amount: m('70000.00') },
      { consumerId: 'tra-oms', serviceId: 'arbetsplats', amount: m('-70000.00') },
    ];
    const [netted] = budgetVersusActual([{ ...year, charged: credited, settled: [] }], () => true);
    expect(netted.total).toEqual({
      budget: '1283333.34',
      actual: '1295000.50',
      charged: '0.00',
      settled: null,
    });
    expect(netted.consumers.map((c) => [c.id, c.charged, c.settled])).toEqual([
      ['ulr-ks', '0.00', null],
      ['tra-oms', '0.00', null],
    ]);
    expect(netted.consumers[1].services.map((s) => [s.id, s.charged])).toEqual([
      ['arbetsplats', '0.00'],
      ['servicedesk', '0.00'],
    ]);
  });

  it("a partner whose consumers have nothing charged or settled sees null, though others' were", () => {
    // only ulr-ks was charged, and only tra-oms settled: Ulricehamn sees its charge and no settlement
    const own = {
      ...year,
      charged: [year.charged[2]],
      settled: year.settled,
    };
    const [ulr] = budgetVersusActual([own], (mun) => mun === 'ulricehamn');
    expect(ulr.consumers.map((c) => [c.id, c.charged, c.settled])).toEqual([
      ['ulr-ks', '140000.00', null],
      ['tra-oms', null, null],
    ]);
    expect([ulr.total.charged, ulr.total.settled]).toEqual(['140000.00', null]);
    const [tra] = budgetVersusActual([own], (mun) => mun === 'tranemo');
    expect(tra.consumers.map((c) => [c.id, c.charged, c.settled])).toEqual([
      ['ulr-ks', null, null],
      ['tra-oms', null, '-1666.84'],
    ]);
    expect([tra.total.charged, tra.total.settled]).toEqual([null, '-1666.84']);
  });
});
