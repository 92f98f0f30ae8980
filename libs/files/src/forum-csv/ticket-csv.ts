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

/** The columns of a ticket export (DOMAIN.md 8.1). */
export const TICKET_CSV_COLUMNS = [
  'id',
  'opened',
  'resolved',
  'municipality',
  'line',
  'firstLine',
  'ordinary',
] as const;

/** One ticket read from a file; `line` is its file line, `supportLine` the support line (1/2/3) that handled it. */
export interface TicketInput {
  line: number;
  id: string;
  opened: Date;
  /** null while the ticket is open (an empty `resolved`). */
  resolved: Date | null;
  municipality: string;
  supportLine: 1 | 2 | 3;
  firstLine: boolean;
  ordinary: boolean;
}

/**
 * Reads a ticket export: `id,opened,resolved,municipality,line,firstLine,ordinary`, header row,
 * comma or semicolon, BOM accepted. All rows or none: a ValidationError (TICKET_CSV_INVALID) lists
 * every bad row with its line number. A ticket solved at first line must be closed and at line 1.
 */
export function parseTicketCsv(
  text: string,
  options: ForumCsvOptions,
): { delimiter: ',' | ';'; rows: TicketInput[] } {
  const problems: Problem[] = [];
  const table = readCsvTable(text, TICKET_CSV_COLUMNS, problems);
  const rows: TicketInput[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    checkId(problems, line, fields.id, firstLineOfId);
    const opened = readTime(problems, line, 'opened', 'öppnad', fields.opened, options);
    const resolved =
      fields.resolved === '' ? null : readTime(problems, line, 'resolved', 'löst', fields.resolved, options);
    if (opened && resolved && resolved.getTime() < opened.getTime()) {
      rowProblem(
        problems,
        line,
        'resolved',
        `ärendet kan inte vara löst (${fields.resolved}) innan det öppnades (${fields.opened})`,
      );
    }
    checkMunicipality(problems, line, fields.municipality, options);
    const supportLine = Number(fields.line);
    if (!['1', '2', '3'].includes(fields.line))
      rowProblem(problems, line, 'line', `line måste vara 1, 2 eller 3, inte "${fields.line}"`);
    const firstLine = readFlag(problems, line, 'firstLine', fields.firstLine);
    const ordinary = readFlag(problems, line, 'ordinary', fields.ordinary);
    if (firstLine && fields.resolved === '')
      rowProblem(problems, line, 'firstLine', 'ett öppet ärende kan inte vara löst i första linjen');
    if (firstLine && ['2', '3'].includes(fields.line)) {
      rowProblem(
        problems,
        line,
        'firstLine',
        `ett ärende löst i första linjen kan inte ha line ${fields.line}`,
      );
    }
    if (opened && (resolved || fields.resolved === '')) {
      rows.push({
        line,
        id: fields.id,
        opened,
        resolved,
        municipality: fields.municipality,
        supportLine: supportLine as 1 | 2 | 3,
        firstLine,
        ordinary,
      });
    }
  }
  rejectIfAny(problems, 'TICKET_CSV_INVALID');
  return { delimiter: table.delimiter, rows };
}
