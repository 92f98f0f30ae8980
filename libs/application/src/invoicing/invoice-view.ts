// Types only: the web application imports them.

/** An invoice with its lines and VAT breakdown, as the API and the CLI give it. */
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
  /** Fakturadatum. */
  issueDate: string | null;
  dueDate: string | null;
  /** Bokföringsdag (DOMAIN.md 7): the invoice date, or the period's last day if that lies in another year. */
  bookingDate: string | null;
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
