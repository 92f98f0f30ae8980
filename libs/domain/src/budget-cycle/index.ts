export * from './index-pools';
export * from './compare-years';
