import {
  changesDoc,
  CREATED,
  oneConsumerModel,
  threeMunicipalityModel,
} from '../../../../test/scenarios/scenario-fixtures';
import { administrativeLoad } from './administrative-load';
import { compareScenario } from './compare-scenario';
import { documentFundingSource } from './scenario-funding';
import { splitCostModel, validateCostModel } from '../cost-model';

describe('scenario: the host moves its units from appropriation to internal charge', () => {
  const { comparison } = compareScenario(
    threeMunicipalityModel(),
    changesDoc('A interndebiterar', [
      { type: 'switch-funding', municipality: 'kommun-a', from: 'appropriation', to: 'internal-charge' },
    ]),
    documentFundingSource,
    CREATED,
  );

  it('leaves every amount as it was', () => {
    for (const row of [
      comparison.totals,
      ...comparison.municipalities,
      ...comparison.consumers,
      ...comparison.services,
    ]) {
      expect(row.difference).toBe('0.00');
    }
  });

  it('changes the yearly number of internal charges as computed by hand', () => {
    // Host A: a-ks on appropriation (no charge), a-skola on internal charge: 2 services × 4 quarters = 8.
    // B and C are invoiced externally, one invoice per municipality and quarter: 2 × 4 = 8.
    expect(comparison.administrativeLoad.base).toEqual({
      internalCharges: 8,
      invoices: 8,
      byMode: {
        appropriation: { consumers: 1, amount: '17500.00', internalCharges: 0, invoices: 0 },
        'internal-charge': { consumers: 1, amount: '37500.00', internalCharges: 8, invoices: 0 },
        'external-invoice': { consumers: 2, amount: '75000.00', internalCharges: 0, invoices: 8 },
      },
    });
    // a-ks moves too: 2 more services × 4 quarters = 8 more internal charges; invoices unchanged.
    expect(comparison.administrativeLoad.scenario).toEqual({
      internalCharges: 16,
      invoices: 8,
      byMode: {
        appropriation: { consumers: 0, amount: '0.00', internalCharges: 0, invoices: 0 },
        'internal-charge': { consumers: 2, amount: '55000.00', internalCharges: 16, invoices: 0 },
        'external-invoice': { consumers: 2, amount: '75000.00', internalCharges: 0, invoices: 8 },
      },
    });
    expect(comparison.fundingSwitches).toEqual([
      { consumer: 'a-ks', from: 'appropriation', to: 'internal-charge' },
    ]);
  });

  it('counts a service funded otherwise than the consumer, and the switch moves what was funded the old way', () => {
    // a-ks on appropriation but its servicedesk (7 500.00) on internal charge: 4 charges a year.
    const serviceFunded = (
      settings: Parameters<typeof documentFundingSource>[0],
      base: Parameters<typeof documentFundingSource>[1],
    ) => {
      const source = documentFundingSource(settings, base);
      return {
        ...source,
        fundingOf: (c: { id: string; municipality: string }) =>
          c.id === 'a-ks'
            ? { ...source.fundingOf(c), serviceModes: { servicedesk: 'internal-charge' as const } }
            : source.fundingOf(c),
      };
    };
    const { comparison: c } = compareScenario(
      threeMunicipalityModel(),
      changesDoc('A interndebiterar', [
        { type: 'switch-funding', consumer: 'a-ks', from: 'appropriation', to: 'internal-charge' },
      ]),
      serviceFunded,
      CREATED,
    );
    expect(c.administrativeLoad.base.internalCharges).toBe(12);
    expect(c.administrativeLoad.base.byMode.appropriation).toMatchObject({
      consumers: 1,
      amount: '10000.00',
    });
    expect(c.administrativeLoad.base.byMode['internal-charge']).toMatchObject({
      consumers: 1,
      amount: '45000.00',
      internalCharges: 12,
    });
    expect(c.administrativeLoad.scenario.internalCharges).toBe(16);
  });

  it('switching back in a later change leaves no switch', () => {
    const back = compareScenario(
      threeMunicipalityModel(),
      changesDoc('Fram och tillbaka', [
        { type: 'switch-funding', consumer: 'a-ks', from: 'appropriation', to: 'internal-charge' },
        { type: 'switch-funding', consumer: 'a-ks', from: 'internal-charge', to: 'appropriation' },
      ]),
      documentFundingSource,
      CREATED,
    );
    expect(back.comparison.fundingSwitches).toEqual([]);
    expect(back.comparison.administrativeLoad.scenario).toEqual(back.comparison.administrativeLoad.base);
  });
});

describe('administrative load: counted period by period, as an invoice run makes them', () => {
  it('a period whose spread part is zero makes no charge (0.02 a year → two quarters)', () => {
    // 0.02 over four quarters → 0.01, 0.01, 0.00, 0.00 (DOMAIN.md 5.6): two internal charges.
    const model = validateCostModel(oneConsumerModel('0.02'));
    const load = administrativeLoad(splitCostModel(model), () => ({
      mode: 'internal-charge',
      buyer: null,
      periodsPerYear: 4,
      basis: 'share',
      serviceModes: {},
    }));
    expect(load.internalCharges).toBe(2);
    const invoiced = administrativeLoad(splitCostModel(model), () => ({
      mode: 'external-invoice',
      buyer: 'x',
      periodsPerYear: 12,
      basis: 'share',
      serviceModes: {},
    }));
    expect(invoiced.invoices).toBe(2);
  });

  it('a consumer on a fixed agreement fee is invoiced every period; one billed by the hour is not counted', () => {
    const split = splitCostModel(validateCostModel(oneConsumerModel('0.02')));
    expect(
      administrativeLoad(split, () => ({
        mode: 'external-invoice',
        buyer: 'x',
        periodsPerYear: 4,
        basis: 'fixed-fee',
        serviceModes: {},
      })).invoices,
    ).toBe(4);
    expect(
      administrativeLoad(split, () => ({
        mode: 'external-invoice',
        buyer: 'x',
        periodsPerYear: 4,
        basis: 'outside-model',
        serviceModes: {},
      })).invoices,
    ).toBe(0);
  });
});
