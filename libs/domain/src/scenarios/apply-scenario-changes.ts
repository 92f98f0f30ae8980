import { ProblemList, ValidationError } from '../errors';
import { validateCostModel, type CostModel, type CostModelDocument } from '../cost-model';
import { SCENARIO_CHANGE_APPLIERS, type WorkingScenario } from './scenario-change-appliers';
import { isObject, readScenarioSettings, type ScenarioSettings } from './scenario-document-reading';
import {
  SCENARIO_CHANGE_TYPES,
  type AppliedScenario,
  type FundingSource,
  type FundingSwitch,
  type ScenarioChangeType,
} from './scenario-types';

/** The message of the ValidationError thrown for an invalid scenario. */
export const INVALID_SCENARIO_MESSAGE = 'Scenariot är ogiltigt';
export const INVALID_SCENARIO_CODE = 'SCENARIO_INVALID';

/** Builds the funding source once the changes document's settings and the base model are known. */
export type FundingSourceFactory = (settings: ScenarioSettings, base: CostModel) => FundingSource;

/** A deep copy of a JSON document, so the base is never touched. */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Applies a changes document (`it-samverkan/scenario-changes@1`) to a base model document and
 * returns the validated scenario model; the base is never modified. Changes apply in order, each
 * checked against the scenario so far. Every problem is reported at once in one ValidationError:
 * a change's under `changes[i]…`, the resulting model's under `model.…`. An invalid base throws
 * the cost model's own ValidationError.
 */
export function applyScenarioChanges(
  baseDocument: unknown,
  changesDocument: unknown,
  fundingFor: FundingSourceFactory,
): { applied: AppliedScenario; funding: FundingSource; settings: ScenarioSettings } {
  const baseModel = validateCostModel(baseDocument);
  const problems = new ProblemList();
  const { settings, changes } = readScenarioSettings(changesDocument, problems);
  const funding = fundingFor(settings, baseModel);
  const w: WorkingScenario = {
    doc: copyOf(baseDocument as CostModelDocument),
    funding,
    switches: new Map(),
    problems,
  };

  changes.forEach((raw, i) => {
    const path = `changes[${i}]`;
    if (!isObject(raw)) {
      problems.add(path, 'Ändringen måste vara ett objekt med "type"');
      return;
    }
    const type = raw.type;
    if (typeof type !== 'string' || !(SCENARIO_CHANGE_TYPES as readonly string[]).includes(type)) {
      problems.add(
        `${path}.type`,
        `Okänd ändringstyp "${String(type)}": använd en av ${SCENARIO_CHANGE_TYPES.join(', ')}`,
      );
      return;
    }
    SCENARIO_CHANGE_APPLIERS[type as ScenarioChangeType](raw, path, w);
  });

  const consumerIds = new Set(w.doc.consumers.map((c) => c.id));
  for (const id of settings.funding.keys()) {
    if (!consumerIds.has(id)) problems.add(`funding.${id}`, `Okänd förbrukare '${id}'`);
  }

  let model: CostModel | null = null;
  try {
    model = validateCostModel(w.doc);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const d of error.details) problems.add(d.path === '' ? 'model' : `model.${d.path}`, d.message);
  }
  problems.throwIfAny(INVALID_SCENARIO_MESSAGE, INVALID_SCENARIO_CODE);

  const order = new Map(w.doc.consumers.map((c, i) => [c.id, i]));
  const fundingSwitches: FundingSwitch[] = [...w.switches.values()].sort(
    (a, b) => order.get(a.consumer)! - order.get(b.consumer)!,
  );
  return {
    applied: {
      name: settings.name,
      baseDocument: baseDocument as CostModelDocument,
      baseModel,
      document: w.doc,
      model: model!,
      fundingSwitches,
    },
    funding,
    settings,
  };
}
