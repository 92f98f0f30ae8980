import { parse } from 'csv-parse/sync';
import { Problem, readLocalDateTime, ValidationError } from '@it-samverkan/domain';

/** The columns of an incident file, in the order DOMAIN.md 6.4 gives them. */
export const INCIDENT_CSV_COLUMNS = ['id', 'start', 'end', 'consumer', 'system', 'description'] as const;
type IncidentColumn = (typeof INCIDENT_CSV_COLUMNS)[number];

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
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const newline = normalized.indexOf('\n');
  const firstLine = newline < 0 ? normalized : normalized.slice(0, newline);
  const delimiter = detectDelimiter(firstLine);
  const problems: Problem[] = [];
  const fail = (): never => {
    throw new ValidationError(
      problems,
      `Filen har ${problems.length} fel och lästes inte in; ingen rad har sparats`,
      'INCIDENT_CSV_INVALID',
    );
  };

  type Parsed = Array<{ record: string[]; info: { lines: number } }>;
  let records: Parsed;
  try {
    records = parse(normalized, {
      delimiter,
      record_delimiter: '\n',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({
      path: `line ${line}`,
      message: `Rad ${line}: filen går inte att läsa som CSV (${csvReason(error)})`,
    });
    return fail();
  }
  if (records.length === 0 || firstLine.trim() === '') {
    problems.push({
      path: 'line 1',
      message: `Rad 1: rubrikraden saknas; den ska vara ${INCIDENT_CSV_COLUMNS.join(delimiter)}`,
    });
    return fail();
  }

  const columns = readHeader(records[0].record, delimiter, problems);
  if (!columns) return fail();

  const rows: IncidentInput[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - record.reduce((n, field) => n + countNewlines(field), 0);
    if (record.every((field) => field.trim() === '')) continue;
    const at = (path: string, message: string) =>
      problems.push({ path: `line ${line}${path}`, message: `Rad ${line}: ${message}` });
    if (record.length !== columns.width) {
      at('', `raden har ${record.length} fält men rubrikraden har ${columns.width}`);
      continue;
    }
    const field = (name: IncidentColumn) => record[columns.index[name]].trim();

    const id = field('id');
    if (id === '') at('.id', 'id saknas');
    else if (firstLineOfId.has(id)) at('.id', `id "${id}" finns redan på rad ${firstLineOfId.get(id)}`);
    else firstLineOfId.set(id, line);

    const start = readLocalDateTime(field('start'), timezone, `line ${line}.start`);
    const end = readLocalDateTime(field('end'), timezone, `line ${line}.end`);
    if (!start.ok) at('.start', `starttid: ${start.problem.message}`);
    if (!end.ok) at('.end', `sluttid: ${end.problem.message}`);
    if (start.ok && end.ok && end.value.getTime() <= start.value.getTime()) {
      at('.end', `sluttiden ${field('end')} måste vara efter starttiden ${field('start')}`);
    }

    const consumer = field('consumer');
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
        system: field('system'),
        description: field('description'),
      });
    }
  }
  if (problems.length > 0) fail();
  return { rows, delimiter };
}

/** Semicolon when the header line has more semicolons than commas outside quotes, else comma. */
function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function readHeader(
  header: string[],
  delimiter: string,
  problems: Problem[],
): { index: Record<IncidentColumn, number>; width: number } | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<IncidentColumn, number>;
  const before = problems.length;
  for (const column of INCIDENT_CSV_COLUMNS) {
    const positions = names.flatMap((name, i) => (name === column ? [i] : []));
    if (positions.length === 0) {
      problems.push({
        path: 'line 1',
        message: `Rad 1: kolumnen "${column}" saknas; rubrikraden ska vara ${INCIDENT_CSV_COLUMNS.join(delimiter)}`,
      });
    } else if (positions.length > 1) {
      problems.push({
        path: 'line 1',
        message: `Rad 1: kolumnen "${column}" finns ${positions.length} gånger`,
      });
    } else index[column] = positions[0];
  }
  return problems.length > before ? null : { index, width: header.length };
}

function countNewlines(field: string): number {
  let n = 0;
  for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

function csvReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'ett citattecken stängs aldrig';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'tecken efter ett avslutande citattecken';
  return code ?? 'okänt fel';
}
