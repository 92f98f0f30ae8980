import { DataSource, EntityManager, In } from 'typeorm';
import {
  computeInvoiceTotals,
  formatSourceKey,
  Money,
  Period,
  routeCharge,
  VatRate,
} from '@it-samverkan/domain';
import {
  bulkInsert,
  CooperationAgreementEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  letReadsIn,
  orderedUuid,
} from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction, lockMode } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import {
  agreementCharges,
  approvedBudgetModel,
  Charge,
  costShareCharges,
  developmentCharges,
  onCallCharges,
  yearlySharesOf,
} from './charge-sources';
import { BuyerTerms, Directory } from './directory';
import { assertOpen, ensurePeriodLocks, lockOpenPeriod } from './periods';
import type { RunResult } from './invoice-run-view';

/** Recomputes an invoice's totals from its lines (VAT per rate on the sum of nets). */
export async function refreshTotals(m: EntityManager, invoice: InvoiceEntity): Promise<InvoiceEntity> {
  const lines = await m.getRepository(InvoiceLineEntity).find({ where: { invoiceId: invoice.id } });
  const totals = computeInvoiceTotals(lines.map((l) => ({ net: l.net, vatRate: l.vatRate as VatRate })));
  invoice.net = totals.net;
  invoice.vat = totals.vat;
  invoice.gross = totals.gross;
  await m.update(
    InvoiceEntity,
    { id: invoice.id },
    { net: totals.net, vat: totals.vat, gross: totals.gross },
  );
  return invoice;
}

/** Lines go on one draft per buyer and terms: a line on other terms than the draft's gets its own draft. */
export function draftKey(d: {
  kind: string;
  id: string;
  buyerReference: string;
  paymentTermsDays: number;
}): string {
  return JSON.stringify([d.kind, d.id, d.buyerReference, d.paymentTermsDays]);
}

/**
 * Serialises runs on MySQL: the cooperation agreement row is locked FOR UPDATE, so a concurrent
 * run waits and then sees the lines the first one added (SQLite's single writer queues them anyway).
 */
export async function lockRuns(m: EntityManager, db: DataSource, directory: Directory): Promise<void> {
  const mode = lockMode(db);
  if (!mode) return;
  await m
    .getRepository(CooperationAgreementEntity)
    .findOne({ where: { id: directory.cooperation.id }, lock: { mode } });
}

/** A new, empty draft invoice from the host to a buyer for a period. */
export function newDraft(issuerId: string, buyer: BuyerTerms, period: string, now: Date): InvoiceEntity {
  return Object.assign(new InvoiceEntity(), {
    id: orderedUuid(),
    kind: 'invoice',
    status: 'draft',
    issuerId,
    buyerKind: buyer.kind,
    buyerId: buyer.id,
    buyerMunicipalityId: buyer.municipalityId,
    period,
    number: null,
    creditedInvoiceId: null,
    buyerReference: buyer.buyerReference,
    paymentTermsDays: buyer.paymentTermsDays,
    issueDate: null,
    bookingDate: null,
    dueDate: null,
    net: Money.ZERO,
    vat: Money.ZERO,
    gross: Money.ZERO,
    createdAt: now,
    issuedAt: null,
  });
}

/** What the source key of every cost-share line of a period begins with ("cost-share:2025-03:"). */
function costShareKeysOf(period: Period): string {
  const key = formatSourceKey({ kind: 'cost-share', period: period.key, consumerId: '', serviceId: '' });
  return key.slice(0, -1); // the separator between the two empty ids goes
}

/**
 * Which of `keys` an invoice line or an internal charge already carries. Keys that begin with
 * `prefix` are looked up as one index range per table (every stored key in it comes back: a
 * period's cost-share lines all share a prefix, and a first run finds the range empty); the others
 * with one statement per chunk of keys over both tables (the ORM's IN builder is slow at that).
 */
async function existingSourceKeys(m: EntityManager, keys: string[], prefix: string): Promise<Set<string>> {
  const existing = new Set<string>();
  const escape = (name: string) => m.connection.driver.escape(name);
  const tables = [InvoiceLineEntity, InternalChargeEntity].map((t) => m.connection.getMetadata(t));
  const column = (i: number) => escape(tables[i].findColumnWithPropertyName('sourceKey')!.databaseName);
  const select = (where: (column: string) => string) =>
    tables
      .map((t, n) => `SELECT ${column(n)} AS k FROM ${escape(t.tableName)} WHERE ${where(column(n))}`)
      .join(' UNION ALL ');
  const others = keys.filter((k) => !k.startsWith(prefix));
  if (others.length < keys.length) {
    // Both databases compare these keys byte for byte, so the range holds exactly the prefixed keys.
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    const range = await m.query(
      select((c) => `${c} >= ? AND ${c} < ?`),
      [prefix, end, prefix, end],
    );
    for (const row of range as { k: string }[]) existing.add(row.k);
  }
  // 2 × 2 500 parameters per statement, well below SQLite's 32 766.
  for (let i = 0; i < others.length; i += 2500) {
    if (i > 0) await letReadsIn(m); // as bulkInsert does between its chunks: reads go on meanwhile
    const slice = others.slice(i, i + 2500);
    const list = slice.map(() => '?').join(', ');
    for (const row of (await m.query(
      select((c) => `${c} IN (${list})`),
      [...slice, ...slice],
    )) as { k: string }[])
      existing.add(row.k);
  }
  return existing;
}

/**
 * Runs a period (DOMAIN.md 7): drafts for external parties, internal charges for the host's own
 * units. Every line carries a unique source key, so running the period again adds nothing twice.
 */
export async function runInvoicePeriod(
  db: DataSource,
  period: Period,
  actor: Actor,
  now: Date,
): Promise<RunResult> {
  await assertOpen(db, period);
  const directory = await Directory.load(db, period.firstDay, period.lastDay);
  const warnings: string[] = [];
  const model = await approvedBudgetModel(db, period.year);
  if (!model)
    warnings.push(
      `Ingen godkänd budgetmodell för ${period.year}: inga andelar ur tjänstefieringen debiteras`,
    );
  const shares = model ? yearlySharesOf(model) : [];

  const external = new Map<string, { buyer: BuyerTerms; charges: { charge: Charge; vatRate: string }[] }>();
  const internal: Charge[] = [];
  const hostRuns = directory.hostFrequency() === period.kind;
  const warn = (warning: string) => {
    if (!warnings.includes(warning)) warnings.push(warning);
  };
  // A run has tens of thousands of charges but few buyers: each buyer's terms and draft key once.
  const termsSeen = new Map<string, { terms: BuyerTerms | { missing: string }; key: string }>();
  const termsOnce = (memo: string, terms: () => BuyerTerms | { missing: string }) => {
    let seen = termsSeen.get(memo);
    if (!seen) {
      const t = terms();
      seen = { terms: t, key: 'missing' in t ? '' : draftKey(t) };
      termsSeen.set(memo, seen);
    }
    return seen;
  };
  // The domain routes each charge (DOMAIN.md 3, 7); a line takes the terms of its agreement, else the buyer's.
  const add = (charge: Charge, byFrequency: boolean) => {
    let seen: { terms: BuyerTerms | { missing: string }; key: string };
    if (charge.consumer === null) {
      const party = charge.agreement!;
      seen = termsOnce(`agreement ${party.id}`, () =>
        directory.termsOf(party, {
          kind: 'municipality',
          id: party.partyId,
          municipalityId: party.partyId,
        }),
      );
    } else {
      const route = routeCharge(charge.consumer, directory.host.id, charge.serviceId, {
        outsideFramework: charge.source === 'development',
      });
      if (route.mode === 'appropriation') return;
      if (route.mode === 'internal-charge') {
        if (!byFrequency || hostRuns) internal.push(charge);
        return;
      }
      const { agreement, consumer } = charge;
      const { buyer } = route;
      seen = agreement
        ? termsOnce(`agreement ${agreement.id} ${buyer.kind} ${buyer.id} ${buyer.municipalityId}`, () =>
            directory.termsOf(agreement, buyer),
          )
        : termsOnce(`consumer ${consumer.id}`, () => directory.buyerFor(consumer));
    }
    const { terms, key } = seen;
    if ('missing' in terms) return warn(terms.missing);
    if (byFrequency && terms.frequency !== period.kind) return;
    const entry = external.get(key) ?? { buyer: terms, charges: [] };
    entry.charges.push({ charge, vatRate: terms.vatRate });
    external.set(key, entry);
  };
  for (const c of costShareCharges(shares, directory, period, warnings)) add(c, true);
  for (const c of agreementCharges(directory, period, warnings)) add(c, false);
  for (const c of await onCallCharges(db, directory, period)) add(c, false);
  for (const c of await developmentCharges(db, directory, period, warnings)) add(c, false);

  await ensurePeriodLocks(db, [period.year]);
  return inTransaction(db, async (m) => {
    await lockRuns(m, db, directory);
    await lockOpenPeriod(m, db, period);
    const allKeys = [
      ...[...external.values()].flatMap((e) => e.charges.map((c) => c.charge)),
      ...internal,
    ].map((c) => c.sourceKey);
    const existing = await existingSourceKeys(m, allKeys, costShareKeysOf(period));
    const result: RunResult = {
      period: period.key,
      model: model ? { id: model.id, name: model.name } : null,
      createdInvoices: 0,
      updatedInvoices: 0,
      addedLines: 0,
      addedInternalCharges: 0,
      skippedExisting: 0,
      invoiceIds: [],
      warnings,
    };
    // Batched: one query for the period's drafts and their lines, multi-row inserts, totals in memory.
    const drafts = await m
      .getRepository(InvoiceEntity)
      .find({ where: { period: period.key, kind: 'invoice', status: 'draft' } });
    const draftOf = new Map(
      drafts.map((d) => [
        draftKey({
          kind: d.buyerKind,
          id: d.buyerId,
          buyerReference: d.buyerReference,
          paymentTermsDays: d.paymentTermsDays,
        }),
        d,
      ]),
    );
    const draftLines = new Map<string, InvoiceLineEntity[]>();
    if (drafts.length)
      for (const line of await m
        .getRepository(InvoiceLineEntity)
        .find({ where: { invoiceId: In(drafts.map((d) => d.id)) } })) {
        const own = draftLines.get(line.invoiceId);
        if (own) own.push(line);
        else draftLines.set(line.invoiceId, [line]);
      }
    const newInvoices: InvoiceEntity[] = [];
    const newLines: InvoiceLineEntity[] = [];
    const changedDrafts: InvoiceEntity[] = [];
    for (const [key, { buyer, charges }] of external) {
      const fresh = charges.filter((c) => !existing.has(c.charge.sourceKey));
      result.skippedExisting += charges.length - fresh.length;
      let invoice = draftOf.get(key);
      if (fresh.length === 0) {
        if (invoice) result.invoiceIds.push(invoice.id);
        continue;
      }
      const previous = invoice ? (draftLines.get(invoice.id) ?? []) : [];
      if (!invoice) {
        invoice = newDraft(directory.host.id, buyer, period.key, now);
        newInvoices.push(invoice);
        result.createdInvoices++;
      } else {
        changedDrafts.push(invoice);
        result.updatedInvoices++;
      }
      const firstLineNo = previous.reduce((max, l) => Math.max(max, l.lineNo), 0) + 1;
      const lines = fresh.map(({ charge: c, vatRate }, i) =>
        Object.assign(new InvoiceLineEntity(), {
          id: orderedUuid(),
          invoiceId: invoice!.id,
          lineNo: firstLineNo + i,
          source: c.source,
          sourceKey: c.sourceKey,
          description: c.description.slice(0, 300),
          consumerId: c.consumer?.id ?? null,
          serviceId: c.serviceId,
          quantity: c.quantity,
          unit: c.unit,
          unitPrice: c.unitPrice,
          net: c.net,
          vatRate,
          responsibilityCode: c.consumer?.responsibilityCode ?? null,
        }),
      );
      const totals = computeInvoiceTotals(
        [...previous, ...lines].map((l) => ({ net: l.net, vatRate: l.vatRate as VatRate })),
      );
      Object.assign(invoice, { net: totals.net, vat: totals.vat, gross: totals.gross });
      newLines.push(...lines);
      result.addedLines += lines.length;
      result.invoiceIds.push(invoice.id);
    }
    await bulkInsert(m, InvoiceEntity, newInvoices);
    await bulkInsert(m, InvoiceLineEntity, newLines);
    for (const d of changedDrafts)
      await m.update(InvoiceEntity, { id: d.id }, { net: d.net, vat: d.vat, gross: d.gross });
    const freshInternal = internal.filter((c) => !existing.has(c.sourceKey));
    result.skippedExisting += internal.length - freshInternal.length;
    const rows = freshInternal.map((c) =>
      Object.assign(new InternalChargeEntity(), {
        id: orderedUuid(),
        period: period.key,
        municipalityId: c.consumer!.municipalityId,
        unitId: c.consumer!.id,
        serviceId: c.serviceId,
        source: c.source,
        sourceKey: c.sourceKey,
        description: c.description.slice(0, 300),
        amount: c.net,
        createdAt: now,
      }),
    );
    await bulkInsert(m, InternalChargeEntity, rows);
    result.addedInternalCharges = rows.length;
    await recordAudit(
      m,
      actor,
      {
        action: 'run',
        entityType: 'invoice-run',
        entityId: period.key,
        after: { ...result, invoiceIds: result.invoiceIds.length },
      },
      now,
    );
    return result;
  });
}
