export * from './ledger-mapping';
export * from './map-ledger';
