export * from './common/principal';
export * from './common/pagination';
export * from './common/transaction';
export * from './common/swedish-date';
export * from './common/result-cache';
export * from './audit/audit';
export type { AuditView } from './audit/audit-view';
export * from './auth/tokens';
export * from './auth/persons';
export * from './auth/sessions';
export * from './auth/passwords';
export * from './auth/oidc';
export * from './demo/load-demo';
export * from './invoicing/invoice.service';
export * from './invoicing/issuing';
export * from './invoicing/views';
export * from './invoicing/directory';
export * from './invoicing/charge-sources';
export { runInvoicePeriod } from './invoicing/invoice-run';
export type { RunResult, SettlementRunResult } from './invoicing/invoice-run-view';
export * from './agreements/agreements.service';
export * from './on-call';
export * from './files/finance-files.service';
export * from './cost-model';
export * from './decisions';
export * from './invoicing/settlement-run';
export type { YearToDateReportView } from './invoicing/year-to-date-report-view';
export type {
  AppropriationReportView,
  AppropriationRow,
  InternalChargeReportView,
} from './invoicing/period-report-view';
export type { InvoicePeriodSummary } from './invoicing/invoice-period-view';
export { lockPeriodYears } from './invoicing/periods';
export * from './organisation/organisation.service';
export type {
  CompanyView,
  JointCommitteeView,
  MunicipalityView,
  OrganisationPageView,
  UnitView,
} from './organisation/organisation-view';
export * from './organisation/municipality-names';
export * from './drift';
export * from './utveckling';
export * from './scenarios';
export * from './access';
export * from './ledger-import';
export * from './registers';
export * from './budget-cycle';
export * from './audit-trace';
