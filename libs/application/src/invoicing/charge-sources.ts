import { DataSource } from 'typeorm';
import {
  Dec,
  Money,
  Period,
  spreadEvenly,
  splitCostModel,
  toSplitResultDocument,
  validateCostModel,
} from '@it-samverkan/domain';
import { CostModelVersionEntity, LineSource, ServiceAgreementEntity } from '@it-samverkan/persistence';
import { onCallLinesForPeriod } from '../on-call/on-call-billing';
import { developmentChargeInputs } from '../utveckling/development-charges';
import { ConsumerInfo, Directory } from './directory';

/** One amount to charge in a period, before it becomes an invoice line or an internal charge. */
export interface Charge {
  source: LineSource;
  sourceKey: string;
  consumer: ConsumerInfo;
  serviceId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: Money;
  net: Money;
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

/**
 * Every consumer's yearly amount per service from the approved budget split, in model order:
 * the price list the year is charged on (DOMAIN.md 5.6).
 */
export function yearlySharesOf(
  model: CostModelVersionEntity,
): { consumerId: string; serviceId: string; amount: Money; serviceName: string }[] {
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

/** A consumer's share of the period: the yearly amount spread over the year's periods, earliest first. */
export function periodShare(yearly: Money, period: Period): Money {
  return spreadEvenly(yearly, period.perYear)[period.index - 1];
}

/** Cost-model shares of the period for consumers with a share in the approved budget. */
export function costShareCharges(
  shares: ReturnType<typeof yearlySharesOf>,
  directory: Directory,
  period: Period,
  warnings: string[],
): Charge[] {
  const charges: Charge[] = [];
  for (const share of shares) {
    const consumer = directory.consumers.get(share.consumerId);
    if (!consumer) {
      if (!warnings.some((w) => w.includes(`"${share.consumerId}"`))) {
        warnings.push(
          `Förbrukaren "${share.consumerId}" i kostnadsmodellen finns inte i organisationen och debiteras inte`,
        );
      }
      continue;
    }
    const net = periodShare(share.amount, period);
    if (net.isZero()) continue;
    charges.push({
      source: 'cost-share',
      sourceKey: `cost-share:${period.key}:${consumer.id}:${share.serviceId}`,
      consumer,
      serviceId: share.serviceId,
      description: `${share.serviceName}, ${consumer.name}, ${period.key}`,
      quantity: '1',
      unit: 'C62',
      unitPrice: net,
      net,
    });
  }
  return charges;
}

/** The yearly amount of a fixed-fee or unit-price agreement, indexed for the year. */
export function agreementYearlyAmount(agreement: ServiceAgreementEntity, year: number): Money {
  const base =
    agreement.priceModel === 'fixed-yearly'
      ? agreement.yearlyFee!
      : agreement.unitPrice!.timesHalfUp(new Dec(agreement.volume ?? '0'));
  const index = agreement.indexation[String(year)];
  return index ? base.timesHalfUp(new Dec(1).plus(new Dec(index).dividedBy(100))) : base;
}

/** Agreement fees of the period for agreements invoiced at the period's frequency. */
export function agreementCharges(directory: Directory, period: Period): Charge[] {
  const charges: Charge[] = [];
  for (const agreement of directory.activeAgreements()) {
    if (agreement.frequency !== period.kind || agreement.priceModel === 'hourly') continue;
    const consumer = directory.consumers.get(agreement.partyId);
    if (!consumer) continue;
    const net = periodShare(agreementYearlyAmount(agreement, period.year), period);
    const perUnit = agreement.priceModel === 'unit-price';
    charges.push({
      source: 'agreement-fee',
      sourceKey: `agreement:${agreement.id}:${period.key}`,
      consumer,
      serviceId: null,
      description: `${agreement.name}, ${period.key}`,
      quantity: '1',
      unit: perUnit ? 'C62' : 'C62',
      unitPrice: net,
      net,
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
      sourceKey: `on-call:${line.incidentId}`,
      consumer,
      serviceId: null,
      description: line.description,
      quantity: '1',
      unit: 'EA',
      unitPrice: line.amount,
      net: line.amount,
    });
  }
  return charges;
}

/**
 * Reported hours on additional development work (tilläggsuppdrag), billed to the requesting unit
 * at its party's hourly rate: the cooperation agreement's for municipalities' units, the service
 * agreement's for companies and committees.
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
      consumer.kind === 'unit'
        ? directory.partyOf(consumer.municipalityId)?.hourlyRate
        : directory
            .agreementOf(consumer.kind === 'company' ? 'company' : 'joint-committee', consumer.id)
            ?.hourlyRate?.toString();
    if (!rateText) {
      const warning = `Timpris saknas för ${consumer.name}: utvecklingstimmar debiteras inte`;
      if (!warnings.includes(warning)) warnings.push(warning);
      continue;
    }
    const rate = Money.parse(rateText);
    charges.push({
      source: 'development',
      sourceKey: input.sourceKey,
      consumer,
      serviceId: null,
      description: input.description,
      quantity: input.hours,
      unit: 'HUR',
      unitPrice: rate,
      net: rate.timesHalfUp(new Dec(input.hours)),
    });
  }
  return charges;
}
