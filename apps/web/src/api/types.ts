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
