import { splitCostModel, validateCostModel } from '../cost-model';
import { Money } from '../money';
import { comparedAmount } from '../scenarios/compare-splits';
import type { ComparedAmount } from '../scenarios/scenario-types';

/** The format tag of a municipality's charges across the years. */
export const MUNICIPALITY_HISTORY_FORMAT = 'it-samverkan/municipality-history@1';

/** An approved model version as the history reads it: its year, kind, name and document. */
export interface HistoryVersion {
  year: number;
  kind: 'budget' | 'actual';
  name: string;
  /** The approving decision as minutes cite it. */
  decision: string | null;
  document: unknown;
}

/** One year: the municipality's share of the budget and, once approved, of the actual model. */
export interface HistoryYear {
  year: number;
  budget: string | null;
  actual: string | null;
  /** Actual against budget, when both are approved. */
  outcome: ComparedAmount | null;
  /** This year's budget against the year before's, when both are approved. */
  budgetChange: ComparedAmount | null;
  budgetModel: { name: string; decision: string | null } | null;
  actualModel: { name: string; decision: string | null } | null;
}

export interface MunicipalityHistoryDocument {
  format: typeof MUNICIPALITY_HISTORY_FORMAT;
  municipality: string;
  years: HistoryYear[];
}

/**
 * A municipality's yearly charges from the approved models of every year (DOMAIN.md 5.5 and 8.3):
 * each version split by the one engine, the municipality's total taken, budget and actual side by
 * side, oldest year first. A year's model without the municipality gives 0.00 (it was not a
 * member). When a year has two approved versions of one kind, the one listed last counts (the
 * caller lists them in approval order, so a later approval replaces an earlier one).
 */
export function municipalityHistory(
  versions: readonly HistoryVersion[],
  municipality: string,
): MunicipalityHistoryDocument {
  const byYear = new Map<
    number,
    { budget?: HistoryVersion & { total: Money }; actual?: HistoryVersion & { total: Money } }
  >();
  for (const version of versions) {
    const split = splitCostModel(validateCostModel(version.document));
    const total = split.municipalities.find((m) => m.id === municipality)?.total ?? Money.ZERO;
    const entry = byYear.get(version.year) ?? {};
    entry[version.kind] = { ...version, total };
    byYear.set(version.year, entry);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return {
    format: MUNICIPALITY_HISTORY_FORMAT,
    municipality,
    years: years.map((year) => {
      const { budget, actual } = byYear.get(year)!;
      const before = byYear.get(year - 1)?.budget;
      const model = (v: HistoryVersion | undefined) => (v ? { name: v.name, decision: v.decision } : null);
      return {
        year,
        budget: budget ? budget.total.toString() : null,
        actual: actual ? actual.total.toString() : null,
        outcome: budget && actual ? comparedAmount(budget.total, actual.total) : null,
        budgetChange: budget && before ? comparedAmount(before.total, budget.total) : null,
        budgetModel: model(budget),
        actualModel: model(actual),
      };
    }),
  };
}
