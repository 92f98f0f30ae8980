export * from './scenario-types';
export {
  readScenarioSettings,
  periodsPerYear,
  type ScenarioSettings,
  type FundingStatementValue,
} from './scenario-document-reading';
export { scaleVolumeValue } from './scenario-change-appliers';
export * from './apply-scenario-changes';
export * from './administrative-load';
export * from './compare-splits';
export * from './scenario-funding';
export * from './compare-scenario';
export * from './funding-moves';
export * from './scenarios-side-by-side';
