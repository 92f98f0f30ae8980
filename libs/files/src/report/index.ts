export * from './report-pdf';
export * from './price-list-files';
export * from './audit-trace-file';
export * from './audit-trace-files';
