export { type OnCallConsumer } from './on-call-consumers';
export { OnCallTariffService, type OnCallTariffView } from './on-call-tariff.service';
export { type IncidentView } from './incident-view';
export {
  OnCallIncidentService,
  type OnCallIncidentInput,
  type IncidentFilter,
  type IncidentImportResult,
  type ImportedIncident,
} from './incident.service';
export {
  OnCallBillingService,
  onCallBillingReport,
  onCallLinesForPeriod,
  type OnCallBillingConsumer,
  type OnCallBillingIncident,
  type OnCallBillingReport,
  type OnCallInvoiceLine,
} from './on-call-billing';
export {
  billOnCallFile,
  onCallFileJson,
  type OnCallFileBilling,
  type OnCallFileIncident,
  type OnCallFileJson,
} from './on-call-file';
export { loadOnCallDemo } from './on-call-demo.loader';
