/**
 * The shapes the pages read from /api/v1 (see /docs-json); amounts are exact decimal text. Where the
 * application has a view file that imports only the domain, its types are used here (type-only, so
 * nothing of the server reaches the bundle) instead of a copy.
 */
import type { CostModelVersionSummary } from '@it-samverkan/application/cost-model/cost-model-version-view';
import type { DecisionView } from '@it-samverkan/application/decisions/decision-view';
import type { InvoiceView } from '@it-samverkan/application/invoicing/invoice-view';
import type { OrganisationPageView } from '@it-samverkan/application/organisation/organisation-view';

export type { DecisionView as Decision };
export type { AuditView as AuditEntry } from '@it-samverkan/application/audit/audit-view';
export type {
  AuditTraceView as AuditTrace,
  TracePoolBasis,
} from '@it-samverkan/application/audit-trace/audit-trace-view';
export type { BudgetVersusActualReport } from '@it-samverkan/application/budget-cycle/budget-vs-actual-view';
export type { PeriodStatus } from '@it-samverkan/application/invoicing/period-status-view';
export type {
  AppropriationReportView as AppropriationReport,
  InternalChargeReportView as InternalChargeReport,
} from '@it-samverkan/application/invoicing/period-report-view';
export type {
  YearToDateFiguresView as YearToDateFigures,
  YearToDateReportView as YearToDate,
} from '@it-samverkan/application/invoicing/year-to-date-report-view';
export type {
  RunResult as InvoiceRunResult,
  SettlementRunResult,
} from '@it-samverkan/application/invoicing/invoice-run-view';
export type {
  DevelopmentHoursView as DevelopmentHours,
  DevelopmentRequestView as DevelopmentRequest,
} from '@it-samverkan/application/utveckling/development-request-view';
export type { InvoicePeriodSummary } from '@it-samverkan/application/invoicing/invoice-period-view';
export type { LedgerAccountView as TraceLedgerAccount } from '@it-samverkan/application/ledger-import/ledger-account-view';
/** A cost model version's document (DOMAIN.md 5.1) as it was imported; amounts and volumes are JSON numbers or decimal text. */
export type { CostModelDocument as ModelDocument } from '@it-samverkan/domain';
/** Budget, actual, charged and settled of one thing; charged and settled are null where the reader may not see them. */
export type { Figures as BudgetFigures } from '@it-samverkan/domain';

export type { Page } from '@it-samverkan/application/common/pagination';
export type Invoice = InvoiceView;
export type InvoiceLine = InvoiceView['lines'][number];

export type { OrganisationPageView as OrganisationPage };
/** The whole organisation: every page's lists put together. */
export type Organisation = Pick<
  OrganisationPageView,
  'municipalities' | 'units' | 'companies' | 'jointCommittees'
>;

export type CostModelVersion = CostModelVersionSummary;
