import { indexPoolAmounts, Money, splitCostModel, validateCostModel } from '@it-samverkan/domain';
import { DEMO_BUDGET_MODEL_2025 } from '@it-samverkan/config/demo/cost-model-2025';
import { DEMO_HISTORY } from '@it-samverkan/config/demo/cost-model-history';

const poolsOf = (doc: { pools: { id: string; amount: string | number }[] }) =>
  doc.pools.map((p) => ({ id: p.id, amount: Money.parse(String(p.amount)) }));
const amounts = (pools: { amount: Money }[]) => pools.map((p) => p.amount.toString());

describe('the demo’s earlier years (config/demo/cost-model-history.ts)', () => {
  it.each(DEMO_HISTORY.map((h) => [h.year, h] as const))(
    '%i: the budget is the 2025 budget indexed back, the actual its budget indexed, both valid',
    (_year, history) => {
      expect(amounts(poolsOf(history.budget))).toEqual(
        amounts(indexPoolAmounts(poolsOf(DEMO_BUDGET_MODEL_2025), history.budgetIndices)),
      );
      expect(amounts(poolsOf(history.actual))).toEqual(
        amounts(indexPoolAmounts(poolsOf(history.budget), history.actualIndices)),
      );
      for (const doc of [history.budget, history.actual]) {
        expect(doc.year).toBe(history.year);
        expect(() => splitCostModel(validateCostModel(doc))).not.toThrow();
      }
    },
  );

  it('2023 budget by hand: personal 14 200 000 × (1 − 6.5 %) = 13 277 000.00; total 24 437 000.00', () => {
    const [h2023] = DEMO_HISTORY;
    expect(h2023.budget.pools[0].amount).toBe('13277000.00');
    // 13 277 000 + 4 833 000 + 2 976 000 + 855 000 + 2 116 000 + 380 000
    expect(
      poolsOf(h2023.budget)
        .reduce((t, p) => t.plus(p.amount), Money.ZERO)
        .toString(),
    ).toBe('24437000.00');
  });

  it('each model is approved by IT-styrgruppen: the budget before its year, the actual after it', () => {
    for (const h of DEMO_HISTORY) {
      expect(h.budgetDecision.date < `${h.year}-01-01`).toBe(true);
      expect(h.actualDecision.date > `${h.year}-12-31`).toBe(true);
    }
  });
});
