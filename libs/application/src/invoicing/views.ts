import { InternalChargeEntity, InvoiceEntity, InvoiceLineEntity } from '@it-samverkan/persistence';
import { computeInvoiceTotals, VatRate } from '@it-samverkan/domain';

export interface InvoiceView {
  id: string;
  kind: string;
  status: string;
  number: string | null;
  issuerId: string;
  buyer: { kind: string; id: string; municipalityId: string };
  period: string;
  creditedInvoiceId: string | null;
  buyerReference: string;
  paymentTermsDays: number;
  issueDate: string | null;
  dueDate: string | null;
  net: string;
  vat: string;
  gross: string;
  vatBreakdown: { rate: string; base: string; vat: string }[];
  lines: {
    id: string;
    lineNo: number;
    source: string;
    sourceKey: string;
    description: string;
    consumerId: string | null;
    serviceId: string | null;
    quantity: string;
    unit: string;
    unitPrice: string;
    net: string;
    vatRate: string;
    responsibilityCode: string | null;
  }[];
  createdAt: string;
  issuedAt: string | null;
}

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

export interface InternalChargeView {
  id: string;
  period: string;
  municipalityId: string;
  unitId: string;
  serviceId: string | null;
  source: string;
  description: string;
  amount: string;
}

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
