export * from './decimal';
export * from './money';
export * from './quantity';
export * from './allocate';
