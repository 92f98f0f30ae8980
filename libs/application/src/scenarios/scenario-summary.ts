import { DataSource } from 'typeorm';
import {
  CostModelDocument,
  Money,
  ScenarioChange,
  ScenarioChangesDocument,
  ScenarioComparisonDocument,
} from '@it-samverkan/domain';
import { ScenarioSummary } from '@it-samverkan/files';
import { CostModelVersionEntity, DecisionEntity } from '@it-samverkan/persistence';
import { FORUM_NAMES } from '../decisions/decision.service';
import { FUNDING_MODE_NAMES } from './scenario-xlsx';
import { MunicipalityNamer, municipalityNamer } from '../organisation/municipality-names';

/** Names for the ids a scenario's documents mention: the model's parts and added consumers, and municipalities. */
export interface ScenarioNames {
  of: (id: string) => string;
  municipality: MunicipalityNamer;
}

/** A name for every id a scenario mentions: the model's parts, the consumers it adds, the municipalities. */
export function scenarioNames(
  document: CostModelDocument,
  changes: ScenarioChangesDocument,
  municipality: MunicipalityNamer,
): ScenarioNames {
  const names = new Map<string, string>();
  for (const x of [...document.consumers, ...document.pools, ...document.services, ...document.drivers])
    names.set(x.id, x.name);
  for (const c of changes.changes)
    if (c.type === 'add-consumers') for (const added of c.consumers) names.set(added.id, added.name);
  return { of: (id: string) => names.get(id) ?? id, municipality };
}

/** The names of a scenario on its base version: the organisation's municipalities and the joining ones. */
export async function scenarioNamesOf(
  db: DataSource,
  base: CostModelVersionEntity,
  changes: ScenarioChangesDocument,
): Promise<ScenarioNames> {
  return scenarioNames(base.document as CostModelDocument, changes, await municipalityNamer(db, [changes]));
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** A change in Swedish, with names rather than ids, for the meeting summary and the workbook. */
export function describeNamed(change: ScenarioChange, name: ScenarioNames): string {
  const target = (c: { consumer?: string; municipality?: string }) =>
    c.consumer
      ? name.of(c.consumer)
      : c.municipality
        ? `alla enheter i ${name.municipality(c.municipality)}`
        : 'alla förbrukare';
  switch (change.type) {
    case 'set-volume':
      return `${name.of(change.driver)} hos ${name.of(change.consumer)} sätts till ${String(change.value)}`;
    case 'scale-volume':
      return `${name.of(change.driver)} hos ${target(change)} multipliceras med ${String(change.factor)}`;
    case 'set-pool-amount':
      return `Kostnadspoolen ${name.of(change.pool)} får beloppet ${Money.parse(change.amount).toSwedish()} kr`;
    case 'change-driver':
      return `${name.of(change.service)} fördelas efter ${name.of(change.driver).toLowerCase()}`;
    case 'add-consumers':
      return `${change.consumers.map((c) => `${c.name} (${name.municipality(c.municipality)})`).join(', ')} ansluter`;
    case 'switch-funding':
      return `${capitalised(target(change))}: från ${FUNDING_MODE_NAMES[change.from].toLowerCase()} till ${FUNDING_MODE_NAMES[change.to].toLowerCase()}`;
  }
}

/**
 * The content of IT-styrgruppen's meeting summary: the comparison with names for ids, the changes
 * in words and the base model's approving decision as minutes cite it.
 */
export async function scenarioSummaryOf(
  db: DataSource,
  comparison: ScenarioComparisonDocument,
  scenario: { description: string | null; changes: ScenarioChangesDocument },
  base: CostModelVersionEntity,
): Promise<ScenarioSummary> {
  const decision = base.decisionId
    ? await db.getRepository(DecisionEntity).findOne({ where: { id: base.decisionId } })
    : null;
  const name = await scenarioNamesOf(db, base, scenario.changes);
  return {
    scenario: comparison.scenario,
    description: scenario.description,
    model: comparison.model,
    year: comparison.year,
    decision: decision
      ? `${FORUM_NAMES[decision.forum as keyof typeof FORUM_NAMES] ?? decision.forum} ${decision.date} ${decision.paragraph}: ${decision.subject}`
      : null,
    changes: scenario.changes.changes.map((c) => describeNamed(c, name)),
    municipalities: comparison.municipalities.map((m) => ({ ...m, name: name.municipality(m.id) })),
    totals: comparison.totals,
    fundingMoves: comparison.fundingMoves.map((m) => ({
      name: name.municipality(m.municipality),
      toInternalCharge: m.toInternalCharge,
      toAppropriation: m.toAppropriation,
    })),
    load: {
      base: {
        internalCharges: comparison.administrativeLoad.base.internalCharges,
        invoices: comparison.administrativeLoad.base.invoices,
      },
      scenario: {
        internalCharges: comparison.administrativeLoad.scenario.internalCharges,
        invoices: comparison.administrativeLoad.scenario.invoices,
      },
    },
  };
}
