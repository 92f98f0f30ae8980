import {
  billIncident,
  ClassMinutes,
  DomainError,
  formatLocalDateTime,
  Money,
  OnCallTariff,
  Problem,
  selectTariff,
  ValidationError,
  validateOnCallTariff,
} from '@it-samverkan/domain';
import { parseIncidentCsv } from '@it-samverkan/files';
import { orderedMinutes } from './incident-view';

/** One incident of a file, billed. */
export interface OnCallFileIncident {
  line: number;
  id: string;
  consumer: string;
  startLocal: string;
  endLocal: string;
  /** Rounded per class, after the minimum. */
  minutes: ClassMinutes;
  billableMinutes: number;
  amount: Money;
  insideSupportHours: boolean;
}

/** A file of incidents billed under a tariff: incidents in file order, totals per consumer in order of first appearance. */
export interface OnCallFileBilling {
  incidents: OnCallFileIncident[];
  totals: Map<string, Money>;
}

/** The `on-call --json` document (a contract: field names, order and formats stay as they are). */
export interface OnCallFileJson {
  incidents: Array<{
    id: string;
    consumer: string;
    minutes: ClassMinutes;
    billableMinutes: number;
    amount: string;
  }>;
  totals: Record<string, string>;
}

/**
 * Bills an incident CSV (DOMAIN.md 6.4) under a tariff document or an array of tariff versions,
 * without a database. Invalid input is one ValidationError listing every problem.
 */
export function billOnCallFile(tariffInput: unknown, csvText: string): OnCallFileBilling {
  const tariffs = readTariffVersions(tariffInput);
  const timezone = tariffs[tariffs.length - 1].timezone;
  const { rows } = parseIncidentCsv(csvText, timezone);
  const problems: Problem[] = [];
  const incidents: OnCallFileIncident[] = [];
  for (const row of rows) {
    try {
      const tariff = selectTariff(tariffs, row.start);
      const bill = billIncident(tariff, row);
      incidents.push({
        line: row.line,
        id: row.id,
        consumer: row.consumer,
        startLocal: formatLocalDateTime(row.start, tariff.timezone),
        endLocal: formatLocalDateTime(row.end, tariff.timezone),
        minutes: orderedMinutes(bill.minutes),
        billableMinutes: bill.billableMinutes,
        amount: bill.amount,
        insideSupportHours: bill.insideSupportHours,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ path: `line ${row.line}.start`, message: `Rad ${row.line}: ${error.message}` });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(problems, `Filen har ${problems.length} fel`, 'INCIDENT_CSV_INVALID');
  }
  const totals = new Map<string, Money>();
  for (const i of incidents) totals.set(i.consumer, (totals.get(i.consumer) ?? Money.ZERO).plus(i.amount));
  return { incidents, totals };
}

/** The contract document of `on-call --json`. */
export function onCallFileJson(billing: OnCallFileBilling): OnCallFileJson {
  return {
    incidents: billing.incidents.map((i) => ({
      id: i.id,
      consumer: i.consumer,
      minutes: orderedMinutes(i.minutes),
      billableMinutes: i.billableMinutes,
      amount: i.amount.toString(),
    })),
    totals: Object.fromEntries([...billing.totals].map(([consumer, total]) => [consumer, total.toString()])),
  };
}

/** One tariff document, or an array of versions (distinct validFrom, one time zone). */
function readTariffVersions(input: unknown): OnCallTariff[] {
  if (!Array.isArray(input)) return [validateOnCallTariff(input)];
  const problems: Problem[] = [];
  const tariffs: OnCallTariff[] = [];
  if (input.length === 0) problems.push({ path: '', message: 'Filen innehåller ingen beredskapstaxa' });
  input.forEach((doc, index) => {
    try {
      tariffs.push(validateOnCallTariff(doc));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const d of error.details)
        problems.push({ path: `[${index}]${d.path ? `.${d.path}` : ''}`, message: d.message });
    }
  });
  const seen = new Set<string>();
  for (const t of tariffs) {
    if (seen.has(t.validFrom))
      problems.push({ path: 'validFrom', message: `Två versioner gäller från ${t.validFrom}` });
    seen.add(t.validFrom);
    if (t.timezone !== tariffs[0].timezone) {
      problems.push({ path: 'timezone', message: 'Alla versioner av taxan måste ha samma tidszon' });
    }
  }
  if (problems.length > 0)
    throw new ValidationError(problems, 'Beredskapstaxan är ogiltig', 'ON_CALL_TARIFF_INVALID');
  return tariffs.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}
