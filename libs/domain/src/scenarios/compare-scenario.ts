import { DomainError } from '../errors';
import { splitCostModel, toSplitResultDocument, type CostModel } from '../cost-model';
import { administrativeLoad } from './administrative-load';
import { applyScenarioChanges, type FundingSourceFactory } from './apply-scenario-changes';
import { compareSplits } from './compare-splits';
import { fundingMoves } from './funding-moves';
import { scenarioFundingOf } from './scenario-funding';
import {
  SCENARIO_COMPARISON_FORMAT,
  type AppliedScenario,
  type ScenarioComparisonDocument,
  type ScenarioSplits,
} from './scenario-types';

/** A computed scenario: the applied changes, both splits and the comparison document. */
export interface ScenarioComputation {
  readonly applied: AppliedScenario;
  readonly splits: ScenarioSplits;
  readonly comparison: ScenarioComparisonDocument;
}

function splitOf(model: CostModel) {
  const split = splitCostModel(model);
  return { model, split, document: toSplitResultDocument(model, split) };
}

/** What a comparison is made of besides the documents: the day it is made (YYYY-MM-DD). */
export interface ComparisonContext {
  readonly created: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Applies a changes document to a base model, splits base and scenario with the same engine and
 * sets them side by side (DOMAIN.md 8.3): per municipality, consumer and service, the difference
 * in SEK and %, and the yearly internal charges and invoices of each. Pure: nothing is stored,
 * charged or invoiced, and the base document is left as it was.
 */
export function compareScenario(
  baseDocument: unknown,
  changesDocument: unknown,
  fundingFor: FundingSourceFactory,
  context: ComparisonContext,
): ScenarioComputation {
  if (!DATE.test(context.created))
    throw new DomainError('DATE_INVALID', `Ogiltigt datum "${context.created}": skriv ÅÅÅÅ-MM-DD`, 'invalid');
  const { applied, funding } = applyScenarioChanges(baseDocument, changesDocument, fundingFor);
  const base = splitOf(applied.baseModel);
  const scenario = splitOf(applied.model);
  const baseConsumers = new Map(applied.baseModel.consumers.map((c) => [c.id, c]));
  const scenarioConsumers = new Map(applied.model.consumers.map((c) => [c.id, c]));
  const compared = compareSplits(base, scenario);
  const baseFundingOf = (id: string) => funding.fundingOf(baseConsumers.get(id)!);
  const scenarioFunding = (id: string) =>
    scenarioFundingOf(funding, applied.fundingSwitches, scenarioConsumers.get(id)!);
  const baseLoad = administrativeLoad(base.split, baseFundingOf);
  const scenarioLoad = administrativeLoad(scenario.split, scenarioFunding);
  const moves = fundingMoves(
    { split: base.split, fundingOf: baseFundingOf },
    { split: scenario.split, fundingOf: scenarioFunding },
    (id) => (scenarioConsumers.get(id) ?? baseConsumers.get(id))!.municipality,
    (id) => baseConsumers.has(id),
  );
  const comparison: ScenarioComparisonDocument = {
    format: SCENARIO_COMPARISON_FORMAT,
    scenario: applied.name,
    model: applied.baseModel.name,
    year: applied.baseModel.year,
    created: context.created,
    ...compared,
    administrativeLoad: {
      base: baseLoad,
      scenario: scenarioLoad,
      // Read after the counting: a source may note an assumption the first time it meets a consumer.
      assumptions: [...funding.assumptions],
    },
    fundingSwitches: applied.fundingSwitches.map((s) => ({ ...s })),
    fundingMoves: moves,
  };
  return { applied, splits: { base, scenario }, comparison };
}
