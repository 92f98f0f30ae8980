import { Problem } from '@it-samverkan/domain';
import { readCsvTable, rowProblem } from '../csv/csv-table';
import { checkId, ForumCsvOptions, MAX_ID_LENGTH, readFlag, readTime, rejectIfAny } from './forum-csv-fields';

/** The columns of a survey export (DOMAIN.md 8.1). */
export const SURVEY_CSV_COLUMNS = ['id', 'ticketId', 'satisfied', 'answeredAt'] as const;

/** One survey answer read from a file. */
export interface SurveyAnswerInput {
  line: number;
  id: string;
  ticketId: string;
  satisfied: boolean;
  answeredAt: Date;
}

/**
 * Reads a survey export: `id,ticketId,satisfied,answeredAt`. All rows or none: a ValidationError
 * (SURVEY_CSV_INVALID) lists every bad row with its line number. Whether the ticket exists is the
 * importer's check (it needs the stored tickets).
 */
export function parseSurveyCsv(
  text: string,
  options: ForumCsvOptions,
): { delimiter: ',' | ';'; rows: SurveyAnswerInput[] } {
  const problems: Problem[] = [];
  const table = readCsvTable(text, SURVEY_CSV_COLUMNS, problems);
  const rows: SurveyAnswerInput[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    checkId(problems, line, fields.id, firstLineOfId);
    if (fields.ticketId === '') rowProblem(problems, line, 'ticketId', 'ticketId saknas');
    else if (fields.ticketId.length > MAX_ID_LENGTH)
      rowProblem(problems, line, 'ticketId', `ticketId får vara högst ${MAX_ID_LENGTH} tecken`);
    const satisfied = readFlag(problems, line, 'satisfied', fields.satisfied);
    const answeredAt = readTime(problems, line, 'answeredAt', 'svarstid', fields.answeredAt, options);
    if (answeredAt) rows.push({ line, id: fields.id, ticketId: fields.ticketId, satisfied, answeredAt });
  }
  rejectIfAny(problems, 'SURVEY_CSV_INVALID');
  return { delimiter: table.delimiter, rows };
}
