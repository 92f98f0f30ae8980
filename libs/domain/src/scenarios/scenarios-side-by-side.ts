import { DomainError } from '../errors';
import type { AdministrativeLoad, ComparedAmount, ScenarioComparisonDocument } from './scenario-types';

/** The format tag of several scenarios set side by side against one base. */
export const SCENARIOS_SIDE_BY_SIDE_FORMAT = 'it-samverkan/scenarios-side-by-side@1';

/** One scenario's figure in a side-by-side row. */
export interface ScenarioColumn {
  scenario: string;
  amount: string;
  difference: string;
  differencePercent: string | null;
}

export interface SideBySideRow {
  id: string;
  base: string;
  scenarios: ScenarioColumn[];
}

/** Several scenarios against one base: each row has the base and one column per scenario. */
export interface ScenariosSideBySideDocument {
  format: typeof SCENARIOS_SIDE_BY_SIDE_FORMAT;
  model: string;
  year: number;
  scenarios: { key: string; name: string }[];
  totals: Omit<SideBySideRow, 'id'>;
  municipalities: SideBySideRow[];
  consumers: SideBySideRow[];
  services: SideBySideRow[];
  administrativeLoad: {
    base: Pick<AdministrativeLoad, 'internalCharges' | 'invoices'>;
    scenarios: ({ scenario: string } & Pick<AdministrativeLoad, 'internalCharges' | 'invoices'>)[];
  };
  /** Each scenario's own comparison, in the order given. */
  comparisons: ({ key: string } & ScenarioComparisonDocument)[];
}

type Section = 'municipalities' | 'consumers' | 'services';

function rowsOf(
  entries: readonly { key: string; comparison: ScenarioComparisonDocument }[],
  section: Section,
): SideBySideRow[] {
  const ids: string[] = [];
  const base = new Map<string, string>();
  const byId = entries.map(
    ({ comparison }) => new Map<string, ComparedAmount>(comparison[section].map((r) => [r.id, r])),
  );
  for (const { comparison } of entries) {
    for (const row of comparison[section]) {
      if (base.has(row.id)) continue;
      ids.push(row.id);
      base.set(row.id, row.base);
    }
  }
  return ids.map((id) => ({
    id,
    base: base.get(id)!,
    scenarios: entries.map(({ key }, k) => column(key, byId[k].get(id))),
  }));
}

/** A row is missing from a comparison only when another scenario added it: it has nothing there. */
function column(scenario: string, row: ComparedAmount | undefined): ScenarioColumn {
  if (row)
    return {
      scenario,
      amount: row.scenario,
      difference: row.difference,
      differencePercent: row.differencePercent,
    };
  return { scenario, amount: '0.00', difference: '0.00', differencePercent: null };
}

/**
 * Sets comparisons made against the same base side by side. Every row keeps its base figure; a
 * consumer that only another scenario adds shows 0.00 (base 0.00) in the scenarios without it.
 */
export function scenariosSideBySide(
  entries: readonly { key: string; comparison: ScenarioComparisonDocument }[],
): ScenariosSideBySideDocument {
  if (entries.length === 0)
    throw new DomainError('SCENARIOS_EMPTY', 'Ange minst ett scenario att jämföra', 'invalid');
  const first = entries[0].comparison;
  const mismatch = entries.find(
    ({ comparison }) => comparison.totals.base !== first.totals.base || comparison.model !== first.model,
  );
  if (mismatch)
    throw new DomainError(
      'SCENARIOS_DIFFERENT_BASE',
      `Scenariot ${mismatch.key} är inte beräknat på samma bas`,
      'invalid',
    );
  return {
    format: SCENARIOS_SIDE_BY_SIDE_FORMAT,
    model: first.model,
    year: first.year,
    scenarios: entries.map(({ key, comparison }) => ({ key, name: comparison.scenario })),
    totals: {
      base: first.totals.base,
      scenarios: entries.map(({ key, comparison }) => column(key, comparison.totals)),
    },
    municipalities: rowsOf(entries, 'municipalities'),
    consumers: rowsOf(entries, 'consumers'),
    services: rowsOf(entries, 'services'),
    administrativeLoad: {
      base: {
        internalCharges: first.administrativeLoad.base.internalCharges,
        invoices: first.administrativeLoad.base.invoices,
      },
      scenarios: entries.map(({ key, comparison }) => ({
        scenario: key,
        internalCharges: comparison.administrativeLoad.scenario.internalCharges,
        invoices: comparison.administrativeLoad.scenario.invoices,
      })),
    },
    comparisons: entries.map(({ key, comparison }) => ({ key, ...comparison })),
  };
}
