import { exampleModel } from '../../../../test/factories/cost-model';
import { municipalityHistory, type HistoryVersion } from './municipality-history';

/**
 * The example model of DOMAIN.md 5.3 as the 2025 budget (Tranemo 396 666.67), with by hand:
 * - 2024 budget, every pool halved: ledning 100 000 over 400 000 : 200 000 → 66 666.67 / 33 333.33;
 *   arbetsplats 466 666.67 by devices → tra-oms 140 000.00; servicedesk 233 333.33 by users →
 *   tra-oms 58 333.33 (the öre left goes to bolag-b1's larger fraction both times): 198 333.33.
 * - 2025 actual, licenser 330 000: ledning over 830 000 : 400 000 → 134 959.35 / 65 040.65;
 *   arbetsplats 964 959.35 × 300/1 000 = 289 487.805 (a tie with bolag-b1 on .5, tra-oms listed
 *   first takes the öre) → 289 487.81; servicedesk 465 040.65 × 250/1 000 → 116 260.16: 405 747.97.
 */
function version(
  year: number,
  kind: 'budget' | 'actual',
  change: (doc: ReturnType<typeof exampleModel>) => void,
) {
  const document = exampleModel();
  document.year = year;
  change(document);
  return {
    year,
    kind,
    name: `Modell ${year} ${kind}`,
    decision: `IT-styrgruppen ${year - 1}-11-20 § 1`,
    document,
  };
}

const budget2024 = version(2024, 'budget', (d) => {
  for (const p of d.pools) p.amount = (Number(p.amount) / 2).toFixed(2);
});
const budget2025 = version(2025, 'budget', () => {});
const actual2025 = version(2025, 'actual', (d) => {
  d.pools.find((p) => p.id === 'licenser')!.amount = '330000.00';
});

describe('a municipality’s charges across the years, from approved models', () => {
  it('sets budget and actual side by side per year, oldest first, with the changes computed by hand', () => {
    const history = municipalityHistory([budget2025, actual2025, budget2024] as HistoryVersion[], 'tranemo');
    expect(history.years.map((y) => [y.year, y.budget, y.actual])).toEqual([
      [2024, '198333.33', null],
      [2025, '396666.67', '405747.97'],
    ]);
    // 9 081.30 ÷ 396 666.67 = 2.289… % → 2.3
    expect(history.years[1].outcome).toEqual({
      base: '396666.67',
      scenario: '405747.97',
      difference: '9081.30',
      differencePercent: '2.3',
    });
    expect(history.years[1].budgetChange).toMatchObject({
      difference: '198333.34',
      differencePercent: '100.0',
    });
    expect(history.years[0]).toMatchObject({ outcome: null, budgetChange: null, actualModel: null });
    expect(history.years[1].budgetModel).toEqual({
      name: 'Modell 2025 budget',
      decision: 'IT-styrgruppen 2024-11-20 § 1',
    });
  });

  it('a municipality a year’s model does not have counts 0.00 that year; no versions, no years', () => {
    expect(municipalityHistory([budget2025] as HistoryVersion[], 'mark').years[0].budget).toBe('0.00');
    expect(municipalityHistory([], 'tranemo').years).toEqual([]);
  });
});
