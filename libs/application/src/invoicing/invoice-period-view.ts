// Types only: the web application imports them.

/**
 * A period that holds invoicing documents, counted as the reader may see them (a scoped reader:
 * only the documents it is a party to). Each document is counted in its own period only, so the
 * rows of all periods add up to every document once.
 */
export interface InvoicePeriodSummary {
  /** '2025-Q1', '2025-03', '2025-T1' or '2025'. */
  period: string;
  /** Documents not yet issued. */
  drafts: number;
  /** Issued invoices. */
  issued: number;
  /** Issued credit notes. */
  creditNotes: number;
  /** The issued invoices' total including VAT, in SEK ("12500.00"). */
  issuedTotal: string;
  /** The credit notes' total including VAT, in SEK (a positive amount, as on the credit notes). */
  creditedTotal: string;
  /** Every month of the period closed: nothing new can be added to it. */
  closed: boolean;
}
