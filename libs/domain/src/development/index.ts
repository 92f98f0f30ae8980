export {
  DEVELOPMENT_FUNDINGS,
  DEVELOPMENT_FUNDING_LABELS,
  DEVELOPMENT_STATUSES,
  DEVELOPMENT_STATUS_LABELS,
  DEVELOPMENT_TRANSITIONS,
  DEVELOPMENT_STATUSES_ACCEPTING_HOURS,
  DEVELOPMENT_STATUSES_NEEDING_DECISION,
  DEVELOPMENT_STATUSES_TO_TAKE_UP,
  DEVELOPMENT_STATUSES_WITH_OPEN_FUNDING,
  assertDevelopmentTransition,
  canMoveDevelopmentRequest,
  type DevelopmentFunding,
  type DevelopmentStatus,
} from './development-request-status';
export {
  MAX_ESTIMATE_HOURS,
  MAX_REPORTED_HOURS,
  firstOpenMonthFrom,
  readDevelopmentHours,
} from './development-hours';
