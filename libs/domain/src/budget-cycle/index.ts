export * from './index-pools';
export * from './compare-years';
export * from './budget-vs-actual';
