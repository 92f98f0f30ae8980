import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CostModelDocument,
  DomainError,
  mapLedgerToPools,
  Problem,
  validateCostModel,
  ValidationError,
} from '@it-samverkan/domain';
import { ledgerFromCsv, ledgerFromSie, LedgerFile } from '@it-samverkan/files';
import { CostModelVersionEntity, LedgerImportEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction, lockMode } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { findPage, Page, PageRequest } from '../common/pagination';
import { canonicalHash } from '../cost-model/canonical-hash';
import { costModelNotFound } from '../cost-model/cost-model.service';
import {
  accountView,
  LedgerImportResult,
  LedgerImportSummary,
  ledgerImportSummary,
  LedgerImportView,
  ledgerImportView,
  PoolLedgerSource,
} from './ledger-import-view';

export const LEDGER_FORMATS = ['sie4', 'csv'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export interface LedgerImportInput {
  modelVersionId: string;
  /** 'sie4' or 'csv'; when absent, taken from the file name (.se/.si/.sie → sie4, .csv → csv). */
  format?: string;
  fileName: string;
  /** The file's bytes (a string when it came as text/csv). */
  content: Buffer | string;
}

const MAX_FILE_NAME = 255;

/** Newest first; imports stored at one instant in reverse order of storing (the version's sequence). */
const LATEST_FIRST = { importedAt: 'DESC', sequence: 'DESC' } as const;

/** The format a file name says, or null. */
export function ledgerFormatOf(fileName: string): LedgerFormat | null {
  if (/\.(se|si|sie)$/i.test(fileName)) return 'sie4';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return null;
}

/**
 * Costs from the ledger (issue 14, item 1): a SIE 4 or CSV ledger of the host is mapped to the
 * pools of a draft model version by the version's own `ledgerMapping`, the pools' amounts are set,
 * and the import is stored with its file hash and every pool's sources, so a pool can be traced
 * back to its accounts and vouchers.
 */
export class LedgerImportService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Imports a ledger into a draft version. Refused whole when the file cannot be read (every
   * problem with its line), the version is approved (409), has no pool mapping (422), or the
   * document with the new amounts would be invalid.
   */
  async importLedger(input: LedgerImportInput, actor: Actor, now: Date): Promise<LedgerImportView> {
    const problems: Problem[] = [];
    const fileName = input.fileName.trim();
    if (fileName === '' || fileName.length > MAX_FILE_NAME)
      problems.push({ path: 'fileName', message: `Ange filens namn (1–${MAX_FILE_NAME} tecken)` });
    const format = input.format ?? ledgerFormatOf(fileName);
    if (!LEDGER_FORMATS.includes(format as LedgerFormat))
      problems.push({
        path: 'format',
        message: 'Ange format: sie4 (SIE 4-fil) eller csv (semikolonseparerad)',
      });
    const bytes = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
    if (bytes.length === 0) problems.push({ path: 'file', message: 'Filen är tom' });
    if (problems.length) throw new ValidationError(problems, 'Huvudboken kan inte importeras');

    return inTransaction(this.dataSource, async (m) => {
      const version = await m.findOne(CostModelVersionEntity, {
        where: { id: input.modelVersionId },
        lock: lockMode(this.dataSource) ? { mode: 'pessimistic_write' } : undefined,
      });
      if (!version) throw costModelNotFound(input.modelVersionId);
      if (version.status === 'approved')
        throw new DomainError(
          'COST_MODEL_APPROVED',
          `Versionen "${version.name}" är godkänd och kan inte ändras; importera huvudboken till ett utkast`,
          'conflict',
        );
      const model = validateCostModel(version.document);
      if (!model.ledgerMapping)
        throw new DomainError(
          'LEDGER_MAPPING_MISSING',
          'Versionen saknar kontomappning (ledgerMapping): lägg till regler för vilka konton och ansvar som hör till vilken pool',
          'unprocessable',
        );
      const options = {
        year: model.year,
        responsibilityDimension: model.ledgerMapping.responsibilityDimension,
        activityDimension: model.ledgerMapping.activityDimension,
      };
      const file: LedgerFile =
        format === 'sie4' ? ledgerFromSie(bytes, options) : ledgerFromCsv(input.content, options);
      const mapped = mapLedgerToPools({
        entries: file.entries,
        mapping: model.ledgerMapping,
        poolIds: model.pools.map((p) => p.id),
      });

      const document = structuredClone(version.document) as CostModelDocument;
      const amounts = new Map(mapped.pools.map((p) => [p.poolId, p.amount.toString()]));
      const previous = new Map(document.pools.map((p) => [p.id, String(p.amount)]));
      for (const pool of document.pools)
        if (amounts.has(pool.id)) pool.amount = amounts.get(pool.id) as string;
      try {
        validateCostModel(document);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        throw new ValidationError(
          error.details,
          'Modellen blir ogiltig med huvudbokens belopp; ändra kontomappningen eller modellen',
          'LEDGER_IMPORT_INVALID_MODEL',
        );
      }
      const names = new Map(model.pools.map((p) => [p.id, p.name]));
      const result: LedgerImportResult = {
        companyName: file.companyName,
        checksum: file.checksum,
        rows: file.entries.length,
        pools: mapped.pools.map((p) => ({
          poolId: p.poolId,
          poolName: names.get(p.poolId) ?? p.poolId,
          previousAmount: previous.get(p.poolId) ?? '0.00',
          amount: p.amount.toString(),
          rules: [...p.rules],
          accounts: p.accounts.map(accountView),
        })),
        unmapped: mapped.unmapped.map(accountView),
        outsideScope: { rows: mapped.outsideScope.rows, total: mapped.outsideScope.total.toString() },
        otherYears: { rows: file.otherYears.rows, total: file.otherYears.total.toString() },
      };
      const entity = Object.assign(new LedgerImportEntity(), {
        id: randomUUID(),
        modelVersionId: version.id,
        format: format as string,
        fileName,
        fileHash: createHash('sha256').update(bytes).digest('hex'),
        fileSize: bytes.length,
        source: file.source,
        scopeTotal: mapped.scopeTotal,
        mappedTotal: mapped.mappedTotal,
        unmappedTotal: mapped.unmappedTotal,
        documentHashBefore: version.documentHash,
        documentHashAfter: canonicalHash(document),
        result,
        importedAt: now,
        importedBy: actor.principal.name,
        sequence: (await m.countBy(LedgerImportEntity, { modelVersionId: version.id })) + 1,
      });
      await m.update(
        CostModelVersionEntity,
        { id: version.id },
        { document, documentHash: entity.documentHashAfter, updatedAt: now },
      );
      await m.insert(LedgerImportEntity, entity);
      const view = ledgerImportView(entity);
      await recordAudit(
        m,
        actor,
        {
          action: 'import-ledger',
          entityType: 'cost-model-version',
          entityId: version.id,
          before: { documentHash: version.documentHash, pools: Object.fromEntries(previous) },
          after: { ...summaryOnly(view), pools: Object.fromEntries(amounts) },
        },
        now,
      );
      return view;
    });
  }

  /** The version's imports, newest first, those of one instant in reverse order of storing (without their sources). */
  async list(modelVersionId: string, page: PageRequest): Promise<Page<LedgerImportSummary>> {
    await this.requireVersion(modelVersionId);
    return findPage(
      this.dataSource.getRepository(LedgerImportEntity),
      { where: { modelVersionId }, order: LATEST_FIRST },
      page,
      ledgerImportSummary,
    );
  }

  /** One import with its reconciliation and sources. */
  async get(modelVersionId: string, importId: string): Promise<LedgerImportView> {
    const row = await this.dataSource
      .getRepository(LedgerImportEntity)
      .findOneBy({ id: importId, modelVersionId });
    if (!row)
      throw new DomainError(
        'LEDGER_IMPORT_NOT_FOUND',
        `Huvudboksimporten ${importId} finns inte för versionen ${modelVersionId}`,
        'not-found',
      );
    return ledgerImportView(row);
  }

  /** The latest import of a version, or null. */
  async latest(modelVersionId: string): Promise<LedgerImportView | null> {
    const row = await this.latestRow(modelVersionId);
    return row ? ledgerImportView(row) : null;
  }

  /**
   * The ledger accounts and vouchers behind each pool of a version, from its latest import, in
   * model order; an empty array when the version has no ledger import.
   */
  async poolSources(modelVersionId: string): Promise<PoolLedgerSource[]> {
    const row = await this.latestRow(modelVersionId);
    if (!row) return [];
    return (row.result as LedgerImportResult).pools.map((p) => ({ poolId: p.poolId, accounts: p.accounts }));
  }

  private async latestRow(modelVersionId: string): Promise<LedgerImportEntity | null> {
    return this.dataSource.getRepository(LedgerImportEntity).findOne({
      where: { modelVersionId },
      order: LATEST_FIRST,
    });
  }

  private async requireVersion(id: string): Promise<void> {
    const found = await this.dataSource.getRepository(CostModelVersionEntity).existsBy({ id });
    if (!found) throw costModelNotFound(id);
  }
}

function summaryOnly(view: LedgerImportView): LedgerImportSummary {
  const {
    pools: _p,
    unmapped: _u,
    companyName: _c,
    checksum: _k,
    rows: _r,
    outsideScope: _o,
    otherYears: _y,
    ...summary
  } = view;
  return summary;
}
