export * from './invoice-pdf';
export * from './scenario-summary-pdf';
