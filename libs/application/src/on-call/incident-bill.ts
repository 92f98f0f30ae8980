import { DataSource, EntityManager } from 'typeorm';
import {
  billIncident,
  ClassMinutes,
  DomainError,
  formatLocalDateTime,
  nextMonth,
  OnCallClass,
  selectTariff,
} from '@it-samverkan/domain';
import { IncidentEntity, PeriodCloseEntity } from '@it-samverkan/persistence';
import { loadOnCallTariffs, StoredOnCallTariff } from './on-call-tariff.service';

/** The `bill` column of an incident: what it was billed and why, as billed. */
export interface StoredIncidentBill {
  tariffValidFrom: string;
  timezone: string;
  /** Local start and end in the tariff's time zone, 'YYYY-MM-DD HH:MM'. */
  startLocal: string;
  endLocal: string;
  elapsedMinutes: number;
  supportMinutes: number;
  rawMinutes: ClassMinutes;
  /** Rounded per class, after the minimum. */
  minutes: ClassMinutes;
  billableMinutes: number;
  insideSupportHours: boolean;
  firstClass: OnCallClass | null;
  /** The month of the start when that month was closed and the incident went to a later one. */
  latePeriodFrom: string | null;
}

/** An incident to bill: times already read, consumer already checked. */
export interface IncidentToBill {
  id: string;
  consumer: string;
  system: string;
  description: string;
  start: Date;
  end: Date;
}

/** What billing an incident needs from the database, read once per request. */
export interface OnCallBillingContext {
  tariffs: StoredOnCallTariff[];
  /** The time zone every tariff version uses; local input times are read in it. */
  timezone: string;
  closedMonths: Set<string>;
}

/** Loads the tariff versions and closed months; no tariff at all is a 422. */
export async function loadBillingContext(db: DataSource | EntityManager): Promise<OnCallBillingContext> {
  const tariffs = await loadOnCallTariffs(db);
  if (tariffs.length === 0) {
    throw new DomainError(
      'ON_CALL_TARIFF_MISSING',
      'Det finns ingen beredskapstaxa; lägg in en innan ärenden registreras',
      'unprocessable',
    );
  }
  const closed = await db.getRepository(PeriodCloseEntity).find();
  return {
    tariffs,
    timezone: tariffs[tariffs.length - 1].tariff.timezone,
    closedMonths: new Set(closed.map((c) => c.month)),
  };
}

/** The first month from `month` on that is not closed (DOMAIN.md 7: late items go to the first open period). */
export function firstOpenMonth(month: string, closedMonths: ReadonlySet<string>): string {
  let candidate = month;
  while (closedMonths.has(candidate)) candidate = nextMonth(candidate);
  return candidate;
}

/**
 * Bills an incident with the tariff in force on its start date and places it in the month of
 * its local start, or the first open month after it. Throws the engine's DomainError when no
 * tariff applies.
 */
export function billIncidentForStorage(
  context: OnCallBillingContext,
  incident: IncidentToBill,
  now: Date,
): IncidentEntity {
  const chosen = selectTariff(
    context.tariffs.map((t) => t.tariff),
    incident.start,
  );
  const stored = context.tariffs.find((t) => t.tariff === chosen)!;
  const bill = billIncident(chosen, { start: incident.start, end: incident.end });
  const startLocal = formatLocalDateTime(incident.start, chosen.timezone);
  const startMonth = startLocal.slice(0, 7);
  const period = firstOpenMonth(startMonth, context.closedMonths);
  const storedBill: StoredIncidentBill = {
    tariffValidFrom: chosen.validFrom,
    timezone: chosen.timezone,
    startLocal,
    endLocal: formatLocalDateTime(incident.end, chosen.timezone),
    elapsedMinutes: bill.elapsedMinutes,
    supportMinutes: bill.supportMinutes,
    rawMinutes: { ...bill.rawMinutes },
    minutes: { ...bill.minutes },
    billableMinutes: bill.billableMinutes,
    insideSupportHours: bill.insideSupportHours,
    firstClass: bill.firstClass,
    latePeriodFrom: period === startMonth ? null : startMonth,
  };
  return Object.assign(new IncidentEntity(), {
    id: incident.id,
    consumerId: incident.consumer,
    system: incident.system,
    description: incident.description,
    startAt: incident.start,
    endAt: incident.end,
    period,
    tariffId: stored.id,
    bill: storedBill,
    amount: bill.amount,
    createdAt: now,
  });
}
