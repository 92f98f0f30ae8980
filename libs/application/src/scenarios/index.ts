export * from './organisation-funding';
export * from './scenario.service';
export * from './scenario-xlsx';
export * from './scenario-demo';
export * from './municipality-history.service';
