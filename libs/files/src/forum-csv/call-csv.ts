import { Problem } from '@it-samverkan/domain';
import { readCsvTable, rowProblem } from '../csv/csv-table';
import {
  checkId,
  checkMunicipality,
  ForumCsvOptions,
  readFlag,
  readTime,
  rejectIfAny,
} from './forum-csv-fields';

/** The columns of a phone system export (DOMAIN.md 8.1). */
export const CALL_CSV_COLUMNS = ['id', 'time', 'municipality', 'waitSeconds', 'answered'] as const;

/** The longest wait accepted, in seconds (a day). */
export const MAX_WAIT_SECONDS = 86_400;

/** One call read from a file. For an unanswered call `waitSeconds` is how long the caller waited before hanging up. */
export interface CallInput {
  line: number;
  id: string;
  time: Date;
  municipality: string;
  waitSeconds: number;
  answered: boolean;
}

/**
 * Reads a call export: `id,time,municipality,waitSeconds,answered` (whole seconds). All rows or
 * none: a ValidationError (CALL_CSV_INVALID) lists every bad row with its line number.
 */
export function parseCallCsv(
  text: string,
  options: ForumCsvOptions,
): { delimiter: ',' | ';'; rows: CallInput[] } {
  const problems: Problem[] = [];
  const table = readCsvTable(text, CALL_CSV_COLUMNS, problems);
  const rows: CallInput[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    checkId(problems, line, fields.id, firstLineOfId);
    const time = readTime(problems, line, 'time', 'samtalstid', fields.time, options);
    checkMunicipality(problems, line, fields.municipality, options);
    const wait = Number(fields.waitSeconds);
    const waitValid = /^\d{1,6}$/.test(fields.waitSeconds) && wait <= MAX_WAIT_SECONDS;
    if (!waitValid) {
      rowProblem(
        problems,
        line,
        'waitSeconds',
        `waitSeconds måste vara ett helt antal sekunder 0–${MAX_WAIT_SECONDS}, inte "${fields.waitSeconds}"`,
      );
    }
    const answered = readFlag(problems, line, 'answered', fields.answered);
    if (time && waitValid)
      rows.push({
        line,
        id: fields.id,
        time,
        municipality: fields.municipality,
        waitSeconds: wait,
        answered,
      });
  }
  rejectIfAny(problems, 'CALL_CSV_INVALID');
  return { delimiter: table.delimiter, rows };
}
