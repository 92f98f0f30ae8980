export * from './next-year.service';
