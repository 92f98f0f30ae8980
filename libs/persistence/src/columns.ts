import { Money } from '@it-samverkan/domain';
import { ColumnOptions, ValueTransformer } from 'typeorm';
import { databaseKindOf } from '@it-samverkan/config/env';

/**
 * The database kind this process talks to. Column types differ per kind for money only:
 * MySQL/MariaDB keeps DECIMAL(19,2); SQLite would turn DECIMAL into a float (NUMERIC
 * affinity), so there money is TEXT in the canonical two-decimal form. Both round-trip exactly.
 */
export const DATABASE_KIND = databaseKindOf(process.env.DATABASE_URL);

const moneyTransformer: ValueTransformer = {
  to: (value: Money | null | undefined) => (value == null ? value : value.toString()),
  from: (value: string | number | null) => (value == null ? null : Money.parse(String(value))),
};

/** Options of a money column (exact on both databases, mapped to Money). */
export function moneyColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  const type: ColumnOptions =
    DATABASE_KIND === 'mysql'
      ? { type: 'decimal', precision: 19, scale: 2 }
      : { type: 'varchar', length: 24 };
  return { ...type, transformer: moneyTransformer, ...options } as ColumnOptions;
}

/** The migration column definition matching moneyColumn. */
export function moneyColumnType(): { type: string; precision?: number; scale?: number; length?: string } {
  return DATABASE_KIND === 'mysql'
    ? { type: 'decimal', precision: 19, scale: 2 }
    : { type: 'varchar', length: '24' };
}

/**
 * An exact SUM of a money column, as SQL, read with `moneyOfSum`. MySQL sums DECIMAL exactly; SQLite
 * would sum the text as a float, so there each amount is summed as integer öre (the canonical text
 * without its point) and answered as text, never passing through a JS number.
 */
export function moneySumSql(column: string): string {
  return DATABASE_KIND === 'mysql'
    ? `SUM(${column})`
    : `CAST(SUM(CAST(REPLACE(${column}, '.', '') AS INTEGER)) AS TEXT)`;
}

/** The Money of a `moneySumSql` result (null, the sum of no rows, is zero). */
export function moneyOfSum(raw: string | number | null | undefined): Money {
  if (raw == null) return Money.ofOre(0n);
  return DATABASE_KIND === 'mysql' ? Money.parse(String(raw)) : Money.ofOre(BigInt(String(raw)));
}

/** UTC timestamp with millisecond precision on both databases. */
export function timestampColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  const type = DATABASE_KIND === 'mysql' ? { type: 'datetime', precision: 3 } : { type: 'datetime' };
  return { ...type, ...options } as ColumnOptions;
}

export const TIMESTAMP_MIGRATION_TYPE = () =>
  DATABASE_KIND === 'mysql' ? { type: 'datetime', precision: 3 } : { type: 'datetime' };

/** JSON stored as text on both databases (MySQL's JSON type reorders keys, which breaks hashes). */
export const jsonTransformer: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value)),
  from: (value: string | null) => (value == null ? null : JSON.parse(value)),
};

export function jsonColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  return {
    type: DATABASE_KIND === 'mysql' ? 'longtext' : 'text',
    transformer: jsonTransformer,
    ...options,
  } as ColumnOptions;
}

export const JSON_MIGRATION_TYPE = () => (DATABASE_KIND === 'mysql' ? 'longtext' : 'text');
