import { DataSource, In, Like } from 'typeorm';
import {
  budgetVersusActual,
  ChargedEntry,
  costShareKeyPrefix,
  creditedLineOf,
  remainingToCredit,
  YearInputs,
} from '@it-samverkan/domain';
import {
  CostModelVersionEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
} from '@it-samverkan/persistence';
import { Principal } from '../common/principal';
import { loadAccessDirectory } from '../access/access.service';
import { computeSplit } from '../cost-model/split-computation';
import type { BudgetVersusActualReport } from './budget-vs-actual-view';

export type { BudgetVersusActualReport } from './budget-vs-actual-view';

const modelRef = (e: CostModelVersionEntity | null) =>
  e ? { id: e.id, name: e.name, status: e.status } : null;

/**
 * Per year in the database: the budget and the actual model, each the latest approved, else the
 * latest draft (its status says which: a year whose budget IT-styrgruppen has not yet approved,
 * such as next year's while it is prepared, shows the proposal marked as a draft, DOMAIN.md 5.5), charged = issued cost-share invoice lines less their credits
 * plus internal charges of the year, settled = the year's final-settlement lines and charges.
 * Charged and settled follow the invoice privacy of DOMAIN.md 9: the host (the issuer, whose books
 * the internal charges are) and unscoped readers see all; a partner only its own municipality's consumers.
 */
export class BudgetVersusActualService {
  constructor(private readonly dataSource: DataSource) {}

  async report(principal: Principal): Promise<BudgetVersusActualReport> {
    const directory = await loadAccessDirectory(this.dataSource);
    const visibleAll = principal.scope === null || principal.scope === directory.cooperation.hostId;
    const versions = await this.dataSource
      .getRepository(CostModelVersionEntity)
      .find({ order: { year: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const years = [...new Set(versions.map((v) => v.year))];
    const latest = (list: CostModelVersionEntity[]) =>
      [...list]
        .sort(
          (a, b) =>
            (a.approvedAt?.getTime() ?? 0) - (b.approvedAt?.getTime() ?? 0) ||
            a.createdAt.getTime() - b.createdAt.getTime(),
        )
        .pop() ?? null;
    const out: BudgetVersusActualReport['years'] = [];
    for (const year of years) {
      const ofYear = versions.filter((v) => v.year === year);
      const approvedElseDraft = (kind: string) => {
        const list = ofYear.filter((v) => v.kind === kind);
        return latest(list.filter((v) => v.status === 'approved')) ?? list.at(-1) ?? null;
      };
      const budget = approvedElseDraft('budget');
      const actual = approvedElseDraft('actual');
      const inputs: YearInputs = {
        year,
        budget: budget ? computeSplit(budget.document).document : null,
        actual: actual ? computeSplit(actual.document).document : null,
        charged: await this.entries(costShareKeyPrefix(year)),
        settled: await this.entries(`settlement:${year}:`),
      };
      const [figures] = budgetVersusActual([inputs], (m) => visibleAll || m === principal.scope);
      out.push({ ...figures, budgetModel: modelRef(budget), actualModel: modelRef(actual) });
    }
    return { chargedVisibleFor: visibleAll ? 'all' : principal.scope!, years: out };
  }

  /** Issued invoice lines (less what credit notes took back) and internal charges whose source key starts so. */
  private async entries(prefix: string): Promise<ChargedEntry[]> {
    const lines = await this.dataSource
      .getRepository(InvoiceLineEntity)
      .find({ where: { sourceKey: Like(`${prefix}%`) } });
    const invoiceIds = [...new Set(lines.map((l) => l.invoiceId))];
    const issued = new Set(
      invoiceIds.length
        ? (
            await this.dataSource
              .getRepository(InvoiceEntity)
              .find({ where: { id: In(invoiceIds), status: 'issued' }, select: { id: true } })
          ).map((i) => i.id)
        : [],
    );
    const kept = lines.filter((l) => issued.has(l.invoiceId) && l.consumerId);
    const credits = kept.length
      ? await this.dataSource.getRepository(InvoiceLineEntity).find({ where: { source: 'credit' } })
      : [];
    const left = remainingToCredit(
      kept,
      credits.map((c) => ({ creditedLineId: creditedLineOf(c.sourceKey), net: c.net })),
    );
    const internal = await this.dataSource
      .getRepository(InternalChargeEntity)
      .find({ where: { sourceKey: Like(`${prefix}%`) } });
    return [
      ...kept.map((l, i) => ({
        consumerId: l.consumerId!,
        serviceId: l.serviceId,
        amount: left.lines[i].remaining,
      })),
      ...internal.map((c) => ({ consumerId: c.unitId, serviceId: c.serviceId, amount: c.amount })),
    ];
  }
}
