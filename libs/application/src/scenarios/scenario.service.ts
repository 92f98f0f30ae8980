import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  compareScenario,
  DomainError,
  Problem,
  SCENARIO_CHANGES_FORMAT,
  ScenarioChangesDocument,
  ScenarioComparisonDocument,
  ScenariosSideBySideDocument,
  scenariosSideBySide,
  ValidationError,
} from '@it-samverkan/domain';
import { CostModelVersionEntity, DecisionEntity, ScenarioEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { recordAudit } from '../audit/audit';
import { organisationFundingFor } from './organisation-funding';
import { scenarioComparisonXlsx } from './scenario-xlsx';
import { describeNamed, scenarioNamesOf, scenarioSummaryOf } from './scenario-summary';
import { decisionView } from '../decisions/decision.service';
import { municipalityNamesOf, municipalityNamer } from '../organisation/municipality-names';
import { scenarioSummaryPdf } from '@it-samverkan/files';
import { swedishDate } from '../common/swedish-date';

/** What a client sends to save a scenario: a name, the base version and the changes (DOMAIN.md 8.3). */
export interface CreateScenarioInput {
  name: string;
  description?: string | null;
  baseModelVersionId: string;
  changes: unknown;
  funding?: unknown;
}

/** The base model version a comparison was made against. */
export interface BaseVersionView {
  id: string;
  name: string;
  year: number;
  kind: string;
  status: string;
  documentHash: string;
}

export interface ScenarioView {
  id: string;
  name: string;
  description: string | null;
  baseModelVersionId: string;
  changes: ScenarioChangesDocument;
  createdAt: string;
  createdBy: string;
  lastResultHash: string | null;
}

/**
 * A comparison as the API returns it: the comparison document with the scenario and base it
 * concerns (scenarioId null for a preview, which is not saved).
 */
export type ScenarioComparisonView = ScenarioComparisonDocument & {
  scenarioId: string | null;
  baseModelVersion: BaseVersionView;
  /** Every municipality the comparison names, by id: a joining one by the name its change carries. */
  municipalityNames: Record<string, string>;
};

/** The municipalities a comparison names (its rows and its funding moves). */
const municipalityIdsOf = (c: ScenarioComparisonDocument) => [
  ...new Set([
    ...c.municipalities.map((m) => m.id),
    ...c.consumers.map((x) => x.municipality),
    ...c.fundingMoves.map((m) => m.municipality),
  ]),
];

const dateOf = (now: Date) => swedishDate(now);
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value), 'utf8').digest('hex');

/** The changes document (it-samverkan/scenario-changes@1) a scenario's input describes. */
function changesDocumentOf(input: CreateScenarioInput): ScenarioChangesDocument {
  return {
    format: SCENARIO_CHANGES_FORMAT,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    changes: input.changes as ScenarioChangesDocument['changes'],
    ...(input.funding !== undefined ? { funding: input.funding as ScenarioChangesDocument['funding'] } : {}),
  };
}

function viewOf(row: ScenarioEntity): ScenarioView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    baseModelVersionId: row.baseModelVersionId,
    changes: row.changes as ScenarioChangesDocument,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastResultHash: row.lastResultHash,
  };
}

function baseViewOf(v: CostModelVersionEntity): BaseVersionView {
  return {
    id: v.id,
    name: v.name,
    year: v.year,
    kind: v.kind,
    status: v.status,
    documentHash: v.documentHash,
  };
}

/**
 * What-if scenarios of IT-styrgruppen (DOMAIN.md 8.3): saved, named, compared with their base one
 * at a time or several side by side. Computing reads the base and the organisation and writes
 * nothing but the saved scenario: no base change, no charge, no invoice.
 */
export class ScenarioService {
  constructor(private readonly db: DataSource) {}

  /** Validates the changes against the base, computes the comparison and saves both (audited). */
  async create(
    input: CreateScenarioInput,
    actor: Actor,
    now: Date,
  ): Promise<ScenarioView & { comparison: ScenarioComparisonView }> {
    const base = await this.baseVersion(input.baseModelVersionId, 'unprocessable');
    const changes = changesDocumentOf(input);
    const comparison = await this.compute(base, changes, now);
    const row = Object.assign(new ScenarioEntity(), {
      id: randomUUID(),
      name: input.name.trim(),
      description: input.description ?? null,
      baseModelVersionId: base.id,
      changes,
      lastResult: comparison,
      lastResultHash: hashOf(comparison),
      baseDocumentHash: base.documentHash,
      createdAt: now,
      createdBy: actor.principal.name,
    });
    await inTransaction(this.db, async (m) => {
      await m.insert(ScenarioEntity, row);
      await recordAudit(
        m,
        actor,
        {
          action: 'create',
          entityType: 'scenario',
          entityId: row.id,
          after: { ...viewOf(row), lastResultHash: row.lastResultHash },
        },
        now,
      );
    });
    return {
      ...viewOf(row),
      comparison: await this.viewOfComparison(comparison, changes, row.id, base),
    };
  }

  /**
   * The comparison a scenario would have, computed and not saved: what the steering group's page
   * shows while a scenario is being built. Refused input lists every problem, as saving does.
   */
  async preview(input: CreateScenarioInput, now: Date): Promise<ScenarioComparisonView> {
    const base = await this.baseVersion(input.baseModelVersionId, 'unprocessable');
    const changes = changesDocumentOf(input);
    return this.viewOfComparison(await this.compute(base, changes, now), changes, null, base);
  }

  /** Saved scenarios, newest first. */
  async list(page: PageRequest): Promise<Page<ScenarioView>> {
    const [rows, total] = await this.db.getRepository(ScenarioEntity).findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return pageOf(rows.map(viewOf), total, page);
  }

  async get(id: string): Promise<ScenarioView> {
    return viewOf(await this.scenario(id));
  }

  /** The scenario compared with its base, computed now by the engine. */
  async comparison(id: string, now: Date): Promise<ScenarioComparisonView> {
    const scenario = await this.scenario(id);
    const base = await this.baseVersion(scenario.baseModelVersionId, 'not-found');
    const comparison = await this.compute(base, scenario.changes, now);
    return this.viewOfComparison(comparison, scenario.changes as ScenarioChangesDocument, scenario.id, base);
  }

  private async viewOfComparison(
    comparison: ScenarioComparisonDocument,
    changes: ScenarioChangesDocument,
    scenarioId: string | null,
    base: CostModelVersionEntity,
  ): Promise<ScenarioComparisonView> {
    const name = await municipalityNamer(this.db, [changes]);
    return {
      ...comparison,
      scenarioId,
      baseModelVersion: baseViewOf(base),
      municipalityNames: municipalityNamesOf(municipalityIdsOf(comparison), name),
    };
  }

  /** The comparison as a workbook for the steering group's meeting. */
  async comparisonXlsx(id: string, now: Date): Promise<{ body: Buffer; fileName: string }> {
    const scenario = await this.scenario(id);
    const base = await this.baseVersion(scenario.baseModelVersionId, 'not-found');
    const changes = scenario.changes as ScenarioChangesDocument;
    const comparison = await this.compute(base, changes, now);
    const names = await scenarioNamesOf(this.db, base, changes);
    const decision = base.decisionId
      ? await this.db.getRepository(DecisionEntity).findOneBy({ id: base.decisionId })
      : null;
    const body = await scenarioComparisonXlsx(
      comparison,
      {
        names,
        changes: changes.changes.map((c) => describeNamed(c, names)),
        decision: decision ? decisionView(decision).reference : null,
      },
      now,
    );
    return { body, fileName: `scenario-${comparison.year}-${dateOf(now)}.xlsx` };
  }

  /** IT-styrgruppen's one-page meeting summary of the scenario as a PDF (names, not ids; dated). */
  async summaryPdf(id: string, now: Date): Promise<{ body: Buffer; fileName: string }> {
    const scenario = await this.scenario(id);
    const base = await this.baseVersion(scenario.baseModelVersionId, 'not-found');
    const comparison = await this.compute(base, scenario.changes, now);
    const summary = await scenarioSummaryOf(
      this.db,
      comparison,
      { description: scenario.description, changes: scenario.changes as ScenarioChangesDocument },
      base,
    );
    const body = await scenarioSummaryPdf(summary, { generatedOn: dateOf(now) });
    return { body, fileName: `motesunderlag-${comparison.year}-${dateOf(now)}.pdf` };
  }

  /** Several saved scenarios applied to one base and set side by side. */
  async compareMany(
    input: { baseModelVersionId: string; scenarioIds: string[] },
    now: Date,
  ): Promise<
    ScenariosSideBySideDocument & {
      baseModelVersion: BaseVersionView;
      municipalityNames: Record<string, string>;
    }
  > {
    const base = await this.baseVersion(input.baseModelVersionId, 'unprocessable');
    const scenarios = await Promise.all(input.scenarioIds.map((id) => this.scenario(id)));
    const problems: Problem[] = [];
    const entries: { key: string; comparison: ScenarioComparisonDocument }[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      try {
        entries.push({ key: scenario.id, comparison: await this.compute(base, scenario.changes, now) });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const d of error.details)
          problems.push({ path: `scenarioIds[${i}].${d.path}`, message: `${scenario.name}: ${d.message}` });
      }
    }
    if (problems.length > 0) {
      throw new DomainError(
        'SCENARIO_NOT_APPLICABLE',
        'Alla scenarier går inte att tillämpa på den valda basen',
        'unprocessable',
        problems,
      );
    }
    const name = await municipalityNamer(
      this.db,
      scenarios.map((s) => s.changes as ScenarioChangesDocument),
    );
    const sideBySide = scenariosSideBySide(entries);
    return {
      ...sideBySide,
      baseModelVersion: baseViewOf(base),
      municipalityNames: municipalityNamesOf(
        sideBySide.comparisons.flatMap((c) => municipalityIdsOf(c)),
        name,
      ),
    };
  }

  private async compute(
    base: CostModelVersionEntity,
    changes: unknown,
    now: Date,
  ): Promise<ScenarioComparisonDocument> {
    const fundingFor = await organisationFundingFor(this.db, base.year);
    return compareScenario(base.document, changes, fundingFor, { created: dateOf(now) }).comparison;
  }

  private async scenario(id: string): Promise<ScenarioEntity> {
    const row = await this.db.getRepository(ScenarioEntity).findOne({ where: { id } });
    if (!row) throw new DomainError('SCENARIO_NOT_FOUND', `Scenariot ${id} finns inte`, 'not-found');
    return row;
  }

  private async baseVersion(
    id: string,
    kind: 'not-found' | 'unprocessable',
  ): Promise<CostModelVersionEntity> {
    const row = await this.db.getRepository(CostModelVersionEntity).findOne({ where: { id } });
    if (!row) {
      throw new DomainError('COST_MODEL_NOT_FOUND', `Modellversionen ${id} finns inte`, kind, [
        { path: 'baseModelVersionId', message: 'Ingen modellversion med detta id' },
      ]);
    }
    return row;
  }
}
