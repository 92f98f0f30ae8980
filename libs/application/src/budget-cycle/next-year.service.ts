import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  checkPoolIndices,
  compareModelYears,
  CostModelDocument,
  DomainError,
  indexPoolAmounts,
  Money,
  Problem,
  ValidationError,
  YearComparison,
} from '@it-samverkan/domain';
import { CostModelBasisEntity, CostModelVersionEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { canonicalHash } from '../cost-model/canonical-hash';
import { checkCostModelInput, costModelNotFound } from '../cost-model/cost-model.service';
import { auditedVersion, costModelSummary, CostModelVersionSummary } from '../cost-model/cost-model-view';
import { computeSplit } from '../cost-model/split-computation';

export interface NextYearInput {
  /** Percent per pool id, e.g. {"personal": "3.5", "licenser": "6"}; pools not named keep 0 %. */
  indices: unknown;
  name?: string;
}

/** A model version and what changed against the version it is compared with. */
export interface YearChanges {
  version: CostModelVersionSummary;
  against: CostModelVersionSummary;
  /** The indices it was drafted with, when it was drafted from `against`. */
  indices: Record<string, string> | null;
  changes: YearComparison;
}

/**
 * Next year from this year: a draft budget for year + 1 from an approved model, its pools indexed
 * by `indexPoolAmounts` (the indexed total half-up to öre, divided over the pools by 5.2 with the
 * exact indexed amounts as weights), everything else — consumers, drivers, services, volumes —
 * carried over; a fresh register import then replaces a driver's volumes.
 */
export class NextYearService {
  constructor(private readonly dataSource: DataSource) {}

  async draftNextYear(fromId: string, input: NextYearInput, actor: Actor, now: Date): Promise<YearChanges> {
    const id = randomUUID();
    await inTransaction(this.dataSource, async (m) => {
      const source = await m.findOneBy(CostModelVersionEntity, { id: fromId });
      if (!source) throw costModelNotFound(fromId);
      const document = source.document as CostModelDocument;
      const problems: Problem[] = checkPoolIndices(
        input.indices,
        document.pools.map((p) => p.id),
      );
      if (input.name !== undefined && (typeof input.name !== 'string' || input.name.trim() === ''))
        problems.push({ path: 'name', message: 'name får inte vara tomt' });
      if (problems.length) throw new ValidationError(problems, 'Indexen är ogiltiga', 'INDEX_INVALID');
      if (source.status !== 'approved')
        throw new DomainError(
          'COST_MODEL_NOT_APPROVED',
          `Nästa års budget utgår från en godkänd version; "${source.name}" är ett utkast`,
          'unprocessable',
        );
      const indices = Object.fromEntries(
        Object.entries(input.indices as Record<string, string | number>).map(([k, v]) => [
          k,
          String(v).trim(),
        ]),
      );
      const indexed = indexPoolAmounts(
        document.pools.map((p) => ({ id: p.id, amount: Money.parse(p.amount) })),
        indices,
      );
      const year = source.year + 1;
      const next: CostModelDocument = {
        ...document,
        name: input.name?.trim() || `Tjänstefiering ${year}, budget`,
        year,
        pools: document.pools.map((p, i) => ({ ...p, amount: indexed[i].amount.toString() })),
      };
      const model = checkCostModelInput({ document: next }, false);
      const entity = Object.assign(new CostModelVersionEntity(), {
        id,
        name: model.name,
        year,
        kind: 'budget' as const,
        status: 'draft' as const,
        document: next,
        documentHash: canonicalHash(next),
        decisionId: null,
        approvedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(CostModelVersionEntity, entity);
      await m.insert(CostModelBasisEntity, {
        modelVersionId: id,
        basedOnId: fromId,
        indices,
        createdAt: now,
      });
      await recordAudit(
        m,
        actor,
        {
          action: 'draft-next-year',
          entityType: 'cost-model-version',
          entityId: id,
          after: { ...auditedVersion(entity, true), basedOn: fromId, indices },
        },
        now,
      );
    });
    return this.changes(id);
  }

  /**
   * What changed: against the version it was drafted from, else against the latest approved budget
   * of the year before (404 NO_PREVIOUS_YEAR when there is none).
   */
  async changes(id: string): Promise<YearChanges> {
    const versions = this.dataSource.getRepository(CostModelVersionEntity);
    const version = await versions.findOneBy({ id });
    if (!version) throw costModelNotFound(id);
    const basis = await this.dataSource.getRepository(CostModelBasisEntity).findOneBy({ modelVersionId: id });
    const against = basis
      ? await versions.findOneBy({ id: basis.basedOnId })
      : await versions.findOne({
          where: { year: version.year - 1, kind: 'budget', status: 'approved' },
          order: { approvedAt: 'DESC', createdAt: 'DESC', id: 'ASC' },
        });
    if (!against)
      throw new DomainError(
        'NO_PREVIOUS_YEAR',
        `Det finns ingen godkänd budget för ${version.year - 1} att jämföra med`,
        'not-found',
      );
    return {
      version: costModelSummary(version, null),
      against: costModelSummary(against, null),
      indices: basis?.indices ?? null,
      changes: compareModelYears(computeSplit(against.document), computeSplit(version.document)),
    };
  }
}
