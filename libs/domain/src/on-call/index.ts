export {
  parseLocalDateTime,
  readLocalDateTime,
  formatLocalDateTime,
  type LocalDateTimeResult,
} from './local-date-time';
export {
  ON_CALL_TARIFF_FORMAT,
  ON_CALL_CLASSES,
  validateOnCallTariff,
  selectTariff,
  type ClassMinutes,
  type OnCallClass,
  type OnCallTariff,
} from './on-call-tariff';
export {
  classifyOnCallMinutes,
  checkOnCallInterval,
  type OnCallClassification,
  type OnCallInterval,
} from './classify-on-call-minutes';
export { classifyMinuteByMinute } from './classify-minute-by-minute';
export { billIncident, billClassification, type IncidentBill } from './bill-incident';
