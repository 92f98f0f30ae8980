import { Dec } from '../money';
import { checkQuantity, parseQuantity } from '../money/quantity';
import { Problem, ValidationError } from '../errors';
import {
  firstMatchingRule,
  mappingColumns,
  normaliseRegisterValue,
  RegisterMappingRule,
} from './register-mapping';

/**
 * The kinds of register and their counting rule:
 * - `devices` (inventarielista): one row is one device;
 * - `accounts` (export of user accounts): one row is one account; with a status column, a row whose
 *   status says the account is not active (inaktiv, avstängd, spärrad, disabled, false, nej, 0) is
 *   not counted and is listed with the reason;
 * - `licences` (licenslista): one row is a licence agreement line, counted by its quantity column
 *   (default "Antal", a non-negative number); a row without the column's value makes the file unreadable.
 */
export type RegisterKind = 'devices' | 'accounts' | 'licences';
export const REGISTER_KINDS: readonly RegisterKind[] = ['devices', 'accounts', 'licences'];
/** The quantity column of a licence list when none is named. */
export const DEFAULT_QUANTITY_COLUMN = 'Antal';

const INACTIVE = new Set([
  'inaktiv',
  'inaktivt',
  'avstängd',
  'avstängt',
  'spärrad',
  'spärrat',
  'disabled',
  'inactive',
  'false',
  'nej',
  '0',
]);

/** One data row of a register file: its line or row number in the file and its fields by column. */
export interface RegisterRow {
  line: number;
  fields: Readonly<Record<string, string>>;
}

export interface RegisterCountInput {
  kind: RegisterKind;
  rows: readonly RegisterRow[];
  rules: readonly RegisterMappingRule[];
  /** The consumers of the model version, in model order. */
  consumers: readonly string[];
  /** Licences: the column holding the quantity (default "Antal"). */
  quantityColumn?: string;
  /** Accounts: the column telling whether the account is active (optional). */
  statusColumn?: string;
}

/** A row that gave no volume: its line, the values the mapping looked at, and why (Swedish). */
export interface UncountedRow {
  line: number;
  value: string;
  reason: string;
}

export interface ConsumerCount {
  consumer: string;
  /** The consumer's volume, an exact decimal string ("612", "12.5"). */
  volume: string;
  rows: number;
}

export interface RegisterCount {
  totalRows: number;
  countedRows: number;
  /** Consumers with at least one counted row, in model order. */
  volumes: ConsumerCount[];
  /** Consumers of the model no row was counted for (their volume of the driver becomes nothing). */
  consumersWithoutRows: string[];
  /** Every row that was not counted, in file order. */
  unmatched: UncountedRow[];
  /** The sum of the volumes. */
  totalVolume: string;
}

/** The columns a register file must have for this input: the mapping's, and the kind's own. */
export function requiredRegisterColumns(input: Omit<RegisterCountInput, 'rows' | 'consumers'>): string[] {
  const columns = mappingColumns(input.rules);
  const extra =
    input.kind === 'licences'
      ? (input.quantityColumn ?? DEFAULT_QUANTITY_COLUMN)
      : input.kind === 'accounts'
        ? input.statusColumn
        : undefined;
  if (extra && !columns.some((c) => normaliseRegisterValue(c) === normaliseRegisterValue(extra)))
    columns.push(extra.trim());
  return columns;
}

/**
 * Counts a register into volumes per consumer through a mapping (pure). Every row is either
 * counted or listed in `unmatched` with its reason, never dropped. A licence quantity that is not a
 * non-negative number refuses the whole register (ValidationError, every such row at `line N.column`).
 */
export function countRegister(input: RegisterCountInput): RegisterCount {
  const columns = mappingColumns(input.rules);
  const quantityColumn = input.quantityColumn ?? DEFAULT_QUANTITY_COLUMN;
  const modelOrder = new Map(input.consumers.map((c, i) => [c, i]));
  const sums = new Map<string, { volume: Dec; rows: number }>();
  const unmatched: UncountedRow[] = [];
  const problems: Problem[] = [];

  for (const row of input.rows) {
    const field = (column: string) => fieldOf(row.fields, column);
    const value = columns.map((c) => field(c) ?? '').join(' / ');
    let quantity = new Dec(1);
    if (input.kind === 'licences') {
      const raw = (field(quantityColumn) ?? '').replace(/\s/g, '').replace(',', '.');
      const problem = checkQuantity(raw, `line ${row.line}.${quantityColumn}`);
      if (problem) {
        problems.push({
          path: problem.path,
          message: `Rad ${row.line}: ${quantityColumn} "${field(quantityColumn) ?? ''}" är inte ett icke-negativt tal`,
        });
        continue;
      }
      quantity = parseQuantity(raw);
    }
    if (input.kind === 'accounts' && input.statusColumn) {
      const status = field(input.statusColumn) ?? '';
      if (INACTIVE.has(normaliseRegisterValue(status))) {
        unmatched.push({
          line: row.line,
          value,
          reason: `Kontot är inte aktivt (${input.statusColumn} = ${status.trim()})`,
        });
        continue;
      }
    }
    if (columns.every((c) => (field(c) ?? '').trim() === '')) {
      unmatched.push({ line: row.line, value, reason: `Raden saknar värde i ${columns.join(', ')}` });
      continue;
    }
    const rule = firstMatchingRule(input.rules, row.fields);
    if (rule < 0) {
      unmatched.push({ line: row.line, value, reason: 'Ingen regel i mappningen passar värdet' });
      continue;
    }
    const consumer = input.rules[rule].consumer;
    if (!modelOrder.has(consumer)) {
      unmatched.push({
        line: row.line,
        value,
        reason: `Regel ${rule + 1} pekar på förbrukaren ${consumer}, som inte finns i modellversionen`,
      });
      continue;
    }
    const sum = sums.get(consumer) ?? { volume: new Dec(0), rows: 0 };
    sums.set(consumer, { volume: sum.volume.plus(quantity), rows: sum.rows + 1 });
  }
  if (problems.length > 0)
    throw new ValidationError(problems, 'Registret går inte att läsa', 'REGISTER_UNREADABLE');

  const volumes = [...sums.entries()]
    .sort(([a], [b]) => modelOrder.get(a)! - modelOrder.get(b)!)
    .map(([consumer, s]) => ({ consumer, volume: s.volume.toString(), rows: s.rows }));
  return {
    totalRows: input.rows.length,
    countedRows: volumes.reduce((n, v) => n + v.rows, 0),
    volumes,
    consumersWithoutRows: input.consumers.filter((c) => !sums.has(c)),
    unmatched,
    totalVolume: volumes.reduce((t, v) => t.plus(v.volume), new Dec(0)).toString(),
  };
}

function fieldOf(fields: Readonly<Record<string, string>>, column: string): string | undefined {
  if (column in fields) return fields[column];
  const wanted = normaliseRegisterValue(column);
  const key = Object.keys(fields).find((k) => normaliseRegisterValue(k) === wanted);
  return key === undefined ? undefined : fields[key];
}
