import {
  changesDoc,
  CREATED,
  deepFreeze,
  threeMunicipalityModel,
} from '../../../../test/scenarios/scenario-fixtures';
import { compareScenario } from './compare-scenario';
import { documentFundingSource } from './scenario-funding';
import { CHANGE_DRIVER_MUNICIPALITIES } from '../../../../test/scenarios/scenario-fixtures';

describe('scenario: arbetsplats is spread by user accounts instead of devices (three municipalities)', () => {
  const base = deepFreeze(threeMunicipalityModel());
  const { comparison, splits } = compareScenario(
    base,
    changesDoc('Arbetsplats per konto', [{ type: 'change-driver', service: 'arbetsplats', driver: 'users' }]),
    documentFundingSource,
    CREATED,
  );

  it('moves money between municipalities exactly as computed by hand', () => {
    // arbetsplats 100 000.00 by users 150/150/100/200 (600): in öre 10 000 000 × w / 600 gives
    // a-ks 2 500 000, a-skola 2 500 000, b-ks 1 666 666.67, c-ks 3 333 333.33; floors sum to
    // 9 999 999, the last öre goes to the largest fraction (b-ks, .67): b-ks 16 666.67, c-ks 33 333.33.
    // Consumers: a-ks 25 000.00 + 7 500.00, a-skola 25 000.00 + 7 500.00, b-ks 16 666.67 + 5 000.00,
    // c-ks 33 333.33 + 10 000.00.
    expect(
      comparison.consumers.map((c) => [c.id, c.base, c.scenario, c.difference, c.differencePercent]),
    ).toEqual([
      ['a-ks', '17500.00', '32500.00', '15000.00', '85.7'], // 15 000 / 17 500 = 85.714 %
      ['a-skola', '37500.00', '32500.00', '-5000.00', '-13.3'], // -5 000 / 37 500 = -13.333 %
      ['b-ks', '45000.00', '21666.67', '-23333.33', '-51.9'], // -23 333.33 / 45 000 = -51.852 %
      ['c-ks', '30000.00', '43333.33', '13333.33', '44.4'], // 13 333.33 / 30 000 = 44.444 %
    ]);
    expect(comparison.municipalities).toEqual(CHANGE_DRIVER_MUNICIPALITIES);
  });

  it('keeps the total when only a key changes, and the service amounts with it', () => {
    expect(comparison.totals).toEqual({
      base: '130000.00',
      scenario: '130000.00',
      difference: '0.00',
      differencePercent: '0.0',
    });
    expect(comparison.services.map((s) => [s.id, s.base, s.scenario, s.difference, s.driver])).toEqual([
      ['arbetsplats', '100000.00', '100000.00', '0.00', { base: 'devices', scenario: 'users' }],
      ['servicedesk', '30000.00', '30000.00', '0.00', { base: 'users', scenario: 'users' }],
    ]);
    // Unit prices: 100 000.00 / 1 000 devices = 100.00; 100 000.00 / 600 accounts = 166.666… → 166.67.
    expect(comparison.services[0].unitPrice).toEqual({ base: '100.00', scenario: '166.67' });
  });

  it('splits the base with the same engine and never touches the base document', () => {
    expect(splits.base.document.total).toBe('130000.00');
    expect(JSON.stringify(base)).toBe(JSON.stringify(threeMunicipalityModel()));
    expect(Object.isFrozen(base.services[0].allocate)).toBe(true);
  });

  it('counts the same charges and invoices in base and scenario (funding did not change)', () => {
    // a-skola on internal charge: 2 services × 4 quarters; B and C invoiced each quarter: 2 × 4.
    const { base: b, scenario: s } = comparison.administrativeLoad;
    expect([b.internalCharges, b.invoices, s.internalCharges, s.invoices]).toEqual([8, 8, 8, 8]);
    expect(s.byMode['internal-charge'].amount).toBe('32500.00');
  });
});
