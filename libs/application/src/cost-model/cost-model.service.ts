import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { CostModel, DomainError, Problem, validateCostModel, ValidationError } from '@it-samverkan/domain';
import {
  CostModelVersionEntity,
  DecisionEntity,
  LedgerImportEntity,
  ModelKind,
  ModelStatus,
  SplitRunEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { recordAudit } from '../audit/audit';
import { approveThroughDecision, DecisionReference } from '../decisions/decision.service';
import { canonicalHash } from './canonical-hash';
import { storeSplitRun } from './split-run.service';
import {
  auditedVersion,
  costModelSummary,
  CostModelVersionSummary,
  CostModelVersionView,
  costModelView,
  MODEL_KINDS,
  MODEL_STATUSES,
} from './cost-model-view';

export interface CostModelInput {
  /** The model document (it-samverkan/cost-model@1), from JSON or read from a workbook. */
  document: unknown;
  kind?: string;
}

export interface CostModelFilter {
  year?: number;
  kind?: string;
  status?: string;
}

/**
 * Validates a document and a kind together, so one answer lists every problem; returns the model.
 * `kindRequired` is false when editing (the kind is then kept).
 */
export function checkCostModelInput(input: CostModelInput, kindRequired: boolean): CostModel {
  const problems: Problem[] = [];
  if (input.kind === undefined ? kindRequired : !MODEL_KINDS.includes(input.kind as ModelKind)) {
    problems.push({ path: 'kind', message: 'Ange kind: budget eller actual (utfall)' });
  }
  let model: CostModel | null = null;
  try {
    model = validateCostModel(input.document);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problems.push(...error.details);
  }
  if (problems.length > 0 || !model)
    throw new ValidationError(problems, 'Kostnadsmodellen är ogiltig', 'COST_MODEL_INVALID');
  return model;
}

/** The columns a version's summary shows (costModelSummary): every one but the document. */
const SUMMARY_COLUMNS: (keyof CostModelVersionEntity)[] = [
  'id',
  'name',
  'year',
  'kind',
  'status',
  'documentHash',
  'decisionId',
  'approvedAt',
  'createdAt',
  'updatedAt',
];

export function costModelNotFound(id: string): DomainError {
  return new DomainError('COST_MODEL_NOT_FOUND', `Kostnadsmodellversionen ${id} finns inte`, 'not-found');
}

function approvedConflict(e: CostModelVersionEntity): DomainError {
  return new DomainError(
    'COST_MODEL_APPROVED',
    `Versionen "${e.name}" är godkänd och kan inte ändras; importera en ny version i stället`,
    'conflict',
  );
}

/** Cost-model versions (tjänstefiering, DOMAIN.md 5.5): import, edit drafts, approve by decision. */
export class CostModelService {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new draft version after validating it; nothing is stored when anything is wrong. */
  async importVersion(input: CostModelInput, actor: Actor, now: Date): Promise<CostModelVersionView> {
    const model = checkCostModelInput(input, true);
    const entity = Object.assign(new CostModelVersionEntity(), {
      id: randomUUID(),
      name: model.name,
      year: model.year,
      kind: input.kind as ModelKind,
      status: 'draft' as ModelStatus,
      document: input.document,
      documentHash: canonicalHash(input.document),
      decisionId: null,
      approvedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await inTransaction(this.dataSource, async (m) => {
      await m.insert(CostModelVersionEntity, entity);
      await recordAudit(
        m,
        actor,
        {
          action: 'import',
          entityType: 'cost-model-version',
          entityId: entity.id,
          after: auditedVersion(entity, true),
        },
        now,
      );
    });
    return costModelView(entity, null);
  }

  /** Replaces a draft's document (and kind, when given); an approved version is immutable (409). */
  async replaceDocument(
    id: string,
    input: CostModelInput,
    actor: Actor,
    now: Date,
  ): Promise<CostModelVersionView> {
    const model = checkCostModelInput(input, false);
    return inTransaction(this.dataSource, async (m) => {
      const entity = await this.lockedVersion(m, id);
      if (entity.status === 'approved') throw approvedConflict(entity);
      const before = auditedVersion(entity, true);
      Object.assign(entity, {
        name: model.name,
        year: model.year,
        kind: (input.kind as ModelKind | undefined) ?? entity.kind,
        document: input.document,
        documentHash: canonicalHash(input.document),
        updatedAt: now,
      });
      await m.save(CostModelVersionEntity, entity);
      await recordAudit(
        m,
        actor,
        {
          action: 'update',
          entityType: 'cost-model-version',
          entityId: id,
          before,
          after: auditedVersion(entity, true),
        },
        now,
      );
      return costModelView(entity, null);
    });
  }

  /** Deletes a draft that no split run refers to. */
  async remove(id: string, actor: Actor, now: Date): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      const entity = await this.lockedVersion(m, id);
      if (entity.status === 'approved') throw approvedConflict(entity);
      const runs = await m.countBy(SplitRunEntity, { modelVersionId: id });
      if (runs > 0) {
        throw new DomainError(
          'COST_MODEL_HAS_SPLITS',
          `Versionen har ${runs} sparade fördelningskörningar och kan inte tas bort; de ska gå att återskapa`,
          'conflict',
        );
      }
      // A draft's ledger imports belong to it and go with it (the audit entry keeps the document).
      await m.delete(LedgerImportEntity, { modelVersionId: id });
      await m.delete(CostModelVersionEntity, { id });
      await recordAudit(
        m,
        actor,
        {
          action: 'delete',
          entityType: 'cost-model-version',
          entityId: id,
          before: auditedVersion(entity, true),
        },
        now,
      );
    });
  }

  /** Approves a draft through an IT-styrgruppen decision (existing, or created with the approval). */
  async approve(
    id: string,
    reference: DecisionReference,
    actor: Actor,
    now: Date,
  ): Promise<CostModelVersionView> {
    return inTransaction(this.dataSource, async (m) => {
      const entity = await this.lockedVersion(m, id);
      if (entity.status === 'approved') throw approvedConflict(entity);
      // The stored document was valid when stored; the engine may have become stricter since.
      checkCostModelInput({ document: entity.document }, false);
      const before = auditedVersion(entity, false);
      const decision = await approveThroughDecision(
        m,
        reference,
        { type: 'cost-model-version', id },
        'styrgrupp',
        actor,
        now,
      );
      Object.assign(entity, { status: 'approved', decisionId: decision.id, approvedAt: now, updatedAt: now });
      await m.update(
        CostModelVersionEntity,
        { id },
        { status: 'approved', decisionId: decision.id, approvedAt: now, updatedAt: now },
      );
      // The approved split is stored as a run, so every charge made from it traces to stored hashes.
      await storeSplitRun(m, entity, actor, now);
      await recordAudit(
        m,
        actor,
        {
          action: 'approve',
          entityType: 'cost-model-version',
          entityId: id,
          before,
          after: auditedVersion(entity, false),
        },
        now,
      );
      return costModelView(entity, decision);
    });
  }

  async list(filter: CostModelFilter, page: PageRequest): Promise<Page<CostModelVersionSummary>> {
    const problems: Problem[] = [];
    if (filter.kind !== undefined && !MODEL_KINDS.includes(filter.kind as ModelKind))
      problems.push({ path: 'kind', message: 'kind måste vara budget eller actual' });
    if (filter.status !== undefined && !MODEL_STATUSES.includes(filter.status as ModelStatus)) {
      problems.push({ path: 'status', message: 'status måste vara draft eller approved' });
    }
    if (problems.length) throw new ValidationError(problems);
    // the summary's columns: not each version's document, which the list would parse for nothing
    const qb = this.dataSource
      .getRepository(CostModelVersionEntity)
      .createQueryBuilder('v')
      .select(SUMMARY_COLUMNS.map((c) => `v.${c}`));
    if (filter.year !== undefined) qb.andWhere('v.year = :year', { year: filter.year });
    if (filter.kind !== undefined) qb.andWhere('v.kind = :kind', { kind: filter.kind });
    if (filter.status !== undefined) qb.andWhere('v.status = :status', { status: filter.status });
    qb.orderBy('v.year', 'DESC')
      .addOrderBy('v.kind', 'ASC')
      .addOrderBy('v.createdAt', 'DESC')
      .addOrderBy('v.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const decisions = await this.decisionsOf(rows);
    return pageOf(
      rows.map((r) => costModelSummary(r, r.decisionId ? (decisions.get(r.decisionId) ?? null) : null)),
      total,
      page,
    );
  }

  async get(id: string): Promise<CostModelVersionView> {
    const entity = await this.find(id);
    const decision = entity.decisionId
      ? await this.dataSource.getRepository(DecisionEntity).findOneBy({ id: entity.decisionId })
      : null;
    return costModelView(entity, decision);
  }

  /** The stored version, or 404. */
  async find(id: string): Promise<CostModelVersionEntity> {
    const entity = await this.dataSource.getRepository(CostModelVersionEntity).findOneBy({ id });
    if (!entity) throw costModelNotFound(id);
    return entity;
  }

  /**
   * The year's approved budget model: the price list of the year (DOMAIN.md 5.6). When a revised
   * budget has been approved later in the year, the most recently approved version applies.
   */
  async approvedBudget(year: number): Promise<CostModelVersionEntity | null> {
    return this.dataSource.getRepository(CostModelVersionEntity).findOne({
      where: { year, kind: 'budget', status: 'approved' },
      order: { approvedAt: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** The year's latest actual (utfall) version, approved or not. */
  async latestActual(year: number): Promise<CostModelVersionEntity | null> {
    return this.dataSource.getRepository(CostModelVersionEntity).findOne({
      where: { year, kind: 'actual' },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  private async lockedVersion(m: EntityManager, id: string): Promise<CostModelVersionEntity> {
    // Row locks where the database has them (MySQL); SQLite has a single writer.
    const lock =
      this.dataSource.options.type === 'mysql' ? ({ mode: 'pessimistic_write' } as const) : undefined;
    const entity = await m.findOne(CostModelVersionEntity, { where: { id }, lock });
    if (!entity) throw costModelNotFound(id);
    return entity;
  }

  private async decisionsOf(rows: CostModelVersionEntity[]): Promise<Map<string, DecisionEntity>> {
    const ids = [...new Set(rows.map((r) => r.decisionId).filter((x): x is string => !!x))];
    if (ids.length === 0) return new Map();
    const found = await this.dataSource.getRepository(DecisionEntity).findBy({ id: In(ids) });
    return new Map(found.map((d) => [d.id, d]));
  }
}
