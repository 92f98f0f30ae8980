export * from './invoice-sheets';
export * from './report-sheets';
export * from './line-vat';
export * from './print-setup';
export * from './year-to-date-sheets';
export * from './streamed-sheet';
