export * from './ledger-sie';
export * from './ledger-csv';
