export * from './types';
export * from './identifiers';
export * from './sie';
export * from './peppol';
export * from './pdf';
export * from './spreadsheet';
export * from './incidents/incident-csv';
