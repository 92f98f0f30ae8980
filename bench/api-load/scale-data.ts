import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formatInvoiceNumber, invoicePrefixOf, Money } from '@it-samverkan/domain';
import {
  AuditEntryEntity,
  bulkInsert,
  CompanyEntity,
  CostModelVersionEntity,
  CooperationAgreementEntity,
  InvoiceCounterEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  MunicipalityEntity,
  PeriodCloseEntity,
  PeriodLockEntity,
  SplitRunEntity,
} from '@it-samverkan/persistence';
import { cliActor, inTransaction, SplitRunService } from '@it-samverkan/application';
import { seededRandom } from '@it-samverkan/config/seeded-random';

/** The years of history the scaled data set adds before the demo's 2025 (five closed years). */
export const SCALE_YEARS = [2020, 2021, 2022, 2023, 2024];

/** What the scaled data set holds beside the demo. */
export interface ScaleFigures {
  buyers: number;
  invoices: number;
  lines: number;
  auditEntries: number;
  splitRuns: number;
  closedMonths: number;
  seconds: number;
}

const LINES_PER_INVOICE = 4;
const VAT = '0.25';

/** `2020-Q1`'s last day and the issue date five days after it (invoices go out after the quarter). */
function quarterDates(year: number, quarter: number): { last: string; issue: string; due: string } {
  const last = new Date(Date.UTC(year, quarter * 3, 0));
  const issue = new Date(last.getTime() + 5 * 86_400_000);
  const due = new Date(issue.getTime() + 30 * 86_400_000);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { last: day(last), issue: day(issue), due: day(due) };
}

/**
 * Adds `factor`× the demo's invoicing history to a database holding the demo, by multi-row
 * inserts: 2×factor buyer companies (the consumers billed), five closed years (2020–2024: every
 * month closed, each year locked) in which each buyer gets factor/10 issued invoices a quarter
 * (factor 100: 200 buyers × 20 quarters × 10 = 40 000 invoices, 4 lines each), numbered in the
 * host's gapless yearly series (the counter holds the last number), each invoice's net the sum
 * of its lines and its VAT 25 % of that rounded half up; an audit entry for every issued invoice;
 * and factor split runs of the approved model (the split made once, stored again as earlier runs).
 * Deterministic: the same seed gives the same amounts and order (ids are random UUIDs).
 */
export async function loadScaleData(
  dataSource: DataSource,
  factor: number,
  now: Date,
): Promise<ScaleFigures> {
  const started = process.hrtime.bigint();
  const random = seededRandom(20_251_130);
  const agreement = await dataSource
    .getRepository(CooperationAgreementEntity)
    .findOne({ where: {}, order: { validFrom: 'DESC' } });
  if (!agreement) throw new Error('demon saknar samverkansavtal');
  const host = await dataSource.getRepository(MunicipalityEntity).findOneByOrFail({ id: agreement.hostId });
  const municipalities = (
    await dataSource.getRepository(MunicipalityEntity).find({ order: { id: 'ASC' } })
  ).map((m) => m.id);
  const prefix = invoicePrefixOf(host);
  const buyers: CompanyEntity[] = Array.from({ length: 2 * factor }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return Object.assign(new CompanyEntity(), {
      id: `skala-bolag-${n}`,
      name: `Skalbolaget ${n} AB`,
      orgNo: `556${String(100_000 + i).padStart(6, '0')}0`.slice(0, 10),
      vatNo: `SE556${String(100_000 + i).padStart(6, '0')}001`.slice(0, 14),
      peppolId: `0007:556${String(100_000 + i).padStart(6, '0')}`.slice(0, 20),
      ownerMunicipalityId: municipalities[i % municipalities.length],
      street: `Industrigatan ${i + 1}`,
      postalCode: '523 30',
      city: 'Ulricehamn',
      counterpartyCode: `S${n}`,
    });
  });
  const perBuyerAndQuarter = Math.max(1, Math.round(factor / 10));
  let invoices = 0;
  let lines = 0;
  let auditEntries = 0;
  await inTransaction(dataSource, async (m) => {
    await bulkInsert(m, CompanyEntity, buyers);
    for (const year of SCALE_YEARS) {
      await bulkInsert(m, PeriodLockEntity, [Object.assign(new PeriodLockEntity(), { year })]);
      await bulkInsert(
        m,
        PeriodCloseEntity,
        Array.from({ length: 12 }, (_, i) =>
          Object.assign(new PeriodCloseEntity(), {
            month: `${year}-${String(i + 1).padStart(2, '0')}`,
            closedAt: new Date(Date.UTC(year + 1, 0, 20)),
            closedBy: 'skala',
          }),
        ),
      );
      let sequence = 0;
      for (let quarter = 1; quarter <= 4; quarter++) {
        const period = `${year}-Q${quarter}`;
        const dates = quarterDates(year, quarter);
        // bokföringsdag: the issue date, or the period's last day when the invoice goes out the next year
        const bookingDate = dates.issue.slice(0, 4) === String(year) ? dates.issue : dates.last;
        const issuedAt = new Date(`${dates.issue}T08:00:00Z`);
        const invoiceRows: InvoiceEntity[] = [];
        const lineRows: InvoiceLineEntity[] = [];
        const auditRows: AuditEntryEntity[] = [];
        for (const buyer of buyers) {
          for (let k = 0; k < perBuyerAndQuarter; k++) {
            const id = randomUUID();
            sequence++;
            const invoiceLines = Array.from({ length: LINES_PER_INVOICE }, (_, lineNo) => {
              const quantity = 1 + Math.floor(random() * 40);
              const unitPrice = Money.ofOre(10_000 + Math.floor(random() * 500_000));
              return Object.assign(new InvoiceLineEntity(), {
                id: randomUUID(),
                invoiceId: id,
                lineNo: lineNo + 1,
                source: 'agreement-fee',
                sourceKey: `skala:${id}:${lineNo + 1}`,
                description: `Tjänst ${lineNo + 1}, ${period}`,
                consumerId: buyer.id,
                serviceId: null,
                quantity: String(quantity),
                unit: 'EA',
                unitPrice,
                net: unitPrice.timesHalfUp(quantity),
                vatRate: '25',
                responsibilityCode: null,
              });
            });
            const net = Money.sum(invoiceLines.map((l) => l.net));
            const vat = net.timesHalfUp(VAT);
            const number = formatInvoiceNumber(prefix, year, sequence);
            invoiceRows.push(
              Object.assign(new InvoiceEntity(), {
                id,
                kind: 'invoice',
                status: 'issued',
                issuerId: host.id,
                buyerKind: 'company',
                buyerId: buyer.id,
                buyerMunicipalityId: buyer.ownerMunicipalityId,
                period,
                number,
                creditedInvoiceId: null,
                buyerReference: `${buyer.counterpartyCode}-${k + 1}`,
                paymentTermsDays: 30,
                issueDate: dates.issue,
                dueDate: dates.due,
                bookingDate,
                net,
                vat,
                gross: net.plus(vat),
                createdAt: new Date(`${dates.last}T20:00:00Z`),
                issuedAt,
              }),
            );
            lineRows.push(...invoiceLines);
            auditRows.push(
              Object.assign(new AuditEntryEntity(), {
                at: issuedAt,
                actorId: null,
                actorName: 'skala',
                actorVia: 'cli',
                action: 'issue',
                entityType: 'invoice',
                entityId: id,
                before: { status: 'draft' },
                after: { status: 'issued', number },
                correlationId: null,
                parties: `|${[...new Set([host.id, buyer.id, buyer.ownerMunicipalityId])].join('|')}|`,
              }),
            );
          }
        }
        await bulkInsert(m, InvoiceEntity, invoiceRows);
        await bulkInsert(m, InvoiceLineEntity, lineRows);
        await bulkInsert(m, AuditEntryEntity, auditRows);
        invoices += invoiceRows.length;
        lines += lineRows.length;
        auditEntries += auditRows.length;
      }
      // the yearly series is gapless: 1..sequence, and the counter holds the last number
      await bulkInsert(m, InvoiceCounterEntity, [
        Object.assign(new InvoiceCounterEntity(), { issuerId: host.id, year, lastNumber: sequence }),
      ]);
    }
  });

  const approved = await dataSource
    .getRepository(CostModelVersionEntity)
    .findOne({ where: { status: 'approved' }, order: { year: 'DESC' } });
  let splitRuns = 0;
  if (approved) {
    const made = await new SplitRunService(dataSource).run(approved.id, cliActor(), now);
    const template = await dataSource.getRepository(SplitRunEntity).findOneByOrFail({ id: made.id });
    const earlier = Array.from({ length: factor - 1 }, (_, i) =>
      Object.assign(new SplitRunEntity(), {
        ...template,
        id: randomUUID(),
        createdAt: new Date(template.createdAt.getTime() - (i + 1) * 86_400_000),
      }),
    );
    await inTransaction(dataSource, (m) => bulkInsert(m, SplitRunEntity, earlier, 20));
    splitRuns = factor;
  }
  return {
    buyers: buyers.length,
    invoices,
    lines,
    auditEntries,
    splitRuns,
    closedMonths: 12 * SCALE_YEARS.length,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
