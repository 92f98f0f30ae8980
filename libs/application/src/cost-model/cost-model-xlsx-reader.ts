import ExcelJS from 'exceljs';
import { COST_MODEL_FORMAT, ProblemList, validateCostModel, ValidationError } from '@it-samverkan/domain';
import { COLUMNS, MODEL_FIELDS, SectionSheet, SHEET_ALIASES, SHEETS } from './cost-model-xlsx-layout';

type Cell = string | number | null;
type Json = Record<string, unknown>;

const norm = (s: string) => s.trim().toLowerCase();

/** A cell's value as text or number (formulas give their cached result); null when empty. */
function cellValue(cell: ExcelJS.Cell, where: string, problems: ProblemList): Cell {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    problems.add(where, 'Ett datum kan inte stå här; skriv talet eller texten');
    return null;
  }
  const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
  if (o.error !== undefined) {
    problems.add(where, `Cellen innehåller felet ${String(o.error)}`);
    return null;
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    if (typeof r === 'number' || typeof r === 'string') return typeof r === 'string' ? r.trim() || null : r;
    problems.add(where, 'Formeln saknar beräknat värde; spara arbetsboken i Excel först');
    return null;
  }
  if (Array.isArray(o.richText))
    return (
      o.richText
        .map((t) => t.text)
        .join('')
        .trim() || null
    );
  if (typeof o.text === 'string') return o.text.trim() || null;
  problems.add(where, 'Cellens innehåll kan inte läsas');
  return null;
}

/** Where in the workbook a part of the document came from, to point users at the right cell. */
type Locations = Map<string, string>;

interface SheetTable {
  name: string;
  /** Column number of each heading (normalised). */
  headings: Map<string, number>;
  /** Each heading as written, by column number. */
  original: Map<number, string>;
  rows: { number: number; cells: Map<number, Cell> }[];
}

function readSheet(ws: ExcelJS.Worksheet, problems: ProblemList): SheetTable {
  const headings = new Map<string, number>();
  const original = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellValue(cell, `${ws.name}!${cell.address}`, problems);
    if (text === null) return;
    const key = norm(String(text));
    if (headings.has(key)) problems.add(`${ws.name}!${cell.address}`, `Rubriken "${text}" finns två gånger`);
    else headings.set(key, col);
    original.set(col, String(text));
  });
  const rows: SheetTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = new Map<number, Cell>();
    row.eachCell((cell, col) => {
      const value = cellValue(cell, `${ws.name}!${cell.address}`, problems);
      if (value !== null) cells.set(col, value);
    });
    if (cells.size > 0) rows.push({ number, cells });
  });
  return { name: ws.name, headings, original, rows };
}

function columnOf(
  table: SheetTable,
  accepted: readonly string[],
  problems: ProblemList,
  required = true,
): number | null {
  for (const name of accepted) {
    const col = table.headings.get(norm(name));
    if (col !== undefined) return col;
  }
  if (required) problems.add(`${table.name}!1`, `Kolumnen "${accepted[0]}" saknas på rad 1`);
  return null;
}

/** Columns not among the fixed ones: their heading is an id (a service of a pool, a driver of volumes). */
function extraColumns(table: SheetTable, fixed: Record<string, readonly string[]>): [string, number][] {
  const known = new Set(Object.values(fixed).flatMap((names) => names.map(norm)));
  return [...table.headings]
    .filter(([heading]) => !known.has(heading))
    .map(([, col]) => [table.original.get(col)!, col]);
}

const text = (v: Cell | undefined) => (v === null || v === undefined ? undefined : String(v));
/** Numbers from cells as decimal strings ("1000000", "0.5"); Swedish decimal commas accepted in text. */
const decimal = (v: Cell | undefined) =>
  v === null || v === undefined
    ? undefined
    : typeof v === 'number'
      ? String(v)
      : v.replace(/\s/g, '').replace(',', '.');

/** "a: 1; b: 2" → { a: "1", b: "2" }; "a; b" → ["a", "b"]. */
function receivers(
  spec: string | undefined,
  weighted: boolean,
  where: string,
  problems: ProblemList,
): string[] | Record<string, string> {
  const parts = (spec ?? '')
    .split(weighted ? ';' : /[;,]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!weighted) return parts;
  const out: Record<string, string> = {};
  for (const part of parts) {
    const m = /^([^:=]+)[:=]\s*(.+)$/.exec(part);
    if (!m) {
      problems.add(where, `"${part}" saknar vikt; skriv t.ex. "arbetsplats: 50"`);
      continue;
    }
    out[m[1].trim()] = m[2].trim().replace(',', '.');
  }
  return out;
}

function findSheet(
  wb: ExcelJS.Workbook,
  section: SectionSheet,
  problems: ProblemList,
): ExcelJS.Worksheet | null {
  const names = SHEET_ALIASES[section].map(norm);
  const ws = wb.worksheets.find((w) => names.includes(norm(w.name)));
  if (!ws) problems.add(SHEETS[section], `Bladet "${SHEETS[section]}" saknas`);
  return ws ?? null;
}

/** Reads the document of DOMAIN.md 5.1 out of a workbook laid out as cost-model-xlsx-layout describes. */
async function readWorkbook(buffer: Buffer): Promise<{ document: Json; locations: Locations }> {
  const problems = new ProblemList();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new ValidationError(
      [{ path: '', message: 'Filen är ingen läsbar XLSX-arbetsbok' }],
      'Arbetsboken kunde inte läsas',
      'XLSX_UNREADABLE',
    );
  }
  const tables = {} as Record<SectionSheet, SheetTable | null>;
  for (const section of Object.keys(SHEET_ALIASES) as SectionSheet[]) {
    const ws = findSheet(wb, section, problems);
    tables[section] = ws ? readSheet(ws, problems) : null;
  }
  problems.throwIfAny('Arbetsboken följer inte mallen', 'XLSX_LAYOUT');

  const locations: Locations = new Map();
  const at = (t: SheetTable, row: number) => `blad ${t.name}, rad ${row}`;
  const document: Json = { format: COST_MODEL_FORMAT };

  const model = tables.model!;
  const fieldCol = columnOf(model, COLUMNS.model.field, problems);
  const valueCol = columnOf(model, COLUMNS.model.value, problems);
  for (const row of model.rows) {
    const label = norm(text(row.cells.get(fieldCol ?? 1)) ?? '');
    const field = (Object.keys(MODEL_FIELDS) as (keyof typeof MODEL_FIELDS)[]).find((f) =>
      (MODEL_FIELDS[f] as readonly string[]).includes(label),
    );
    if (!field) continue;
    const value = row.cells.get(valueCol ?? 2) ?? null;
    locations.set(field, at(model, row.number));
    if (field === 'ledgerMapping') {
      if (value === null) continue;
      try {
        document.ledgerMapping = JSON.parse(String(value)) as unknown;
      } catch {
        problems.add(at(model, row.number), 'Kontomappningen måste vara JSON, t.ex. {"rules": [...]}');
      }
      continue;
    }
    document[field] = field === 'year' && value !== null ? Number(decimal(value)) : text(value);
  }

  const list = (section: 'consumers' | 'drivers', fields: Record<string, readonly string[]>) => {
    const t = tables[section]!;
    const cols = Object.entries(fields).map(([f, names]) => [f, columnOf(t, names, problems)] as const);
    document[section] = t.rows.map((row, i) => {
      locations.set(`${section}[${i}]`, at(t, row.number));
      return Object.fromEntries(cols.map(([f, c]) => [f, c === null ? undefined : text(row.cells.get(c))]));
    });
  };
  list('consumers', COLUMNS.consumers);
  list('drivers', COLUMNS.drivers);

  const pools = tables.pools!;
  const poolCols = Object.entries(COLUMNS.pools).map(
    ([f, names]) => [f, columnOf(pools, names, problems)] as const,
  );
  const poolTargets = extraColumns(pools, COLUMNS.pools);
  document.pools = pools.rows.map((row, i) => {
    locations.set(`pools[${i}]`, at(pools, row.number));
    const entry: Json = Object.fromEntries(
      poolCols.map(([f, c]) => [
        f,
        c === null ? undefined : f === 'amount' ? decimal(row.cells.get(c)) : text(row.cells.get(c)),
      ]),
    );
    const to: Record<string, string> = {};
    for (const [heading, col] of poolTargets) {
      const weight = decimal(row.cells.get(col));
      if (weight === undefined) continue;
      to[heading] = weight;
      locations.set(`pools[${i}].to.${heading}`, at(pools, row.number));
    }
    entry.to = to;
    return entry;
  });

  const services = tables.services!;
  const sc = Object.fromEntries(
    Object.entries(COLUMNS.services).map(([f, names]) => [
      f,
      columnOf(services, names, problems, f === 'id' || f === 'method'),
    ]),
  );
  document.services = services.rows.map((row, i) => {
    const where = `${services.name}!rad ${row.number}`;
    locations.set(`services[${i}]`, at(services, row.number));
    const cell = (f: string) => (sc[f] === null ? undefined : text(row.cells.get(sc[f]!)));
    const method = cell('method');
    let allocate: Json;
    if (method === 'driver') allocate = { method, driver: cell('driver') };
    else if (method === 'proportional')
      allocate = { method, to: receivers(cell('to'), false, where, problems) };
    else allocate = { method, to: receivers(cell('to'), true, where, problems) };
    const description = cell('description');
    return description === undefined
      ? { id: cell('id'), name: cell('name'), allocate }
      : { id: cell('id'), name: cell('name'), description, allocate };
  });

  const volumes = tables.volumes!;
  const consumerCol = columnOf(volumes, COLUMNS.volumes.consumer, problems);
  const driverCols = extraColumns(volumes, COLUMNS.volumes);
  const byDriver: Record<string, Record<string, string>> = {};
  for (const [driverId] of driverCols) byDriver[driverId] = {};
  for (const row of volumes.rows) {
    const consumer = consumerCol === null ? undefined : text(row.cells.get(consumerCol));
    if (consumer === undefined) {
      problems.add(`${volumes.name}!rad ${row.number}`, 'Förbrukarens id saknas');
      continue;
    }
    for (const [driverId, col] of driverCols) {
      const volume = decimal(row.cells.get(col));
      if (volume === undefined) continue;
      byDriver[driverId][consumer] = volume;
      locations.set(`volumes.${driverId}.${consumer}`, at(volumes, row.number));
    }
  }
  document.volumes = byDriver;
  problems.throwIfAny('Arbetsboken följer inte mallen', 'XLSX_LAYOUT');
  return { document, locations };
}

/** The workbook location of a problem's path: the longest known prefix. */
function locate(path: string, locations: Locations): string | null {
  let best: string | null = null;
  for (const prefix of locations.keys()) {
    if (
      (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) &&
      (!best || prefix.length > best.length)
    )
      best = prefix;
  }
  return best ? locations.get(best)! : null;
}

/**
 * Reads a cost model from an XLSX workbook and validates it: returns the document, or throws a
 * ValidationError listing every problem, each pointing at its sheet and row as well as its path.
 */
export async function costModelFromXlsx(buffer: Buffer): Promise<Json> {
  const { document, locations } = await readWorkbook(buffer);
  try {
    validateCostModel(document);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const details = error.details.map((d) => {
      const where = locate(d.path, locations);
      return where ? { path: d.path, message: `${d.message} (${where})` } : d;
    });
    throw new ValidationError(details, error.message, error.code);
  }
  return document;
}
