import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { databaseKindOf } from '@it-samverkan/config/env';
import { ENTITIES, MIGRATIONS } from './registry';
import { readOnOwnConnection } from './sqlite/reads';

/** Builds the options for a DATABASE_URL: `sqlite:<path>` (embedded) or `mysql://…` (production). */
export function dataSourceOptions(url: string, logging = false): DataSourceOptions {
  if (databaseKindOf(url) === 'mysql') {
    return {
      type: 'mysql',
      url: url.replace(/^mariadb:/, 'mysql:'),
      entities: ENTITIES,
      migrations: MIGRATIONS,
      synchronize: false,
      migrationsRun: false,
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: true,
      charset: 'utf8mb4_unicode_ci',
      logging,
      poolSize: 20,
    } as DataSourceOptions;
  }
  const path = url.replace(/^sqlite:/, '');
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  } as DataSourceOptions;
}

/**
 * Opens the database and brings its schema up to date with the migrations. SQLite: one writer
 * and one reader connection (WAL), so reads outside transactions never wait for a write.
 */
export async function openDatabase(url: string, options: { logging?: boolean } = {}): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, options.logging));
  readOnOwnConnection(dataSource);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

export function databaseKind(dataSource: DataSource): 'sqlite' | 'mysql' {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
}
