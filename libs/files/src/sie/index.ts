export * from './sie4-format';
export * from './sie4-reader';
export * from './sie4-writer';
