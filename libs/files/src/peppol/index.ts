export { CUSTOMIZATION_ID, PROFILE_ID, F_SKATT_TEXT, periodDates, vatCategory } from './peppol-codes';
export * from './peppol-invoice-writer';
export { HOUSE_RULES, checkPeppolInvoice } from './peppol-rules';
export type { PeppolProblem } from './peppol-rules';
