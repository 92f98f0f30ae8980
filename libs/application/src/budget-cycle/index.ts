export * from './next-year.service';
export * from './budget-vs-actual.service';
