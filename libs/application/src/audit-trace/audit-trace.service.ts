import { DataSource } from 'typeorm';
import {
  COST_ENGINE_VERSION,
  CostModelDocument,
  DomainError,
  indexPoolAmounts,
  Money,
  parsePeriod,
  parseSourceKey,
} from '@it-samverkan/domain';
import {
  CostModelBasisEntity,
  CostModelVersionEntity,
  databaseKind,
  DecisionEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  SplitRunEntity,
} from '@it-samverkan/persistence';
import { swedishDate } from '../common/swedish-date';
import { decisionView } from '../decisions/decision.service';
import { computeSplit } from '../cost-model/split-computation';
import { costModelNotFound } from '../cost-model/cost-model.service';
import { LedgerImportService } from '../ledger-import/ledger-import.service';
import {
  AUDIT_TRACE_FORMAT,
  AuditTraceView,
  traceBody,
  TraceModel,
  TracePoolBasis,
  TraceSource,
} from './audit-trace-view';

/** How far back a chain of drafted models is followed (a budget from a budget from an actual …). */
const MAX_BASIS_DEPTH = 20;

/**
 * What a trace reads of a model version: all but its document (a large model's is megabytes of JSON,
 * and a trace with a stored run splits the run's own input).
 */
const VERSION_FIELDS = {
  id: true,
  name: true,
  year: true,
  kind: true,
  status: true,
  documentHash: true,
  decisionId: true,
  approvedAt: true,
} as const;

/** What a trace reads of a split run: all but its result (only the result's total is read, in the database). */
const RUN_FIELDS = {
  id: true,
  modelVersionId: true,
  engineVersion: true,
  inputHash: true,
  resultHash: true,
  input: true,
  createdAt: true,
  createdBy: true,
} as const;

const modelOf = (version: CostModelVersionEntity): TraceModel => ({
  id: version.id,
  name: version.name,
  year: version.year,
  kind: version.kind,
  status: version.status,
  approvedAt: version.approvedAt?.toISOString() ?? null,
});

const notFromSplit = (source: string) =>
  new DomainError(
    'TRACE_NOT_FROM_SPLIT',
    `Raden kommer inte ur kostnadsfördelningen (källa: ${source}) och har ingen fördelningskörning att spåra`,
    'unprocessable',
  );

/**
 * The auditor's trace (DOMAIN.md 5.5, issue 14 item 6): from an invoice line, an internal charge or a
 * split run to the split run (stored hashes, engine version), the model version and the decision that
 * approved it, each service's driver, volumes and unit price, the pools and their ledger sources.
 */
export class AuditTraceService {
  private readonly ledger: LedgerImportService;

  constructor(private readonly db: DataSource) {
    this.ledger = new LedgerImportService(db);
  }

  /** The trace of an invoice line (the invoice's privacy is checked by the caller's access rule). */
  async invoiceLine(invoiceId: string, lineId: string, now: Date): Promise<AuditTraceView> {
    const invoice = await this.db.getRepository(InvoiceEntity).findOneBy({ id: invoiceId });
    if (!invoice) throw new DomainError('INVOICE_NOT_FOUND', `Fakturan ${invoiceId} finns inte`, 'not-found');
    const line = await this.db.getRepository(InvoiceLineEntity).findOneBy({ id: lineId, invoiceId });
    if (!line) throw new DomainError('LINE_NOT_FOUND', `Raden ${lineId} finns inte på fakturan`, 'not-found');
    const source: TraceSource = {
      kind: 'invoice-line',
      id: line.id,
      label: `${invoice.kind === 'credit-note' ? 'Kreditfaktura' : 'Faktura'} ${invoice.number ?? '(utkast)'}, rad ${line.lineNo}`,
      description: line.description,
      period: invoice.period,
      amount: line.net.toString(),
      consumerId: line.consumerId,
      serviceId: line.serviceId,
    };
    return this.fromSourceKey(line.sourceKey, line.source, invoice.createdAt, source, now);
  }

  /** The trace of an internal charge (its municipality's books, by the caller's access rule). */
  async internalCharge(id: string, now: Date): Promise<AuditTraceView> {
    const charge = await this.db.getRepository(InternalChargeEntity).findOneBy({ id });
    if (!charge)
      throw new DomainError('INTERNAL_CHARGE_NOT_FOUND', `Interndebiteringen ${id} finns inte`, 'not-found');
    const source: TraceSource = {
      kind: 'internal-charge',
      id: charge.id,
      label: `Interndebitering ${charge.period}`,
      description: charge.description,
      period: charge.period,
      amount: charge.amount.toString(),
      consumerId: charge.unitId,
      serviceId: charge.serviceId,
    };
    return this.fromSourceKey(charge.sourceKey, charge.source, charge.createdAt, source, now);
  }

  /** The whole model's trace: every consumer of a stored split run, derived from one split. */
  async splitRun(id: string, now: Date, consumerId?: string): Promise<AuditTraceView> {
    const run = await this.db.getRepository(SplitRunEntity).findOne({ where: { id }, select: RUN_FIELDS });
    if (!run)
      throw new DomainError('SPLIT_RUN_NOT_FOUND', `Fördelningskörningen ${id} finns inte`, 'not-found');
    if (!run.modelVersionId) throw costModelNotFound('(ingen)');
    const version = await this.db
      .getRepository(CostModelVersionEntity)
      .findOne({ where: { id: run.modelVersionId }, select: VERSION_FIELDS });
    if (!version) throw costModelNotFound(run.modelVersionId);
    const source: TraceSource = {
      kind: 'split-run',
      id: run.id,
      label: `Fördelningskörning ${run.createdAt.toISOString().slice(0, 10)}`,
      description: null,
      period: null,
      amount: null,
      consumerId: consumerId ?? null,
      serviceId: null,
    };
    return this.build(version, run, source, now, consumerId ? [consumerId] : undefined);
  }

  private async fromSourceKey(
    sourceKey: string,
    sourceKind: string,
    madeAt: Date,
    source: TraceSource,
    now: Date,
  ): Promise<AuditTraceView> {
    const key = parseSourceKey(sourceKey);
    let year: number;
    let kind: 'budget' | 'actual';
    if (key?.kind === 'cost-share') {
      year = parsePeriod(key.period).year;
      kind = 'budget';
    } else if (key?.kind === 'settlement') {
      year = key.year;
      kind = 'actual';
    } else throw notFromSplit(sourceKind);
    const version = await this.approvedVersionAt(year, kind, madeAt);
    const run = await this.approvedRun(version);
    return this.build(version, run, source, now, source.consumerId ? [source.consumerId] : undefined);
  }

  /** The approved version of the year and kind the charge was made from: the latest approved before it. */
  private async approvedVersionAt(year: number, kind: string, madeAt: Date): Promise<CostModelVersionEntity> {
    const rows = await this.db.getRepository(CostModelVersionEntity).find({
      where: { year, kind: kind as 'budget' | 'actual', status: 'approved' },
      select: VERSION_FIELDS,
      order: { approvedAt: 'ASC', id: 'ASC' },
    });
    const before = rows.filter((r) => r.approvedAt !== null && r.approvedAt <= madeAt);
    const version = before.at(-1) ?? rows.at(-1);
    if (!version)
      throw new DomainError(
        'TRACE_NO_APPROVED_MODEL',
        `Det finns ingen godkänd ${kind === 'budget' ? 'budgetmodell' : 'utfallsmodell'} för ${year} att spåra raden till`,
        'unprocessable',
      );
    return version;
  }

  /** The stored split run of the version's approved document (stored when approved), newest first. */
  private async approvedRun(version: CostModelVersionEntity): Promise<SplitRunEntity | null> {
    const runs = await this.db.getRepository(SplitRunEntity).find({
      where: { modelVersionId: version.id, inputHash: version.documentHash },
      select: RUN_FIELDS,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 1,
    });
    return runs[0] ?? null;
  }

  private async build(
    version: CostModelVersionEntity,
    run: SplitRunEntity | null,
    source: TraceSource,
    now: Date,
    consumerIds?: string[],
  ): Promise<AuditTraceView> {
    const computed = computeSplit(run ? run.input : await this.document(version.id));
    if (run) {
      // A trace belongs to the figures the run published: the engine must still give them.
      const stored = await this.storedTotal(run.id);
      if (stored !== computed.document.total)
        throw new DomainError(
          'SPLIT_NOT_REPRODUCIBLE',
          `Dagens motor (${COST_ENGINE_VERSION}) ger ${computed.document.total}, körningen ${stored}`,
          'conflict',
        );
    }
    const decision = version.decisionId
      ? await this.db.getRepository(DecisionEntity).findOneBy({ id: version.decisionId })
      : null;
    const ledger = await this.ledger.poolSources(version.id);
    return {
      format: AUDIT_TRACE_FORMAT,
      generatedOn: swedishDate(now),
      source,
      splitRun: run
        ? {
            id: run.id,
            engineVersion: run.engineVersion,
            inputHash: run.inputHash,
            resultHash: run.resultHash,
            createdAt: run.createdAt.toISOString(),
            createdBy: run.createdBy,
          }
        : null,
      figures: run
        ? { from: 'stored-run', engineVersion: run.engineVersion, inputHash: run.inputHash }
        : { from: 'computed-now', engineVersion: COST_ENGINE_VERSION, inputHash: version.documentHash },
      model: modelOf(version),
      decision: decision ? decisionView(decision) : null,
      ...traceBody(computed.model, computed.split, ledger, consumerIds, await this.poolBases(version)),
    };
  }

  /**
   * A version's document (read only when there is no stored run to split, e.g. one approved before runs
   * were stored): the approved document is immutable, so its split now is the split it was approved with.
   */
  private async document(versionId: string): Promise<object> {
    const version = await this.db
      .getRepository(CostModelVersionEntity)
      .findOneOrFail({ where: { id: versionId }, select: { id: true, document: true } });
    return version.document;
  }

  /**
   * The total a stored run published (its result's splitResult.total), read in the database: the
   * result of a large model is megabytes of JSON, and nothing else of it is needed here.
   */
  private async storedTotal(runId: string): Promise<string | null> {
    const total =
      databaseKind(this.db) === 'mysql'
        ? "JSON_UNQUOTE(JSON_EXTRACT(r.result, '$.splitResult.total'))"
        : "json_extract(r.result, '$.splitResult.total')";
    const row = await this.db
      .getRepository(SplitRunEntity)
      .createQueryBuilder('r')
      .select(total, 'total')
      .where('r.id = :id', { id: runId })
      .getRawOne<{ total: string | number | null }>();
    return row?.total == null ? null : String(row.total);
  }

  /**
   * Per pool, where a drafted model's amount came from (issue 14 items 3 and 6): the approved model it
   * was drafted from (cost_model_basis), the pool's amount there, the index and the indexed amount,
   * that model's decision and ledger, and recursively its own basis. Empty when it was not drafted.
   */
  private async poolBases(version: CostModelVersionEntity): Promise<Map<string, TracePoolBasis>> {
    const chain: { indices: Record<string, string>; version: CostModelVersionEntity }[] = [];
    const seen = new Set([version.id]);
    let id = version.id;
    while (chain.length < MAX_BASIS_DEPTH) {
      const link = await this.db.getRepository(CostModelBasisEntity).findOneBy({ modelVersionId: id });
      if (!link || seen.has(link.basedOnId)) break;
      const basis = await this.db.getRepository(CostModelVersionEntity).findOneBy({ id: link.basedOnId });
      if (!basis) break;
      chain.push({ indices: link.indices, version: basis });
      seen.add(basis.id);
      id = basis.id;
    }
    let below = new Map<string, TracePoolBasis>();
    for (const { indices, version: basis } of chain.reverse()) {
      const decision = basis.decisionId
        ? await this.db.getRepository(DecisionEntity).findOneBy({ id: basis.decisionId })
        : null;
      const ledger = new Map((await this.ledger.poolSources(basis.id)).map((l) => [l.poolId, l.accounts]));
      const pools = (basis.document as CostModelDocument).pools;
      const indexed = indexPoolAmounts(
        pools.map((p) => ({ id: p.id, amount: Money.parse(p.amount) })),
        indices,
      );
      const level = new Map<string, TracePoolBasis>();
      pools.forEach((p, i) =>
        level.set(p.id, {
          model: modelOf(basis),
          decision: decision ? decisionView(decision) : null,
          amount: Money.parse(p.amount).toString(),
          index: indices[p.id] ?? '0',
          indexed: indexed[i].amount.toString(),
          ledger: ledger.get(p.id) ?? [],
          basis: below.get(p.id) ?? null,
        }),
      );
      below = level;
    }
    return below;
  }
}
