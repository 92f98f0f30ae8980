export { type ForumCsvOptions } from './forum-csv-fields';
export { parseTicketCsv, TICKET_CSV_COLUMNS, type TicketInput } from './ticket-csv';
export { parseCallCsv, CALL_CSV_COLUMNS, MAX_WAIT_SECONDS, type CallInput } from './call-csv';
export { parseSurveyCsv, SURVEY_CSV_COLUMNS, type SurveyAnswerInput } from './survey-csv';
