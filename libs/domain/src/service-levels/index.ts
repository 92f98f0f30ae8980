export { parseTertial, tertialInstants, type Tertial } from './tertial';
export {
  DEFAULT_SUPPORT_CALENDAR,
  DEFAULT_TARGET_PERCENTS,
  SERVICE_LEVEL_MEASURE_LABELS,
  SERVICE_LEVEL_MEASURES,
  defaultServiceLevelTargets,
  validateServiceLevelTargets,
  type ServiceLevelMeasure,
  type ServiceLevelTargets,
} from './service-level-targets';
export { readForumTime } from './forum-time';
export { OneWorkingDayDeadlines } from './one-working-day';
export {
  SURVEY_INTERVAL,
  compareClosedTickets,
  selectSurveyTickets,
  type ClosedTicket,
  type SurveySelection,
} from './survey-selection';
export {
  meetsTarget,
  percentShare,
  type MeasureResult,
  type MunicipalityServiceLevels,
  type ServiceLevelCounts,
} from './service-level-report';
export {
  ANSWER_LIMIT_SECONDS,
  computeServiceLevels,
  type CallRecord,
  type ServiceLevelInput,
  type ServiceLevelResult,
  type SurveyAnswerRecord,
  type TicketRecord,
} from './compute-service-levels';
