import { Problem, readLocalDateTime, ValidationError } from '@it-samverkan/domain';
import { readCsvTable } from '../csv/csv-table';

/** The columns of an incident file, in the order DOMAIN.md 6.4 gives them. */
export const INCIDENT_CSV_COLUMNS = ['id', 'start', 'end', 'consumer', 'system', 'description'] as const;

/** One on-call incident read from a file; `line` is the file line its row starts on (header = line 1). */
export interface IncidentInput {
  line: number;
  id: string;
  start: Date;
  end: Date;
  consumer: string;
  system: string;
  description: string;
}

/** The incidents of a file that was accepted as a whole. */
export interface IncidentCsv {
  rows: IncidentInput[];
  delimiter: ',' | ';';
}

/**
 * Reads an incident CSV (DOMAIN.md 6.4): UTF-8 with or without BOM, comma or semicolon separated
 * (decided by the header line), quoted fields allowed, columns by header name in any order
 * (other columns are ignored). Times are read in `timezone` by readLocalDateTime. Either every
 * row is good and all are returned, or a ValidationError lists every bad row with paths like
 * `line 3.start` and nothing is returned. With `knownConsumers`, unknown consumers are problems.
 */
export function parseIncidentCsv(
  text: string,
  timezone: string,
  knownConsumers?: ReadonlySet<string>,
): IncidentCsv {
  const problems: Problem[] = [];
  const table = readCsvTable(text, INCIDENT_CSV_COLUMNS, problems);
  const rows: IncidentInput[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const at = (path: string, message: string) =>
      problems.push({ path: `line ${line}${path}`, message: `Rad ${line}: ${message}` });

    const id = fields.id;
    if (id === '') at('.id', 'id saknas');
    else if (firstLineOfId.has(id)) at('.id', `id "${id}" finns redan på rad ${firstLineOfId.get(id)}`);
    else firstLineOfId.set(id, line);

    const start = readLocalDateTime(fields.start, timezone, `line ${line}.start`);
    const end = readLocalDateTime(fields.end, timezone, `line ${line}.end`);
    if (!start.ok) at('.start', `starttid: ${start.problem.message}`);
    if (!end.ok) at('.end', `sluttid: ${end.problem.message}`);
    if (start.ok && end.ok && end.value.getTime() <= start.value.getTime()) {
      at('.end', `sluttiden ${fields.end} måste vara efter starttiden ${fields.start}`);
    }

    const consumer = fields.consumer;
    if (consumer === '') at('.consumer', 'förbrukare saknas');
    else if (knownConsumers && !knownConsumers.has(consumer))
      at('.consumer', `okänd förbrukare "${consumer}"`);

    if (start.ok && end.ok) {
      rows.push({
        line,
        id,
        start: start.value,
        end: end.value,
        consumer,
        system: fields.system,
        description: fields.description,
      });
    }
  }
  if (problems.length > 0) {
    // Problems arrive per row in file order; header and width problems first, as the reader found them.
    problems.sort((x, y) => lineOf(x.path) - lineOf(y.path));
    throw new ValidationError(
      problems,
      `Filen har ${problems.length} fel och lästes inte in; ingen rad har sparats`,
      'INCIDENT_CSV_INVALID',
    );
  }
  return { rows, delimiter: table.delimiter };
}

function lineOf(path: string): number {
  return Number(/^line (\d+)/.exec(path)?.[1] ?? 0);
}
