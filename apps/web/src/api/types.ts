/** The shapes the pages read from /api/v1 (see /docs-json); amounts are exact decimal text. */

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}

export interface InvoiceLine {
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
}

export interface Invoice {
  id: string;
  kind: 'invoice' | 'credit-note';
  status: 'draft' | 'issued';
  number: string | null;
  issuerId: string;
  buyer: { kind: string; id: string; municipalityId: string };
  period: string;
  creditedInvoiceId: string | null;
  buyerReference: string | null;
  paymentTermsDays: number;
  issueDate: string | null;
  invoiceDate?: string | null;
  bookingDate?: string | null;
  dueDate: string | null;
  net: string;
  vat: string;
  gross: string;
  vatBreakdown: { rate: string; base: string; vat: string }[];
  lines: InvoiceLine[];
  createdAt: string;
  issuedAt: string | null;
  remainingToCredit?: string;
}

export interface Organisation {
  municipalities: { id: string; name: string }[];
  units: {
    id: string;
    municipalityId: string;
    name: string;
    responsibilityCode: string;
    fundingMode: string;
  }[];
  companies: { id: string; name: string; ownerMunicipalityId: string }[];
  jointCommittees: { id: string; name: string; hostMunicipalityId: string }[];
}

export interface CostModelVersion {
  id: string;
  name: string;
  year: number;
  kind: 'budget' | 'actual';
  status: 'draft' | 'approved';
  documentHash: string;
  decisionId: string | null;
  decision: Decision | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Decision {
  id: string;
  forum: string;
  forumName: string;
  date: string;
  year: number;
  paragraph: string;
  subject: string;
  reference: string;
  approves: { type: string; id: string }[];
  createdAt: string;
  createdBy: string;
}

export interface PeriodStatus {
  period: string;
  months: string[];
  closedMonths: string[];
  closed: boolean;
  drafts: number;
  issued: number;
}

/** Budget, actual, charged and settled of one thing; charged and settled are null where the reader may not see them. */
export interface BudgetFigures {
  budget: string;
  actual: string;
  charged: string | null;
  settled: string | null;
}

/** GET /reports/budget-vs-actual (libs/application/src/budget-cycle/budget-vs-actual.service.ts). */
export interface BudgetVersusActualReport {
  chargedVisibleFor: string;
  years: {
    year: number;
    total: BudgetFigures;
    municipalities: ({ id: string } & BudgetFigures)[];
    consumers: ({
      id: string;
      municipality: string;
      services: ({ id: string } & BudgetFigures)[];
    } & BudgetFigures)[];
    services: ({ id: string } & BudgetFigures)[];
    budgetModel: { id: string; name: string; status: string } | null;
    actualModel: { id: string; name: string; status: string } | null;
  }[];
}

/** A ledger account behind a pool in the auditor's trace, with its vouchers. */
export interface TraceLedgerAccount {
  account: string;
  accountName: string | null;
  amount: string;
  vouchers: { series: string; number: string; date: string; text: string | null; amount: string }[];
}

/** A drafted pool's basis: the pool in the approved model it was drafted from, the index, its own sources. */
export interface TracePoolBasis {
  model: { id: string; name: string; year: number; kind: string };
  decision: { reference: string; subject: string } | null;
  amount: string;
  index: string;
  indexed: string;
  ledger: TraceLedgerAccount[];
  basis: TracePoolBasis | null;
}

/**
 * GET /invoices/{id}/lines/{lineId}/trace and /internal-charges/{id}/trace (it-samverkan/audit-trace@1,
 * libs/application/src/audit-trace/audit-trace-view.ts).
 */
export interface AuditTrace {
  format: string;
  generatedOn: string;
  source: {
    kind: 'invoice-line' | 'internal-charge' | 'split-run';
    id: string;
    label: string;
    description: string | null;
    period: string | null;
    amount: string | null;
    consumerId: string | null;
    serviceId: string | null;
  };
  splitRun: {
    id: string;
    engineVersion: string;
    inputHash: string;
    resultHash: string;
    createdAt: string;
    createdBy: string;
  } | null;
  model: { id: string; name: string; year: number; kind: string; status: string; approvedAt: string | null };
  decision: { reference: string; subject: string; date: string; forumName: string; paragraph: string } | null;
  total: string;
  pools: {
    id: string;
    name: string;
    amount: string;
    ledger: TraceLedgerAccount[];
    /** Where a drafted model's pool came from; null: typed in (or imported from its own ledger). */
    basis: TracePoolBasis | null;
  }[];
  services: {
    id: string;
    name: string;
    driver: { id: string; name: string; unit: string } | null;
    totalVolume: string | null;
    total: string;
    unitPrice: string | null;
    pools: { poolId: string; poolName: string; weight: string | null; direct: string; amount: string }[];
  }[];
  consumers: {
    id: string;
    name: string;
    municipality: string;
    total: string;
    /** Each pool's part of the consumer's total (adds up to it); null in the whole model's trace. */
    pools: { poolId: string; poolName: string; amount: string }[] | null;
    lines: {
      serviceId: string;
      serviceName: string;
      volume: string;
      totalVolume: string;
      share: string;
      unitPrice: string | null;
      amount: string;
    }[];
  }[];
}
