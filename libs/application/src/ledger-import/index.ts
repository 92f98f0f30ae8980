export * from './ledger-import-view';
export * from './ledger-import.service';
