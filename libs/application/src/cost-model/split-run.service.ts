import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  COST_ENGINE_VERSION,
  CostModel,
  DomainError,
  SplitResultDocument,
  traceConsumer,
  validateCostModel,
  ValidationError,
} from '@it-samverkan/domain';
import { CostModelVersionEntity, DecisionEntity, SplitRunEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { recordAudit } from '../audit/audit';
import { decisionView, DecisionView } from '../decisions/decision.service';
import { MunicipalityNamer, municipalityNamer } from '../organisation/municipality-names';
import { canonicalHash } from './canonical-hash';
import { costModelNotFound } from './cost-model.service';
import {
  ComputedSplit,
  computeSplit,
  splitRunResult,
  StoredSplitResult,
  storedTrace,
  StoredTracePath,
} from './split-computation';

export interface SplitRunSummary {
  id: string;
  modelVersionId: string | null;
  engineVersion: string;
  inputHash: string;
  resultHash: string;
  createdAt: string;
  createdBy: string;
}

/** A stored split run with the version it came from and that version's approving decision. */
export interface SplitRunView extends SplitRunSummary {
  model: {
    id: string;
    name: string;
    year: number;
    kind: string;
    status: string;
    decision: DecisionView | null;
  } | null;
  result: SplitResultDocument;
}

export interface ConsumerTraceView {
  splitRunId: string;
  consumerId: string;
  name: string;
  municipality: string;
  total: string;
  paths: StoredTracePath[];
}

export interface ReproductionView {
  splitRunId: string;
  /** The engine that made the stored result, and the one that recomputed it now. */
  storedEngineVersion: string;
  engineVersion: string;
  /** The stored input still hashes to the stored input hash (nobody changed it). */
  inputIntact: boolean;
  /** The stored result still hashes to the stored result hash. */
  resultIntact: boolean;
  storedResultHash: string;
  resultHash: string;
  /** The recomputed result hashes to the stored result hash. */
  matches: boolean;
  /** Consumers whose stored total differs from the recomputed one. */
  differences: { consumerId: string; stored: string | null; recomputed: string | null }[];
}

/** What a split run's result files need: the model (names) and the result, with the run's date. */
export interface SplitRunFiles {
  model: CostModel;
  result: SplitResultDocument;
  createdAt: Date;
  /** How documents cite the decision that approved the run's model version, if it was approved. */
  decision: string | null;
  /** The organisation's municipalities by name. */
  municipalityName: MunicipalityNamer;
}

function summary(e: SplitRunEntity): SplitRunSummary {
  return {
    id: e.id,
    modelVersionId: e.modelVersionId,
    engineVersion: e.engineVersion,
    inputHash: e.inputHash,
    resultHash: e.resultHash,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
  };
}

/**
 * Splits a version's document and stores the run (input, engine version, hashes, result) with its
 * audit entry, inside the caller's transaction. Approval stores one too: the approved split.
 */
export async function storeSplitRun(
  m: EntityManager,
  version: Pick<CostModelVersionEntity, 'id' | 'document'>,
  actor: Actor,
  now: Date,
): Promise<SplitRunEntity> {
  const { result, resultHash } = splitRunResult(computeSplit(version.document));
  const entity = Object.assign(new SplitRunEntity(), {
    id: randomUUID(),
    modelVersionId: version.id,
    engineVersion: COST_ENGINE_VERSION,
    inputHash: canonicalHash(version.document),
    resultHash,
    input: version.document,
    result,
    createdAt: now,
    createdBy: actor.principal.name,
  });
  await m.insert(SplitRunEntity, entity);
  await recordAudit(
    m,
    actor,
    {
      action: 'split',
      entityType: 'split-run',
      entityId: entity.id,
      after: { ...summary(entity), total: result.splitResult.total },
    },
    now,
  );
  return entity;
}

/** Split runs (DOMAIN.md 5.5): stored with input, engine version and hashes, so they can be reproduced. */
export class SplitRunService {
  constructor(private readonly dataSource: DataSource) {}

  /** Splits a stored model version and stores the run (input document, engine version, hashes, result and trace). */
  async run(modelVersionId: string, actor: Actor, now: Date): Promise<SplitRunView> {
    const version = await this.dataSource
      .getRepository(CostModelVersionEntity)
      .findOneBy({ id: modelVersionId });
    if (!version) throw costModelNotFound(modelVersionId);
    const entity = await inTransaction(this.dataSource, (m) => storeSplitRun(m, version, actor, now));
    return this.view(entity);
  }

  async get(id: string): Promise<SplitRunView> {
    return this.view(await this.find(id));
  }

  /** The runs of one model version, newest first. */
  async listForVersion(modelVersionId: string, page: PageRequest): Promise<Page<SplitRunSummary>> {
    if (!(await this.dataSource.getRepository(CostModelVersionEntity).existsBy({ id: modelVersionId })))
      throw costModelNotFound(modelVersionId);
    const runs = this.dataSource.getRepository(SplitRunEntity);
    const rows = await runs.find({
      // the summary's columns: not each run's input and result documents (tens of kB each)
      select: {
        id: true,
        modelVersionId: true,
        engineVersion: true,
        inputHash: true,
        resultHash: true,
        createdAt: true,
        createdBy: true,
      },
      where: { modelVersionId },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    // counted in the model's index (findAndCount counted DISTINCT over every selected column)
    const total = await runs.countBy({ modelVersionId });
    return pageOf(rows.map(summary), total, page);
  }

  /** The input document exactly as the run used it. */
  async input(id: string): Promise<unknown> {
    return (await this.find(id)).input;
  }

  /**
   * How one consumer's total is made up: pool → services → consumer, adding up to the total.
   * Computed from the run's stored input (the engine is deterministic) and checked against the
   * stored result, so a trace always belongs to the figures the run published.
   */
  async trace(id: string, consumerId: string): Promise<ConsumerTraceView> {
    const run = await this.find(id);
    const stored = run.result as StoredSplitResult;
    const published = stored.splitResult.consumers.find((c) => c.id === consumerId);
    const consumer = (
      run.input as { consumers?: { id: string; name: string; municipality: string }[] }
    ).consumers?.find((c) => c.id === consumerId);
    if (!published || !consumer)
      throw new DomainError(
        'CONSUMER_NOT_FOUND',
        `Förbrukaren '${consumerId}' finns inte i körningen`,
        'not-found',
      );
    const computed = computeSplit(run.input);
    const trace = storedTrace(traceConsumer(computed.model, computed.split, consumerId));
    if (trace.total !== published.total) {
      throw new DomainError(
        'SPLIT_NOT_REPRODUCIBLE',
        `Dagens motor (${COST_ENGINE_VERSION}) ger ${trace.total} för '${consumerId}', körningen ${published.total}`,
        'conflict',
      );
    }
    return {
      splitRunId: id,
      consumerId,
      name: consumer.name,
      municipality: consumer.municipality,
      total: trace.total,
      paths: trace.paths,
    };
  }

  /** Recomputes a run from its stored input with today's engine and compares the result hash. */
  async reproduce(id: string): Promise<ReproductionView> {
    const run = await this.find(id);
    let computed: ComputedSplit;
    try {
      computed = computeSplit(run.input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new DomainError(
        'SPLIT_NOT_REPRODUCIBLE',
        `Dagens motor (${COST_ENGINE_VERSION}) godtar inte körningens indata`,
        'unprocessable',
        error.details,
      );
    }
    const { result, resultHash } = splitRunResult(computed);
    const stored = run.result as StoredSplitResult;
    const differences: ReproductionView['differences'] = [];
    const resultIntact = canonicalHash(run.result) === run.resultHash;
    if (resultHash !== run.resultHash || !resultIntact) {
      const ids = new Set([
        ...stored.splitResult.consumers.map((c) => c.id),
        ...result.splitResult.consumers.map((c) => c.id),
      ]);
      for (const consumerId of ids) {
        const before = stored.splitResult.consumers.find((c) => c.id === consumerId)?.total ?? null;
        const after = result.splitResult.consumers.find((c) => c.id === consumerId)?.total ?? null;
        if (before !== after) differences.push({ consumerId, stored: before, recomputed: after });
      }
    }
    return {
      splitRunId: id,
      storedEngineVersion: run.engineVersion,
      engineVersion: COST_ENGINE_VERSION,
      inputIntact: canonicalHash(run.input) === run.inputHash,
      resultIntact,
      storedResultHash: run.resultHash,
      resultHash,
      matches: resultHash === run.resultHash,
      differences,
    };
  }

  /** What the CSV and XLSX exports of a run need. */
  async files(id: string): Promise<SplitRunFiles> {
    const run = await this.find(id);
    const view = await this.view(run);
    return {
      model: validateCostModel(run.input),
      result: (run.result as StoredSplitResult).splitResult,
      createdAt: run.createdAt,
      decision: view.model?.decision?.reference ?? null,
      municipalityName: await municipalityNamer(this.dataSource),
    };
  }

  private async find(id: string): Promise<SplitRunEntity> {
    const run = await this.dataSource.getRepository(SplitRunEntity).findOneBy({ id });
    if (!run)
      throw new DomainError('SPLIT_RUN_NOT_FOUND', `Fördelningskörningen ${id} finns inte`, 'not-found');
    return run;
  }

  private async view(run: SplitRunEntity): Promise<SplitRunView> {
    const version = run.modelVersionId
      ? await this.dataSource.getRepository(CostModelVersionEntity).findOneBy({ id: run.modelVersionId })
      : null;
    const decision = version?.decisionId
      ? await this.dataSource.getRepository(DecisionEntity).findOneBy({ id: version.decisionId })
      : null;
    return {
      ...summary(run),
      model: version
        ? {
            id: version.id,
            name: version.name,
            year: version.year,
            kind: version.kind,
            status: version.status,
            decision: decision ? decisionView(decision) : null,
          }
        : null,
      result: (run.result as StoredSplitResult).splitResult,
    };
  }
}
