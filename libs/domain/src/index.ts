export * from './errors';
export * from './money';
export * from './organisation/identifiers';
