export * from './invoice-sheets';
export * from './report-sheets';
export * from './line-vat';
