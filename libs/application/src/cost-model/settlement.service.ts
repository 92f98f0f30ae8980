import { DataSource } from 'typeorm';
import { DomainError, Money } from '@it-samverkan/domain';
import { CostModelService } from './cost-model.service';
import { computeSplit } from './split-computation';
import { SettlementDocument, settlementDocument } from './settlement-document';

export interface SettlementOptions {
  /** Only this municipality's lines (a scoped token). */
  scope?: string | null;
  now: Date;
}

/**
 * Year-end settlement (slutavräkning, DOMAIN.md 5.6): what each consumer was charged during the
 * year against its share of the year's actual (utfall) model.
 */
export class SettlementService {
  private readonly versions: CostModelService;

  constructor(dataSource: DataSource) {
    this.versions = new CostModelService(dataSource);
  }

  /**
   * The settlement of a year for the given charges (consumer → what it paid during the year),
   * against the latest actual version of the year, approved or not (the document says which).
   */
  async settlementFor(
    year: number,
    charged: ReadonlyMap<string, Money>,
    options: SettlementOptions,
  ): Promise<SettlementDocument> {
    return this.settle(year, charged, 'given', options);
  }

  /**
   * The settlement when consumers were charged their share of the approved budget split (fixed
   * shares per period add up to the budget share over the year).
   */
  async settlementFromBudget(year: number, options: SettlementOptions): Promise<SettlementDocument> {
    const budget = await this.versions.approvedBudget(year);
    if (!budget) {
      throw new DomainError(
        'NO_APPROVED_BUDGET',
        `Det finns ingen godkänd budgetmodell för ${year}; ange debiterat belopp per förbrukare`,
        'unprocessable',
      );
    }
    const split = computeSplit(budget.document);
    const charged = new Map(split.split.consumers.map((c) => [c.id, c.total]));
    return this.settle(year, charged, 'budget-split', options);
  }

  private async settle(
    year: number,
    charged: ReadonlyMap<string, Money>,
    source: SettlementDocument['chargedSource'],
    options: SettlementOptions,
  ): Promise<SettlementDocument> {
    const actual = await this.versions.latestActual(year);
    if (!actual)
      throw new DomainError(
        'NO_ACTUAL_MODEL',
        `Det finns ingen utfallsmodell (kind actual) för ${year}`,
        'unprocessable',
      );
    const budget = await this.versions.approvedBudget(year);
    const budgetModel = budget ? computeSplit(budget.document).model : null;
    return settlementDocument({
      year,
      actual: computeSplit(actual.document),
      actualModel: { id: actual.id, name: actual.name, status: actual.status },
      charged,
      chargedSource: source,
      budgetModel: budget ? { id: budget.id, name: budget.name } : null,
      knownConsumers: new Map(
        (budgetModel?.consumers ?? []).map((c) => [c.id, { name: c.name, municipality: c.municipality }]),
      ),
      scope: options.scope ?? null,
      now: options.now,
    });
  }
}
