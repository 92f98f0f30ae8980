import { ClassMinutes } from '@it-samverkan/domain';
import { IncidentEntity } from '@it-samverkan/persistence';
import type { StoredIncidentBill } from './incident-bill';

/** An incident as the API shows it: times in UTC and local, its billing month and bill. */
export interface IncidentView {
  id: string;
  consumer: string;
  system: string;
  description: string;
  /** UTC instants. */
  start: string;
  end: string;
  /** Local times in the tariff's time zone, 'YYYY-MM-DD HH:MM'. */
  startLocal: string;
  endLocal: string;
  timezone: string;
  /** The billing month, YYYY-MM. */
  period: string;
  /** The (closed) month of the start when the incident was moved to a later open month, else null. */
  latePeriodFrom: string | null;
  tariffId: string;
  tariffValidFrom: string;
  elapsedMinutes: number;
  rawMinutes: ClassMinutes;
  /** Rounded per class, after the minimum. */
  minutes: ClassMinutes;
  billableMinutes: number;
  amount: string;
  /** False for an incident entirely inside support hours: it costs nothing (DOMAIN.md 6.2 rule 6). */
  billed: boolean;
}

/** The view of a stored incident. */
export function incidentView(e: IncidentEntity): IncidentView {
  const bill = e.bill as StoredIncidentBill;
  return {
    id: e.id,
    consumer: e.consumerId,
    system: e.system,
    description: e.description,
    start: e.startAt.toISOString(),
    end: e.endAt.toISOString(),
    startLocal: bill.startLocal,
    endLocal: bill.endLocal,
    timezone: bill.timezone,
    period: e.period,
    latePeriodFrom: bill.latePeriodFrom,
    tariffId: e.tariffId,
    tariffValidFrom: bill.tariffValidFrom,
    elapsedMinutes: bill.elapsedMinutes,
    rawMinutes: orderedMinutes(bill.rawMinutes),
    minutes: orderedMinutes(bill.minutes),
    billableMinutes: bill.billableMinutes,
    amount: e.amount.toString(),
    billed: !bill.insideSupportHours,
  };
}

/** Minutes per class in the order documents show them: evening, night, weekend, holiday. */
export function orderedMinutes(m: ClassMinutes): ClassMinutes {
  return { evening: m.evening, night: m.night, weekend: m.weekend, holiday: m.holiday };
}
