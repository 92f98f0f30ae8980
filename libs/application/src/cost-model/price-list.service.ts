import { DataSource } from 'typeorm';
import {
  DomainError,
  PriceList,
  priceListOf,
  PricedModel,
  splitCostModel,
  validateCostModel,
} from '@it-samverkan/domain';
import type { PriceListFile } from '@it-samverkan/files';
import { CostModelVersionEntity, DecisionEntity } from '@it-samverkan/persistence';
import { swedishDate } from '../common/swedish-date';
import { decisionView, DecisionView } from '../decisions/decision.service';
import { approvedBudgetModel } from '../invoicing/charge-sources';

export const PRICE_LIST_FORMAT = 'it-samverkan/price-list@1';

/** The price list of a year as JSON (API, CLI): the document the PDF and XLSX print. */
export interface PriceListView {
  format: typeof PRICE_LIST_FORMAT;
  /** "Prislista IT-tjänster 2026". */
  title: string;
  year: number;
  /** 'YYYY-MM-DD' (Sweden): the date the list was made. */
  generatedOn: string;
  model: { id: string; name: string; approvedAt: string | null };
  /** The IT-styrgruppen decision that approved the budget model (date, forum, §). */
  decision: DecisionView | null;
  /** Last year's approved budget the changes are measured against; null: every service is "ny". */
  previous: { id: string; name: string; year: number } | null;
  lines: {
    serviceId: string;
    name: string;
    description: string | null;
    driverId: string;
    driverName: string;
    unit: string;
    volume: string;
    total: string;
    unitPrice: string;
    previousUnitPrice: string | null;
    change: string | null;
    changePercent: string | null;
    /** True when last year's budget had no price for the service ("ny"). */
    isNew: boolean;
  }[];
}

const priced = (entity: CostModelVersionEntity): PricedModel => {
  const model = validateCostModel(entity.document);
  return { model, split: splitCostModel(model) };
};

function lineViews(list: PriceList): PriceListView['lines'] {
  return list.lines.map((l) => ({
    serviceId: l.serviceId,
    name: l.name,
    description: l.description,
    driverId: l.driverId,
    driverName: l.driverName,
    unit: l.unit,
    volume: l.volume.toString(),
    total: l.total.toString(),
    unitPrice: l.unitPrice.toString(),
    previousUnitPrice: l.previousUnitPrice?.toString() ?? null,
    change: l.change?.toString() ?? null,
    changePercent: l.changePercent,
    isNew: l.previousUnitPrice === null,
  }));
}

/** What the PDF and XLSX print, from the JSON view. */
export function priceListFile(view: PriceListView): PriceListFile {
  return {
    title: view.title,
    year: view.year,
    model: view.model.name,
    previousYear: view.previous?.year ?? null,
    decision: view.decision ? { reference: view.decision.reference, subject: view.decision.subject } : null,
    generatedOn: view.generatedOn,
    lines: view.lines,
  };
}

/** The yearly price list (prislista, DOMAIN.md 5.6) from the approved budget model of the year. */
export class PriceListService {
  constructor(private readonly db: DataSource) {}

  /** The price list of `year`; 404 when the year has no approved budget model. */
  async forYear(year: number, now: Date): Promise<PriceListView> {
    const current = await approvedBudgetModel(this.db, year);
    if (!current)
      throw new DomainError(
        'PRICE_LIST_NOT_FOUND',
        `Det finns ingen godkänd budgetmodell för ${year} och därför ingen prislista; IT-styrgruppen godkänner budgeten först`,
        'not-found',
      );
    const previous = await approvedBudgetModel(this.db, year - 1);
    const list = priceListOf(priced(current), previous ? priced(previous) : null);
    const decision = current.decisionId
      ? await this.db.getRepository(DecisionEntity).findOneBy({ id: current.decisionId })
      : null;
    return {
      format: PRICE_LIST_FORMAT,
      title: `Prislista IT-tjänster ${year}`,
      year,
      generatedOn: swedishDate(now),
      model: { id: current.id, name: current.name, approvedAt: current.approvedAt?.toISOString() ?? null },
      decision: decision ? decisionView(decision) : null,
      previous: previous ? { id: previous.id, name: previous.name, year: previous.year } : null,
      lines: lineViews(list),
    };
  }
}
