import {
  changesDoc,
  CREATED,
  D_JOINS,
  threeMunicipalityModel,
} from '../../../../test/scenarios/scenario-fixtures';
import { compareScenario } from './compare-scenario';
import { documentFundingSource } from './scenario-funding';

describe('scenario: municipality D joins with its own consumer and volumes', () => {
  const { comparison } = compareScenario(
    threeMunicipalityModel(),
    changesDoc('D ansluter', [D_JOINS]),
    documentFundingSource,
    CREATED,
  );

  it("lowers the others' shares exactly as computed by hand", () => {
    // arbetsplats 100 000.00 by devices 100/300/400/200/250 (1 250): 8 000.00, 24 000.00,
    //   32 000.00, 16 000.00, d-ks 20 000.00 (exact).
    // servicedesk 30 000.00 by users 150/150/100/200/100 (700), in öre 3 000 000 × w / 700:
    //   642 857.14, 642 857.14, 428 571.43, 857 142.86, 428 571.43 → floors sum to 2 999 998;
    //   two öre left: c-ks (.86), then b-ks and d-ks tie at .43 and b-ks is listed first.
    //   → 6 428.57, 6 428.57, 4 285.72, 8 571.43, d-ks 4 285.71.
    expect(
      comparison.consumers.map((c) => [
        c.id,
        c.municipality,
        c.base,
        c.scenario,
        c.difference,
        c.differencePercent,
      ]),
    ).toEqual([
      ['a-ks', 'kommun-a', '17500.00', '14428.57', '-3071.43', '-17.6'], // -3 071.43 / 17 500 = -17.551 %
      ['a-skola', 'kommun-a', '37500.00', '30428.57', '-7071.43', '-18.9'], // -18.857 %
      ['b-ks', 'kommun-b', '45000.00', '36285.72', '-8714.28', '-19.4'], // -19.365 %
      ['c-ks', 'kommun-c', '30000.00', '24571.43', '-5428.57', '-18.1'], // -18.095 %
      ['d-ks', 'kommun-d', '0.00', '24285.71', '24285.71', null],
    ]);
    expect(comparison.municipalities).toEqual([
      {
        id: 'kommun-a',
        base: '55000.00',
        scenario: '44857.14',
        difference: '-10142.86',
        differencePercent: '-18.4',
      },
      {
        id: 'kommun-b',
        base: '45000.00',
        scenario: '36285.72',
        difference: '-8714.28',
        differencePercent: '-19.4',
      },
      {
        id: 'kommun-c',
        base: '30000.00',
        scenario: '24571.43',
        difference: '-5428.57',
        differencePercent: '-18.1',
      },
      { id: 'kommun-d', base: '0.00', scenario: '24285.71', difference: '24285.71', differencePercent: null },
    ]);
    expect(comparison.totals.difference).toBe('0.00');
  });

  it('adds one invoice a quarter for the new buyer', () => {
    // Base: B and C are invoiced each quarter (8); a-skola is charged internally for two services each quarter (8).
    expect(comparison.administrativeLoad.base).toMatchObject({ internalCharges: 8, invoices: 8 });
    expect(comparison.administrativeLoad.scenario).toMatchObject({ internalCharges: 8, invoices: 12 });
    expect(comparison.administrativeLoad.scenario.byMode['external-invoice']).toEqual({
      consumers: 3,
      amount: '85142.86', // 36 285.72 + 24 571.43 + 24 285.71
      internalCharges: 0,
      invoices: 12,
    });
  });
});
