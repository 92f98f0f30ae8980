export * from './common/principal';
export * from './common/pagination';
export * from './common/transaction';
export * from './audit/audit';
export * from './auth/tokens';
export * from './demo/load-demo';
