import { QueryRunner, TableColumnOptions, TableIndex } from 'typeorm';
import { JSON_MIGRATION_TYPE, moneyColumnType, TIMESTAMP_MIGRATION_TYPE } from '../columns';

/** Column builders for migrations, so every table uses the same portable types. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  autoId: (name = 'id'): TableColumnOptions => ({
    name,
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  str: (name: string, length = 255, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'text',
    isNullable: nullable,
  }),
  int: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: nullable,
  }),
  bool: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'boolean',
    isNullable: nullable,
  }),
  money: (name: string, nullable = false): TableColumnOptions =>
    ({ name, ...moneyColumnType(), isNullable: nullable }) as TableColumnOptions,
  timestamp: (name: string, nullable = false): TableColumnOptions =>
    ({ name, ...TIMESTAMP_MIGRATION_TYPE(), isNullable: nullable }) as TableColumnOptions,
  date: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: '10',
    isNullable: nullable,
  }),
  json: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: JSON_MIGRATION_TYPE(),
    isNullable: nullable,
  }),
};

/** Makes a table append-only at the database level: updates and deletes fail. */
export async function makeAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  const mysql = queryRunner.connection.options.type === 'mysql';
  for (const op of ['UPDATE', 'DELETE']) {
    const name = `${table}_no_${op.toLowerCase()}`;
    if (mysql) {
      await queryRunner.query(
        `CREATE TRIGGER \`${name}\` BEFORE ${op} ON \`${table}\` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${table} is append-only'`,
      );
    } else {
      await queryRunner.query(
        `CREATE TRIGGER "${name}" BEFORE ${op} ON "${table}" BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
    }
  }
}

export async function dropAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  const q = queryRunner.connection.options.type === 'mysql' ? '`' : '"';
  for (const op of ['update', 'delete'])
    await queryRunner.query(`DROP TRIGGER IF EXISTS ${q}${table}_no_${op}${q}`);
}

/** An index of a table, as read-index migrations add and take away. */
export interface TableIndexOf {
  table: string;
  index: TableIndex;
}

/** Adds the indexes in order; `dropIndexes` takes the same list away in reverse. */
export async function createIndexes(queryRunner: QueryRunner, indexes: TableIndexOf[]): Promise<void> {
  for (const { table, index } of indexes) await queryRunner.createIndex(table, index);
}

export async function dropIndexes(queryRunner: QueryRunner, indexes: TableIndexOf[]): Promise<void> {
  for (const { table, index } of [...indexes].reverse()) await queryRunner.dropIndex(table, index.name!);
}
