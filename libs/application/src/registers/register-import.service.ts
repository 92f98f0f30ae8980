import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  CostModelDocument,
  countRegister,
  DomainError,
  Problem,
  REGISTER_KINDS,
  RegisterCount,
  RegisterKind,
  requiredRegisterColumns,
  ValidationError,
} from '@it-samverkan/domain';
import { readRegisterFile } from '@it-samverkan/files';
import {
  CostModelVersionEntity,
  RegisterImportEntity,
  RegisterMappingEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { findPage, Page, PageRequest } from '../common/pagination';
import { recordAudit } from '../audit/audit';
import { canonicalHash } from '../cost-model/canonical-hash';
import { checkCostModelInput, costModelNotFound } from '../cost-model/cost-model.service';
import { registerMappingNotFound } from './register-mapping.service';

export interface RegisterImportRequest {
  driver: string;
  kind: string;
  /** The date the register was taken, YYYY-MM-DD. */
  asOf: string;
  /** The stored mapping (id) to count through. */
  mapping: string;
  fileName?: string;
  quantityColumn?: string;
  statusColumn?: string;
  /** Count and answer, store nothing. */
  dryRun?: boolean;
}

export interface RegisterImportView extends RegisterCount {
  id: string | null;
  modelVersionId: string;
  driver: string;
  kind: RegisterKind;
  asOf: string;
  fileName: string;
  fileHash: string;
  mapping: { id: string; name: string };
  /** The driver's volumes before, per consumer of the model (model order); an absent volume is "0". */
  previous: { consumer: string; volume: string }[];
  applied: boolean;
  createdAt: string;
  createdBy: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.toISOString().slice(0, 10) === text;
}

function approvedConflict(e: CostModelVersionEntity): DomainError {
  return new DomainError(
    'COST_MODEL_APPROVED',
    `Versionen "${e.name}" är godkänd och kan inte ändras; importera registret till ett utkast`,
    'conflict',
  );
}

/**
 * Register imports (DOMAIN.md 5.1 volumes): a dated device inventory, account export or licence
 * list is counted through a stored mapping into one driver's volumes of a draft model version. The
 * import is stored with its snapshot date, file hash, the mapping's rules and every uncounted row.
 */
export class RegisterImportService {
  constructor(private readonly dataSource: DataSource) {}

  async importRegister(
    versionId: string,
    request: RegisterImportRequest,
    content: unknown,
    actor: Actor,
    now: Date,
  ): Promise<RegisterImportView> {
    const problems: Problem[] = [];
    if (!REGISTER_KINDS.includes(request.kind as RegisterKind))
      problems.push({ path: 'kind', message: `Ange registrets typ: ${REGISTER_KINDS.join(', ')}` });
    if (typeof request.asOf !== 'string' || !validDate(request.asOf))
      problems.push({ path: 'asOf', message: 'Ange registrets datum (ögonblicksbilden) som ÅÅÅÅ-MM-DD' });
    if (!Buffer.isBuffer(content) && (typeof content !== 'string' || content.trim() === ''))
      problems.push({
        path: 'file',
        message: 'Skicka registret som CSV (text/csv) eller XLSX i anropets kropp',
      });
    const run = async (m: EntityManager) => {
      // Row lock inside the writing transaction where the database has them; a dry run only reads.
      const lock =
        this.dataSource.options.type === 'mysql' && !request.dryRun
          ? ({ mode: 'pessimistic_write' } as const)
          : undefined;
      const version = await m.findOne(CostModelVersionEntity, { where: { id: versionId }, lock });
      if (!version) throw costModelNotFound(versionId);
      const mapping = await m.findOneBy(RegisterMappingEntity, { id: request.mapping });
      if (!mapping) throw registerMappingNotFound(request.mapping);
      const document = version.document as CostModelDocument;
      if (!document.drivers.some((d) => d.id === request.driver))
        problems.push({
          path: 'driver',
          message: `Fördelningsnyckeln ${request.driver} finns inte i modellversionen`,
        });
      if (problems.length)
        throw new ValidationError(problems, 'Registerimporten är ogiltig', 'REGISTER_IMPORT_INVALID');
      if (version.status === 'approved' && !request.dryRun) throw approvedConflict(version);

      const kind = request.kind as RegisterKind;
      const options = {
        kind,
        rules: mapping.rules,
        quantityColumn: request.quantityColumn,
        statusColumn: request.statusColumn,
      };
      const rows = await readRegisterFile(content as Buffer | string, requiredRegisterColumns(options));
      const consumers = document.consumers.map((c) => c.id);
      const count = countRegister({ ...options, rows, consumers });
      const before = document.volumes[request.driver] ?? {};
      const view: RegisterImportView = {
        ...count,
        id: request.dryRun ? null : randomUUID(),
        modelVersionId: versionId,
        driver: request.driver,
        kind,
        asOf: request.asOf,
        fileName: request.fileName?.trim() || 'register',
        fileHash: createHash('sha256')
          .update(content as Buffer | string)
          .digest('hex'),
        mapping: { id: mapping.id, name: mapping.name },
        previous: consumers.map((c) => ({ consumer: c, volume: String(before[c] ?? '0') })),
        applied: !request.dryRun,
        createdAt: now.toISOString(),
        createdBy: actor.principal.name,
      };
      if (request.dryRun) return view;

      const volumes = Object.fromEntries(count.volumes.map((v) => [v.consumer, v.volume]));
      const next = { ...document, volumes: { ...document.volumes, [request.driver]: volumes } };
      checkCostModelInput({ document: next }, false);
      await m.update(
        CostModelVersionEntity,
        { id: versionId },
        { document: next, documentHash: canonicalHash(next), updatedAt: now },
      );
      await m.insert(RegisterImportEntity, {
        id: view.id!,
        modelVersionId: versionId,
        driverId: request.driver,
        registerKind: kind,
        asOf: request.asOf,
        fileName: view.fileName,
        fileHash: view.fileHash,
        mappingId: mapping.id,
        settings: {
          mapping: { id: mapping.id, name: mapping.name, rules: mapping.rules },
          quantityColumn: request.quantityColumn ?? null,
          statusColumn: request.statusColumn ?? null,
        },
        totalRows: count.totalRows,
        countedRows: count.countedRows,
        result: { ...count, previous: view.previous },
        createdAt: now,
        createdBy: actor.principal.name,
        // under the version's row lock (SQLite: the one writer), so two imports never share a number
        sequence:
          ((await m.maximum(RegisterImportEntity, 'sequence', { modelVersionId: versionId })) ?? 0) + 1,
      });
      await recordAudit(
        m,
        actor,
        {
          action: 'register-import',
          entityType: 'cost-model-version',
          entityId: versionId,
          before: { driver: request.driver, volumes: before },
          after: {
            driver: request.driver,
            volumes,
            registerImportId: view.id,
            asOf: request.asOf,
            fileHash: view.fileHash,
          },
        },
        now,
      );
      return view;
    };
    return request.dryRun ? run(this.dataSource.manager) : inTransaction(this.dataSource, run);
  }

  /**
   * The imports into a version, newest first, those stored at one instant in reverse order of storing
   * (their sequence); the first of each driver is where its volumes come from.
   */
  async listForVersion(versionId: string, page: PageRequest): Promise<Page<RegisterImportView>> {
    const version = await this.dataSource.getRepository(CostModelVersionEntity).findOneBy({ id: versionId });
    if (!version) throw costModelNotFound(versionId);
    return findPage(
      this.dataSource.getRepository(RegisterImportEntity),
      { where: { modelVersionId: versionId }, order: { createdAt: 'DESC', sequence: 'DESC' } },
      page,
      importView,
    );
  }
}

function importView(e: RegisterImportEntity): RegisterImportView {
  const settings = e.settings as { mapping: { id: string; name: string } };
  const result = e.result as RegisterCount & { previous?: RegisterImportView['previous'] };
  return {
    ...result,
    id: e.id,
    modelVersionId: e.modelVersionId,
    driver: e.driverId,
    kind: e.registerKind,
    asOf: e.asOf,
    fileName: e.fileName,
    fileHash: e.fileHash,
    mapping: { id: settings.mapping.id, name: settings.mapping.name },
    previous: result.previous ?? [],
    applied: true,
    createdAt: e.createdAt.toISOString(),
    createdBy: e.createdBy,
  };
}
