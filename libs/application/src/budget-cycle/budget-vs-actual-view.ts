import type { YearFigures } from '@it-samverkan/domain';

// Types only: the web application imports them.

/** Budget against actual, year over year: the years' models (shared) and what was charged and settled (private). */
export interface BudgetVersusActualReport {
  /** Whose charged and settled figures the reader sees: "all", or its own municipality's consumers. */
  chargedVisibleFor: 'all' | string;
  years: (YearFigures & {
    budgetModel: { id: string; name: string; status: string } | null;
    actualModel: { id: string; name: string; status: string } | null;
  })[];
}
