import { InternalChargeEntity, InvoiceEntity, InvoiceLineEntity } from '@it-samverkan/persistence';
import { computeInvoiceTotals, frequencyName, parsePeriod, Period, VatRate } from '@it-samverkan/domain';
import type { InvoiceView } from './invoice-view';
import type { InternalChargeView } from './period-report-view';

export type { InvoiceView } from './invoice-view';
export type { InternalChargeView } from './period-report-view';

/** The API and CLI shape of an invoice with its lines and VAT breakdown. */
export function invoiceView(invoice: InvoiceEntity, lines: InvoiceLineEntity[]): InvoiceView {
  const totals = computeInvoiceTotals(lines.map((l) => ({ net: l.net, vatRate: l.vatRate as VatRate })));
  return {
    id: invoice.id,
    kind: invoice.kind,
    status: invoice.status,
    number: invoice.number,
    issuerId: invoice.issuerId,
    buyer: { kind: invoice.buyerKind, id: invoice.buyerId, municipalityId: invoice.buyerMunicipalityId },
    period: invoice.period,
    creditedInvoiceId: invoice.creditedInvoiceId,
    buyerReference: invoice.buyerReference,
    paymentTermsDays: invoice.paymentTermsDays,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    bookingDate: invoice.bookingDate,
    net: invoice.net.toString(),
    vat: invoice.vat.toString(),
    gross: invoice.gross.toString(),
    vatBreakdown: totals.breakdown.map((b) => ({
      rate: b.rate,
      base: b.base.toString(),
      vat: b.vat.toString(),
    })),
    lines: [...lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        source: l.source,
        sourceKey: l.sourceKey,
        description: l.description,
        consumerId: l.consumerId,
        serviceId: l.serviceId,
        quantity: l.quantity,
        unit: l.unit,
        unitPrice: l.unitPrice.toString(),
        net: l.net.toString(),
        vatRate: l.vatRate,
        responsibilityCode: l.responsibilityCode,
      })),
    createdAt: invoice.createdAt.toISOString(),
    issuedAt: invoice.issuedAt ? invoice.issuedAt.toISOString() : null,
  };
}

/** The API and CLI shape of an internal charge. */
export function internalChargeView(c: InternalChargeEntity): InternalChargeView {
  return {
    id: c.id,
    period: c.period,
    municipalityId: c.municipalityId,
    unitId: c.unitId,
    serviceId: c.serviceId,
    source: c.source,
    description: c.description,
    amount: c.amount.toString(),
  };
}

/**
 * What a lookup for a period says about documents of longer periods that overlap it without
 * lying inside it (DOMAIN.md 7): asking for 2025-03 when a party is billed by quarter answers
 * where its documents are instead of answering with nothing. Each party is named by `names`
 * (its id → its name, e.g. "Tranemo kommun"), by its id where the map has none.
 */
export function longerPeriodNotes(
  asked: Period,
  found: { period: string; party: string }[],
  what: string,
  names: ReadonlyMap<string, string> = new Map(),
): string[] {
  const counts = new Map<string, { period: Period; party: string; count: number }>();
  for (const f of found) {
    const key = `${f.period}\u0000${f.party}`;
    const party = names.get(f.party) ?? f.party;
    const entry = counts.get(key) ?? { period: parsePeriod(f.period), party, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .sort((a, b) => a.party.localeCompare(b.party) || a.period.key.localeCompare(b.period.key))
    .map(
      (e) =>
        `${what} för ${e.party} avser ${frequencyName(e.period.kind)} ${e.period.key}, som omfattar men är längre än ${asked.key} (${e.count} st); fråga efter ${e.period.key}`,
    );
}
