export * from './columns';
export * from './data-source';
export * from './registry';
export * from './entities/api-token.entity';
export * from './entities/audit-entry.entity';
export * from './entities/organisation.entity';
