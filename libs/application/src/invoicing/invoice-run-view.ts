// Types only: the web application imports them.

/** What an invoice run of a period did (POST /invoice-runs). */
export interface RunResult {
  period: string;
  model: { id: string; name: string } | null;
  createdInvoices: number;
  updatedInvoices: number;
  addedLines: number;
  addedInternalCharges: number;
  skippedExisting: number;
  invoiceIds: string[];
  warnings: string[];
}

/** What a final settlement did (POST /invoice-runs/settlement, DOMAIN.md 5.6). */
export interface SettlementRunResult {
  year: number;
  bookedIn: string;
  actualModel: { id: string; name: string; status: string };
  /** The IT-styrgruppen decision that approved the actual model; every line cites it. */
  decision: { id: string; forum: string; date: string; paragraph: string; reference: string };
  lines: {
    consumerId: string;
    fundingMode: string;
    charged: string;
    actual: string;
    difference: string;
    kind: string;
    booked: 'invoice' | 'internal-charge' | 'report' | 'already';
  }[];
  invoiceIds: string[];
}
