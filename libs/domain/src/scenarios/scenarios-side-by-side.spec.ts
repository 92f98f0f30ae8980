import {
  changesDoc,
  CREATED,
  D_JOINS,
  threeMunicipalityModel,
} from '../../../../test/scenarios/scenario-fixtures';
import { DomainError } from '../errors';
import { compareScenario } from './compare-scenario';
import { documentFundingSource } from './scenario-funding';
import { scenariosSideBySide } from './scenarios-side-by-side';

describe('several scenarios side by side against one base', () => {
  const keyChange = compareScenario(
    threeMunicipalityModel(),
    changesDoc('Arbetsplats per konto', [{ type: 'change-driver', service: 'arbetsplats', driver: 'users' }]),
    documentFundingSource,
    CREATED,
  ).comparison;
  const joins = compareScenario(
    threeMunicipalityModel(),
    changesDoc('D ansluter', [D_JOINS]),
    documentFundingSource,
    CREATED,
  ).comparison;

  it('gives every row its base and one column per scenario; a row only one scenario adds is 0.00 in the other', () => {
    const doc = scenariosSideBySide([
      { key: 'nyckel', comparison: keyChange },
      { key: 'd', comparison: joins },
    ]);
    expect(doc.scenarios).toEqual([
      { key: 'nyckel', name: 'Arbetsplats per konto' },
      { key: 'd', name: 'D ansluter' },
    ]);
    expect(doc.municipalities.map((r) => [r.id, r.base, ...r.scenarios.map((s) => s.amount)])).toEqual([
      ['kommun-a', '55000.00', '65000.00', '44857.14'],
      ['kommun-b', '45000.00', '21666.67', '36285.72'],
      ['kommun-c', '30000.00', '43333.33', '24571.43'],
      ['kommun-d', '0.00', '0.00', '24285.71'],
    ]);
    expect(doc.municipalities[3].scenarios[0]).toEqual({
      scenario: 'nyckel',
      amount: '0.00',
      difference: '0.00',
      differencePercent: null,
    });
    expect(doc.totals.scenarios.map((s) => s.amount)).toEqual(['130000.00', '130000.00']);
    expect(doc.administrativeLoad.scenarios).toEqual([
      { scenario: 'nyckel', internalCharges: 8, invoices: 8 },
      { scenario: 'd', internalCharges: 8, invoices: 12 },
    ]);
  });

  it('refuses comparisons made against different bases, and an empty list', () => {
    const other = compareScenario(
      {
        ...threeMunicipalityModel(),
        pools: [{ id: 'personal', name: 'P', amount: '1.00', to: { arbetsplats: 1, servicedesk: 1 } }],
      },
      changesDoc('Annan bas', []),
      documentFundingSource,
      CREATED,
    ).comparison;
    expect(() =>
      scenariosSideBySide([
        { key: 'a', comparison: joins },
        { key: 'b', comparison: other },
      ]),
    ).toThrow(DomainError);
    expect(() => scenariosSideBySide([])).toThrow(DomainError);
  });
});
