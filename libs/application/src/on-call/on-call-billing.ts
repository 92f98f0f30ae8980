import { DataSource, EntityManager, In } from 'typeorm';
import { ClassMinutes, Money, parsePeriod } from '@it-samverkan/domain';
import { IncidentEntity } from '@it-samverkan/persistence';
import type { StoredIncidentBill } from './incident-bill';
import { orderedMinutes } from './incident-view';
import { consumersInScope, loadOnCallConsumers, OnCallConsumer } from './on-call-consumers';

/** One incident in the billing report. */
export interface OnCallBillingIncident {
  id: string;
  period: string;
  latePeriodFrom: string | null;
  startLocal: string;
  endLocal: string;
  system: string;
  description: string;
  /** Rounded per class, after the minimum. */
  minutes: ClassMinutes;
  billableMinutes: number;
  amount: string;
  /** False when the incident lay inside support hours: listed, costs nothing. */
  billed: boolean;
}

/** One consumer's incidents in the period and what they cost together. */
export interface OnCallBillingConsumer {
  consumer: string;
  name: string;
  kind: OnCallConsumer['kind'] | null;
  incidents: OnCallBillingIncident[];
  total: string;
}

/** The on-call billing of a period: per consumer, per incident, exact totals. */
export interface OnCallBillingReport {
  period: string;
  months: string[];
  consumers: OnCallBillingConsumer[];
  incidentCount: number;
  billedCount: number;
  total: string;
}

/** What the invoicing engine makes one invoice line of (source key `on-call:<incidentId>`). */
export interface OnCallInvoiceLine {
  incidentId: string;
  consumerId: string;
  /** The billing month, YYYY-MM. */
  period: string;
  /** Ready-made Swedish line text, e.g. "Beredskapsärende INC-1 2025-03-11 16:00–16:50, Lönesystem (60 min)". */
  description: string;
  system: string;
  incidentDescription: string;
  startLocal: string;
  endLocal: string;
  /** Rounded per class, after the minimum. */
  minutes: ClassMinutes;
  billableMinutes: number;
  amount: Money;
}

/**
 * The billed incidents (amount above zero) whose billing month is one of `months`, ordered by
 * month, consumer, start and id. The invoicing engine makes one line of each; this shape is stable.
 */
export async function onCallLinesForPeriod(
  db: DataSource | EntityManager,
  months: string[],
): Promise<OnCallInvoiceLine[]> {
  if (months.length === 0) return [];
  const rows = await db.getRepository(IncidentEntity).find({
    where: { period: In(months) },
    order: { period: 'ASC', consumerId: 'ASC', startAt: 'ASC', id: 'ASC' },
  });
  return rows
    .filter((r) => r.amount.isPositive())
    .map((r) => {
      const bill = r.bill as StoredIncidentBill;
      return {
        incidentId: r.id,
        consumerId: r.consumerId,
        period: r.period,
        description: lineText(r, bill),
        system: r.system,
        incidentDescription: r.description,
        startLocal: bill.startLocal,
        endLocal: bill.endLocal,
        minutes: orderedMinutes(bill.minutes),
        billableMinutes: bill.billableMinutes,
        amount: r.amount,
      };
    });
}

/** The on-call billing of a month, quarter or year, per consumer; a scoped principal sees its municipality's consumers. */
export async function onCallBillingReport(
  db: DataSource,
  periodText: string,
  scope: string | null,
): Promise<OnCallBillingReport> {
  const period = parsePeriod(periodText);
  const all = await loadOnCallConsumers(db);
  const visible = consumersInScope(all, scope);
  const rows = (
    await db.getRepository(IncidentEntity).find({
      where: { period: In(period.months) },
      order: { consumerId: 'ASC', startAt: 'ASC', id: 'ASC' },
    })
  ).filter((r) => scope === null || visible.has(r.consumerId));

  const byConsumer = new Map<string, IncidentEntity[]>();
  for (const r of rows) byConsumer.set(r.consumerId, [...(byConsumer.get(r.consumerId) ?? []), r]);
  const consumers: OnCallBillingConsumer[] = [...byConsumer].map(([id, incidents]) => ({
    consumer: id,
    name: all.get(id)?.name ?? id,
    kind: all.get(id)?.kind ?? null,
    incidents: incidents.map(billingIncident),
    total: Money.sum(incidents.map((i) => i.amount)).toString(),
  }));
  return {
    period: period.key,
    months: period.months,
    consumers,
    incidentCount: rows.length,
    billedCount: rows.filter((r) => !(r.bill as StoredIncidentBill).insideSupportHours).length,
    total: Money.sum(rows.map((r) => r.amount)).toString(),
  };
}

function billingIncident(r: IncidentEntity): OnCallBillingIncident {
  const bill = r.bill as StoredIncidentBill;
  return {
    id: r.id,
    period: r.period,
    latePeriodFrom: bill.latePeriodFrom,
    startLocal: bill.startLocal,
    endLocal: bill.endLocal,
    system: r.system,
    description: r.description,
    minutes: orderedMinutes(bill.minutes),
    billableMinutes: bill.billableMinutes,
    amount: r.amount.toString(),
    billed: !bill.insideSupportHours,
  };
}

function lineText(r: IncidentEntity, bill: StoredIncidentBill): string {
  const sameDay = bill.startLocal.slice(0, 10) === bill.endLocal.slice(0, 10);
  const end = sameDay ? bill.endLocal.slice(11) : bill.endLocal;
  const system = r.system ? `, ${r.system}` : '';
  return `Beredskapsärende ${r.id} ${bill.startLocal}–${end}${system} (${bill.billableMinutes} min)`;
}

/** The billing report for the API, bound to a data source. */
export class OnCallBillingService {
  constructor(private readonly dataSource: DataSource) {}

  report(periodText: string, scope: string | null): Promise<OnCallBillingReport> {
    return onCallBillingReport(this.dataSource, periodText, scope);
  }
}
