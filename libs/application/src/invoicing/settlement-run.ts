import { randomUUID } from 'node:crypto';
import { DataSource, In, Like } from 'typeorm';
import {
  ChargedAmount,
  computeInvoiceTotals,
  costShareKeyPrefix,
  creditedLineOf,
  formatSourceKey,
  lineForAmount,
  remainingToCredit,
  DomainError,
  parsePeriod,
  settleYear,
  splitCostModel,
  toSplitResultDocument,
  validateCostModel,
  VatRate,
} from '@it-samverkan/domain';
import {
  CostModelVersionEntity,
  DecisionEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { decisionView, DecisionView } from '../decisions/decision.service';
import { Directory } from './directory';
import { assertOpen, ensurePeriodLocks, lockOpenPeriod } from './periods';
import { lockRuns, newDraft } from './invoice-run';
import type { SettlementRunResult } from './invoice-run-view';

/**
 * The year's actual (utfall) model the settlement rests on: the latest version approved by
 * IT-styrgruppen (DOMAIN.md 5.5), with the decision that approved it. A draft rests on no
 * decision and is never settled from.
 */
async function approvedActualModel(
  db: DataSource,
  year: number,
): Promise<{ model: CostModelVersionEntity; decision: DecisionView }> {
  const rows = await db
    .getRepository(CostModelVersionEntity)
    .find({ where: { year, kind: 'actual' }, order: { approvedAt: 'DESC', id: 'ASC' } });
  if (rows.length === 0)
    throw new DomainError('NO_ACTUAL_MODEL', `Det finns ingen utfallsmodell för ${year}`, 'unprocessable');
  const decisions = await db.getRepository(DecisionEntity).findBy({
    id: In(rows.map((r) => r.decisionId).filter((id): id is string => id !== null)),
  });
  for (const model of rows.filter((r) => r.status === 'approved')) {
    const decision = decisions.find((d) => d.id === model.decisionId);
    if (decision?.forum === 'styrgrupp') return { model, decision: decisionView(decision) };
  }
  throw new DomainError(
    'ACTUAL_MODEL_NOT_APPROVED',
    `Utfallsmodellen för ${year} är inte godkänd av IT-styrgruppen; slutavräkningen görs bara från en godkänd utfallsmodell`,
    'unprocessable',
    [
      {
        path: 'year',
        message: `Låt IT-styrgruppen godkänna utfallsmodellen för ${year} (${rows[0].name}) först`,
      },
    ],
  );
}

/**
 * Final settlement (slutavräkning, DOMAIN.md 5.6) after year end: per consumer, what its
 * cost-model shares charged during the year (net of credit notes) against its actual share. The
 * difference becomes a line on a draft in the open period `bookIn` (external parties) or an
 * internal charge (the host's units); appropriation units are only reported. Idempotent per consumer and year.
 */
export async function runSettlement(
  db: DataSource,
  year: number,
  bookIn: string,
  actor: Actor,
  now: Date,
): Promise<SettlementRunResult> {
  const period = parsePeriod(bookIn, 'period');
  if (period.year <= year) {
    throw new DomainError(
      'SETTLEMENT_TOO_EARLY',
      `Slutavräkningen för ${year} bokas i en period efter årets slut, inte ${period.key}`,
      'invalid',
      [{ path: 'period', message: 'Välj en period efter årets slut' }],
    );
  }
  await assertOpen(db, period);
  const { model, decision } = await approvedActualModel(db, year);
  const parsed = validateCostModel(model.document);
  const doc = toSplitResultDocument(parsed, splitCostModel(parsed));
  const directory = await Directory.load(db, period.firstDay, period.lastDay);

  // What was charged: cost-share invoice lines of the year, less what credit notes took back, plus internal charges.
  const lines = await db
    .getRepository(InvoiceLineEntity)
    .find({ where: { sourceKey: Like(`${costShareKeyPrefix(year)}%`) } });
  const credits = await db.getRepository(InvoiceLineEntity).find({ where: { source: 'credit' } });
  const left = remainingToCredit(
    lines,
    credits.map((c) => ({ creditedLineId: creditedLineOf(c.sourceKey), net: c.net })),
  );
  const charged: ChargedAmount[] = left.lines.map((l, i) => ({
    consumerId: lines[i].consumerId!,
    amount: l.remaining,
  }));
  const internal = await db
    .getRepository(InternalChargeEntity)
    .find({ where: { sourceKey: Like(`${costShareKeyPrefix(year)}%`) } });
  charged.push(...internal.map((c) => ({ consumerId: c.unitId, amount: c.amount })));
  const settlement = settleYear({ charged, actual: doc });

  await ensurePeriodLocks(db, [period.year]);
  return inTransaction(db, async (m) => {
    await lockRuns(m, db, directory);
    await lockOpenPeriod(m, db, period);
    const result: SettlementRunResult = {
      year,
      bookedIn: period.key,
      actualModel: { id: model.id, name: model.name, status: model.status },
      decision: {
        id: decision.id,
        forum: decision.forum,
        date: decision.date,
        paragraph: decision.paragraph,
        reference: decision.reference,
      },
      lines: [],
      invoiceIds: [],
    };
    const byBuyer = new Map<string, InvoiceEntity>();
    for (const line of settlement) {
      const consumer = directory.consumers.get(line.consumerId);
      const key = formatSourceKey({ kind: 'settlement', year, consumerId: line.consumerId });
      const mode = consumer?.fundingMode ?? 'okänd';
      const row = {
        consumerId: line.consumerId,
        fundingMode: mode,
        charged: line.charged.toString(),
        actual: line.actual.toString(),
        difference: line.difference.toString(),
        kind: line.kind,
      };
      // Companies and committees with a service agreement pay its price, not a model share: nothing to settle.
      const agreement =
        consumer && consumer.kind !== 'unit'
          ? directory.agreementOf(consumer.kind === 'company' ? 'company' : 'joint-committee', consumer.id)
          : null;
      if (!consumer || line.difference.isZero() || mode === 'appropriation' || agreement) {
        result.lines.push({ ...row, booked: 'report' });
        continue;
      }
      const already =
        (await m.getRepository(InvoiceLineEntity).countBy({ sourceKey: key })) +
        (await m.getRepository(InternalChargeEntity).countBy({ sourceKey: key }));
      if (already > 0) {
        result.lines.push({ ...row, booked: 'already' });
        continue;
      }
      const description = `Slutavräkning ${year}, ${consumer.name}: debiterat ${line.charged}, utfall ${line.actual} (beslut ${decision.reference})`;
      if (mode === 'internal-charge') {
        await m.insert(InternalChargeEntity, {
          id: randomUUID(),
          period: period.key,
          municipalityId: consumer.municipalityId,
          unitId: consumer.id,
          serviceId: null,
          source: 'settlement',
          sourceKey: key,
          description: description.slice(0, 300),
          amount: line.difference,
          createdAt: now,
        });
        result.lines.push({ ...row, booked: 'internal-charge' });
        continue;
      }
      const buyer = directory.buyerFor(consumer);
      if ('missing' in buyer) {
        result.lines.push({ ...row, booked: 'report' });
        continue;
      }
      let invoice =
        byBuyer.get(`${buyer.kind}:${buyer.id}`) ??
        (await m.getRepository(InvoiceEntity).findOneBy({
          period: period.key,
          buyerKind: buyer.kind,
          buyerId: buyer.id,
          kind: 'invoice',
          status: 'draft',
        }));
      if (!invoice) {
        invoice = newDraft(directory.host.id, buyer, period.key, now);
        await m.insert(InvoiceEntity, invoice);
      }
      byBuyer.set(`${buyer.kind}:${buyer.id}`, invoice);
      const lineNo =
        ((await m.getRepository(InvoiceLineEntity).maximum('lineNo', { invoiceId: invoice.id })) ?? 0) + 1;
      await m.insert(InvoiceLineEntity, {
        id: randomUUID(),
        invoiceId: invoice.id,
        lineNo,
        source: 'settlement',
        sourceKey: key,
        description: description.slice(0, 300),
        consumerId: consumer.id,
        serviceId: null,
        ...lineForAmount(line.difference),
        unit: 'C62',
        vatRate: buyer.vatRate,
        responsibilityCode: consumer.responsibilityCode,
      });
      const all = await m.getRepository(InvoiceLineEntity).find({ where: { invoiceId: invoice.id } });
      const totals = computeInvoiceTotals(all.map((l) => ({ net: l.net, vatRate: l.vatRate as VatRate })));
      await m.update(
        InvoiceEntity,
        { id: invoice.id },
        { net: totals.net, vat: totals.vat, gross: totals.gross },
      );
      if (!result.invoiceIds.includes(invoice.id)) result.invoiceIds.push(invoice.id);
      result.lines.push({ ...row, booked: 'invoice' });
    }
    await recordAudit(
      m,
      actor,
      {
        action: 'settle',
        entityType: 'invoice-run',
        entityId: `settlement:${year}`,
        after: { bookedIn: period.key, lines: result.lines.length, decision: decision.reference },
      },
      now,
    );
    return result;
  });
}
