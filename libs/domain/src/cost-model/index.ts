export * from './types';
export * from './engine-version';
export * from './fraction';
export * from './validate-cost-model';
export * from './split-cost-model';
export * from './split-result-document';
export * from './trace-cost-split';
export * from './settle-year';
export {
  solveReciprocalGroup,
  roundExactParts,
  type ReciprocalMember,
  type ReciprocalSolution,
} from './reciprocal-solver';
export * from './price-list';
export * from './audit-trace';
