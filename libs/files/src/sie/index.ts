export * from './sie4-format';
export * from './sie4-reader';
export * from './sie4-writer';
export * from './sie4-checksum';
