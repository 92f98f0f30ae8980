import { DataSource } from 'typeorm';
import {
  agreementFeeOfPeriod,
  costSharesOfPeriod,
  formatSourceKey,
  LineSource,
  lineForAmount,
  lineOf,
  Money,
  Period,
  PeriodShareLines,
  splitCostModel,
  spreadConsumerYear,
  toSplitResultDocument,
  validateCostModel,
} from '@it-samverkan/domain';
import { CostModelVersionEntity, DecisionEntity, ServiceAgreementEntity } from '@it-samverkan/persistence';
import { decisionView } from '../decisions/decision.service';
import { onCallLinesForPeriod } from '../on-call/on-call-billing';
import { developmentChargeInputs } from '../utveckling/development-charges';
import { ConsumerInfo, Directory } from './directory';

/** One amount to charge in a period, before it becomes an invoice line or an internal charge. */
export interface Charge {
  source: LineSource;
  sourceKey: string;
  /** The consumer charged; null for an agreement with a municipality as a whole. */
  consumer: ConsumerInfo | null;
  serviceId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: Money;
  net: Money;
  /** The agreement whose terms (VAT, reference, payment terms) the line takes; null: the buyer's default terms. */
  agreement: ServiceAgreementEntity | null;
}

/** A consumer's yearly amount of one service from the approved budget split. */
export interface YearlyShare {
  consumerId: string;
  serviceId: string;
  amount: Money;
  serviceName: string;
}

/** The approved budget model of a year (latest approval wins), or null. */
export async function approvedBudgetModel(
  db: DataSource,
  year: number,
): Promise<CostModelVersionEntity | null> {
  const rows = await db.getRepository(CostModelVersionEntity).find({
    where: { year, kind: 'budget', status: 'approved' },
    order: { approvedAt: 'DESC', id: 'ASC' },
    take: 1,
  });
  return rows[0] ?? null;
}

/** How documents cite the decision that approved a model ("IT-styrgruppen 2024-11-20 § 14"), or null. */
export async function approvingDecision(db: DataSource, decisionId: string | null): Promise<string | null> {
  const decision = decisionId ? await db.getRepository(DecisionEntity).findOneBy({ id: decisionId }) : null;
  return decision ? decisionView(decision).reference : null;
}

/**
 * Every consumer's yearly amount per service from the approved budget split, in model order:
 * the price list the year is charged on (DOMAIN.md 5.6).
 */
export function yearlySharesOf(model: CostModelVersionEntity): readonly YearlyShare[] {
  // An approved model never changes, and every run of its year splits it: split it once.
  const key = model.status === 'approved' ? `${model.id} ${model.documentHash}` : null;
  const known = key ? approvedShares.get(key) : undefined;
  if (known) return known;
  const shares = splitYearlyShares(model);
  if (key) {
    if (approvedShares.size >= 16) approvedShares.delete(approvedShares.keys().next().value!);
    approvedShares.set(key, shares);
    yearSpreads.set(shares, new Map());
  }
  return shares;
}

/** The yearly shares of the approved models split most recently (a handful of years at most). */
const approvedShares = new Map<string, readonly YearlyShare[]>();

/**
 * The whole year's spread of each consumer's paid services, per approved model's shares: every
 * run of the year takes its period from it instead of spreading the periods before it again
 * (month 12 spread all twelve). Gone with its shares when the model leaves `approvedShares`.
 */
const yearSpreads = new WeakMap<readonly YearlyShare[], Map<string, PeriodShareLines[]>>();

/** A consumer's cost-share lines of the period: the domain's spread, kept for the year when it may be. */
function periodLines(
  shares: readonly YearlyShare[],
  consumerId: string,
  paid: readonly YearlyShare[],
  period: Period,
): PeriodShareLines {
  const services = paid.map((s) => ({ serviceId: s.serviceId, yearly: s.amount }));
  const spreads = yearSpreads.get(shares);
  if (!spreads) return costSharesOfPeriod(services, period.perYear, period.index);
  // The same paid services spread the same way: the key names them (the amounts are the model's).
  const key = JSON.stringify([period.perYear, consumerId, ...paid.map((s) => s.serviceId)]);
  let year = spreads.get(key);
  if (!year) {
    year = spreadConsumerYear(services, period.perYear);
    spreads.set(key, year);
  }
  return year[period.index - 1];
}

function splitYearlyShares(model: CostModelVersionEntity): readonly YearlyShare[] {
  const parsed = validateCostModel(model.document);
  const doc = toSplitResultDocument(parsed, splitCostModel(parsed));
  const names = new Map(
    (model.document as { services: { id: string; name: string }[] }).services.map((s) => [s.id, s.name]),
  );
  return doc.consumers.flatMap((c) =>
    Object.entries(c.services).map(([serviceId, amount]) => ({
      consumerId: c.id,
      serviceId,
      amount: Money.parse(amount),
      serviceName: names.get(serviceId) ?? serviceId,
    })),
  );
}

/**
 * The period's cost-model shares of every known consumer (DOMAIN.md 5.6): the yearly amounts of
 * the services it pays by cost share (those no agreement of its party covers) spread by the domain.
 */
export function periodCostShares(
  shares: readonly YearlyShare[],
  directory: Directory,
  period: Period,
  warnings: string[],
): { consumer: ConsumerInfo; serviceId: string; serviceName: string; amount: Money }[] {
  const byConsumer = new Map<string, YearlyShare[]>();
  for (const share of shares) {
    const own = byConsumer.get(share.consumerId);
    if (own) own.push(share);
    else byConsumer.set(share.consumerId, [share]);
  }
  const rows: { consumer: ConsumerInfo; serviceId: string; serviceName: string; amount: Money }[] = [];
  for (const [consumerId, own] of byConsumer) {
    const consumer = directory.consumers.get(consumerId);
    if (!consumer) {
      const ended = directory.endedUnits.get(consumerId);
      warnings.push(
        ended
          ? `Enheten ${ended.name} (${consumerId}) upphörde ${ended.validTo} och debiteras inte för ${period.key}`
          : `Förbrukaren "${consumerId}" i kostnadsmodellen finns inte i organisationen och debiteras inte`,
      );
      continue;
    }
    const paid = own.filter((s) => !directory.coveringAgreement(consumer, s.serviceId, period));
    const lines = periodLines(shares, consumerId, paid, period);
    lines.services.forEach((line, i) => {
      if (!line.amount.isZero())
        rows.push({
          consumer,
          serviceId: line.serviceId,
          serviceName: paid[i].serviceName,
          amount: line.amount,
        });
    });
  }
  return rows;
}

/** Cost-model shares of the period as charges (one line per consumer and service). */
export function costShareCharges(
  shares: readonly YearlyShare[],
  directory: Directory,
  period: Period,
  warnings: string[],
): Charge[] {
  return periodCostShares(shares, directory, period, warnings).map(
    ({ consumer, serviceId, serviceName, amount }) => ({
      source: 'cost-share',
      sourceKey: formatSourceKey({
        kind: 'cost-share',
        period: period.key,
        consumerId: consumer.id,
        serviceId,
      }),
      consumer,
      serviceId,
      description: `${serviceName}, ${consumer.name}, ${period.key}`,
      ...lineForAmount(amount),
      unit: 'C62',
      agreement: null,
    }),
  );
}

const FREQUENCY_NAMES: Record<string, string> = {
  month: 'månad',
  quarter: 'kvartal',
  tertial: 'tertial',
  year: 'år',
};

/**
 * Agreement fees of the period (DOMAIN.md 7): every fee agreement in force is billed by the runs
 * of its own periods, or named in the warnings with the reason it is not billed by this run.
 * Hourly agreements are billed by the reported hours.
 */
export function agreementCharges(directory: Directory, period: Period, warnings: string[]): Charge[] {
  const charges: Charge[] = [];
  for (const agreement of directory.activeAgreements()) {
    if (agreement.priceModel === 'hourly') continue;
    const name = `Avtalet "${agreement.name}"`;
    if (agreement.frequency !== period.kind) {
      warnings.push(
        `${name} faktureras per ${FREQUENCY_NAMES[agreement.frequency]} och ingår inte i ${period.key}: kör avtalets perioder`,
      );
      continue;
    }
    let consumer: ConsumerInfo | null = null;
    if (agreement.partyKind === 'municipality') {
      if (!directory.municipalities.has(agreement.partyId)) {
        warnings.push(`${name} debiteras inte: kommunen ${agreement.partyId} finns inte`);
        continue;
      }
      if (agreement.partyId === directory.host.id) {
        warnings.push(`${name} debiteras inte: det gäller värdkommunen själv, som inte fakturerar sig själv`);
        continue;
      }
    } else {
      consumer = directory.consumers.get(agreement.partyId) ?? null;
      if (!consumer) {
        warnings.push(`${name} debiteras inte: parten ${agreement.partyId} finns inte i organisationen`);
        continue;
      }
    }
    const line = agreementFeeOfPeriod(agreement, period);
    if (line.net.isZero()) {
      warnings.push(`${name} debiteras inte i ${period.key}: avgiften för perioden är 0,00`);
      continue;
    }
    charges.push({
      source: 'agreement-fee',
      sourceKey: formatSourceKey({ kind: 'agreement', agreementId: agreement.id, period: period.key }),
      consumer,
      serviceId: null,
      description: `${agreement.name}, ${period.key}`,
      ...line,
      unit: 'C62',
      agreement,
    });
  }
  return charges;
}

/** On-call incidents billed in the period's months (one charge per incident, text in local time). */
export async function onCallCharges(db: DataSource, directory: Directory, period: Period): Promise<Charge[]> {
  const charges: Charge[] = [];
  for (const line of await onCallLinesForPeriod(db, period.months)) {
    const consumer = directory.consumers.get(line.consumerId);
    if (!consumer) continue;
    charges.push({
      source: 'on-call',
      sourceKey: formatSourceKey({ kind: 'on-call', incidentId: line.incidentId }),
      consumer,
      serviceId: null,
      description: line.description,
      ...lineForAmount(line.amount),
      unit: 'EA',
      agreement: null,
    });
  }
  return charges;
}

/**
 * Reported hours on additional development work (tilläggsuppdrag), billed to the requesting unit
 * at its party's hourly rate: the cooperation agreement's for municipalities' units, else the
 * party's service agreement's. Quantity in hours × the rate, net half-up to öre.
 */
export async function developmentCharges(
  db: DataSource,
  directory: Directory,
  period: Period,
  warnings: string[],
): Promise<Charge[]> {
  const charges: Charge[] = [];
  for (const input of await developmentChargeInputs(db, period.months)) {
    const consumer = directory.consumers.get(input.consumerId);
    if (!consumer) continue;
    const rateText =
      (consumer.kind === 'unit' ? directory.partyOf(consumer.municipalityId)?.hourlyRate : undefined) ??
      directory.agreedHourlyRate(consumer);
    if (!rateText) {
      const warning = `Timpris saknas för ${consumer.name}: utvecklingstimmar debiteras inte`;
      if (!warnings.includes(warning)) warnings.push(warning);
      continue;
    }
    charges.push({
      source: 'development',
      sourceKey: input.sourceKey,
      consumer,
      serviceId: null,
      description: input.description,
      ...lineOf(input.hours, Money.parse(rateText)),
      unit: 'HUR',
      agreement: null,
    });
  }
  return charges;
}
