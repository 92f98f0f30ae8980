export * from './errors';
export * from './money';
export * from './organisation/identifiers';
export * from './calendar';
export * from './on-call';
export * from './cost-model';
export * from './invoicing';
export * from './scenarios';
