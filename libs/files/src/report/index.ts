export * from './report-pdf';
export * from './print-setup';
export * from './price-list-files';
