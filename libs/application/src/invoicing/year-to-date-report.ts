import { DataSource, In, Like } from 'typeorm';
import {
  ChargedInPeriod,
  costShareKeyPrefix,
  creditedLineOf,
  Money,
  yearToDate,
  yearToDateThrough,
  YearToDateConsumer,
  YearToDateFigures,
} from '@it-samverkan/domain';
import {
  DecisionEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
} from '@it-samverkan/persistence';
import { Principal } from '../common/principal';
import { decisionView } from '../decisions/decision.service';
import { approvedBudgetModel, yearlySharesOf } from './charge-sources';
import { Directory } from './directory';
import type { YearToDateFiguresView, YearToDateReportView } from './year-to-date-report-view';

const shown = (f: YearToDateFigures): YearToDateFiguresView => ({
  yearlyShare: f.yearlyShare.toString(),
  charged: f.charged.toString(),
  remaining: f.remaining.toString(),
  percentCharged: f.percentCharged,
});

/** Issued cost-share invoice lines of the year, less what issued credit notes took back (in their own period). */
async function invoicedCostShares(db: DataSource, year: number): Promise<ChargedInPeriod[]> {
  const lines = await db
    .getRepository(InvoiceLineEntity)
    .find({ where: { sourceKey: Like(`${costShareKeyPrefix(year)}%`) } });
  const credits = await db.getRepository(InvoiceLineEntity).find({ where: { source: 'credit' } });
  const invoiceIds = [...new Set([...lines, ...credits].map((l) => l.invoiceId))];
  const invoices = new Map(
    invoiceIds.length === 0
      ? []
      : (await db.getRepository(InvoiceEntity).findBy({ id: In(invoiceIds) })).map((i) => [i.id, i]),
  );
  const issued = (invoiceId: string) => invoices.get(invoiceId)?.status === 'issued';
  const byId = new Map(lines.map((l) => [l.id, l]));
  const charged: ChargedInPeriod[] = lines
    .filter((l) => l.consumerId && issued(l.invoiceId))
    .map((l) => ({ consumerId: l.consumerId!, period: invoices.get(l.invoiceId)!.period, amount: l.net }));
  for (const c of credits) {
    const credited = byId.get(creditedLineOf(c.sourceKey));
    if (!credited?.consumerId || !issued(c.invoiceId)) continue;
    charged.push({
      consumerId: credited.consumerId,
      period: invoices.get(c.invoiceId)!.period,
      amount: c.net.negate(),
    });
  }
  return charged;
}

/**
 * Year to date per consumer: the yearly share each consumer pays by cost share (the approved
 * budget split the charges come from, less services an agreement covers and appropriation-funded
 * ones) against what issued invoices and internal charges of the year have charged it through a
 * period. A scoped principal sees the consumers whose charges it is a party to: the issuer (the
 * host) sees all it charges, a partner only its own municipality's consumers.
 */
export async function yearToDateReport(
  db: DataSource,
  yearValue: number,
  throughKey: string | undefined,
  principal: Principal,
): Promise<YearToDateReportView> {
  const year = yearValue;
  const through = yearToDateThrough(year, throughKey);
  const directory = await Directory.load(db, through.firstDay, through.lastDay);
  const model = await approvedBudgetModel(db, year);
  const notes: string[] = [];
  if (!model) notes.push(`Det finns ingen godkänd budgetmodell för ${year}, så ingen har någon årsandel`);

  const shares = new Map<string, YearToDateConsumer>();
  for (const share of model ? yearlySharesOf(model) : []) {
    const consumer = directory.consumers.get(share.consumerId);
    if (!consumer) continue;
    // What is charged is private to its parties: the issuer (the host) and the consumer's municipality.
    if (principal.scope && ![directory.host.id, consumer.municipalityId].includes(principal.scope)) continue;
    if (directory.fundingOf(consumer, share.serviceId) === 'appropriation') continue;
    if (directory.coveringAgreement(consumer, share.serviceId, through)) continue;
    const own = shares.get(consumer.id) ?? {
      consumerId: consumer.id,
      municipalityId: consumer.municipalityId,
      yearlyShare: Money.ZERO,
    };
    shares.set(consumer.id, { ...own, yearlyShare: own.yearlyShare.plus(share.amount) });
  }
  const internal = await db
    .getRepository(InternalChargeEntity)
    .find({ where: { sourceKey: Like(`${costShareKeyPrefix(year)}%`) } });
  const charged = [
    ...(await invoicedCostShares(db, year)),
    ...internal.map((c) => ({ consumerId: c.unitId, period: c.period, amount: c.amount })),
  ].filter((c) => shares.has(c.consumerId));

  const result = yearToDate({ year, through, consumers: [...shares.values()], charged });
  const decision = model?.decisionId
    ? await db.getRepository(DecisionEntity).findOneBy({ id: model.decisionId })
    : null;
  const decided = decision ? decisionView(decision) : null;
  return {
    year,
    through: result.through,
    model: model && {
      id: model.id,
      name: model.name,
      decision: decided && { id: decided.id, reference: decided.reference, date: decided.date },
    },
    consumers: result.consumers.map((c) => {
      const consumer = directory.consumers.get(c.consumerId)!;
      return {
        consumerId: c.consumerId,
        name: consumer.name,
        municipalityId: c.municipalityId,
        fundingMode: directory.fundingOf(consumer, null),
        ...shown(c),
      };
    }),
    municipalities: result.municipalities.map((x) => ({
      municipalityId: x.municipalityId,
      name: directory.municipalities.get(x.municipalityId)?.name ?? x.municipalityId,
      ...shown(x),
    })),
    total: shown(result.total),
    notes,
  };
}
