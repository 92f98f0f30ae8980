import { Problem, readForumTime, ValidationError } from '@it-samverkan/domain';
import { rowProblem } from '../csv/csv-table';

/** What every forum import needs: the time zone of a year's local times, and the known municipalities. */
export interface ForumCsvOptions {
  /** The support calendar's time zone of the year a local time is in (the year's targets). */
  timezoneOf: (year: number) => string;
  /** When given, a municipality outside it is a problem. */
  municipalities?: ReadonlySet<string>;
}

const TRUE_WORDS = ['ja', 'yes', 'true', '1', 'j', 'y'];
const FALSE_WORDS = ['nej', 'no', 'false', '0', 'n'];
export const MAX_ID_LENGTH = 100;

/** Reads a yes/no field (ja/nej, yes/no, true/false, 1/0, case-insensitive); reports anything else. */
export function readFlag(problems: Problem[], line: number, field: string, value: string): boolean {
  const word = value.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  rowProblem(
    problems,
    line,
    field,
    `${field} måste vara ja eller nej (yes/no, true/false, 1/0), inte "${value}"`,
  );
  return false;
}

/** Reads a time in the time zone of its year; reports an unreadable, skipped or repeated time. */
export function readTime(
  problems: Problem[],
  line: number,
  field: string,
  label: string,
  value: string,
  options: ForumCsvOptions,
): Date | null {
  const year = /^\d{4}/.test(value) ? Number(value.slice(0, 4)) : NaN;
  const timezone = options.timezoneOf(Number.isNaN(year) ? 0 : year);
  const result = readForumTime(value, timezone, `line ${line}.${field}`);
  if (result.ok) return result.value;
  rowProblem(problems, line, field, `${label}: ${result.problem.message}`);
  return null;
}

/** Checks a row id: present, at most 100 characters and not repeated in the file. */
export function checkId(
  problems: Problem[],
  line: number,
  id: string,
  firstLineOfId: Map<string, number>,
): void {
  if (id === '') rowProblem(problems, line, 'id', 'id saknas');
  else if (id.length > MAX_ID_LENGTH)
    rowProblem(problems, line, 'id', `id får vara högst ${MAX_ID_LENGTH} tecken`);
  else if (firstLineOfId.has(id))
    rowProblem(problems, line, 'id', `id "${id}" finns redan på rad ${firstLineOfId.get(id)}`);
  else firstLineOfId.set(id, line);
}

/** Checks a municipality id: present and, when the known ones are given, one of them. */
export function checkMunicipality(
  problems: Problem[],
  line: number,
  value: string,
  options: ForumCsvOptions,
): void {
  if (value === '') rowProblem(problems, line, 'municipality', 'kommun saknas');
  else if (options.municipalities && !options.municipalities.has(value)) {
    rowProblem(
      problems,
      line,
      'municipality',
      `okänd kommun "${value}"; kända: ${[...options.municipalities].join(', ')}`,
    );
  }
}

/** Throws the all-or-nothing rejection of a file with every problem, when there is any. */
export function rejectIfAny(problems: Problem[], code: string): void {
  if (problems.length > 0) {
    throw new ValidationError(
      problems,
      `Filen har ${problems.length} fel och lästes inte in; ingen rad har sparats`,
      code,
    );
  }
}
