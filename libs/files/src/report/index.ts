export * from './report-pdf';
export * from './price-list-files';
