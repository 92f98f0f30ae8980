export * from './period';
export * from './vat';
export * from './booking-date';
export * from './invoice-date';
export * from './invoice-number';
