export * from './period';
export * from './vat';
