export * from './municipality-history';
