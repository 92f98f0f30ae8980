import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { databaseKindOf } from '@it-samverkan/config/env';
import { DomainError } from '@it-samverkan/domain';
import { openSqlite } from './sqlite/better-sqlite3';

export interface BackupResult {
  kind: 'sqlite' | 'mysql';
  file: string;
  bytes: number;
}

/**
 * Copies every page in one step, under one read transaction: a copy in many small steps starts
 * over whenever another connection commits, which under steady writes may never finish.
 */
const ALL_AT_ONCE = { progress: () => 0x7fffffff };

/** The file a sqlite: URL names. */
function sqliteFile(url: string): string {
  const path = url.replace(/^sqlite:/, '');
  if (path === ':memory:') {
    throw new DomainError(
      'BACKUP_IN_MEMORY',
      'En databas i minnet (sqlite::memory:) kan inte säkerhetskopieras',
      'invalid',
    );
  }
  return resolve(path);
}

function refuseExisting(file: string): void {
  if (existsSync(file)) {
    throw new DomainError(
      'BACKUP_FILE_EXISTS',
      `Filen ${file} finns redan; välj ett nytt namn (en säkerhetskopia skrivs aldrig över)`,
      'conflict',
    );
  }
}

/**
 * A consistent copy of the whole database, taken while the API keeps writing. SQLite: the online
 * backup API (page by page; it starts over if another connection writes meanwhile, so the copy
 * is one committed state). MySQL/MariaDB: `mariadb-dump --single-transaction` (one consistent
 * InnoDB snapshot without locking the tables), schema, triggers and data in one SQL file.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const target = resolve(file);
  refuseExisting(target);
  if (databaseKindOf(url) === 'mysql') {
    const c = mysqlConnection(url);
    await runTool(
      dumpTool(),
      [
        ...c.args,
        '--single-transaction',
        '--quick',
        '--routines',
        '--triggers',
        '--hex-blob',
        '--no-tablespaces',
        '--default-character-set=utf8mb4',
        `--result-file=${target}`,
        c.database,
      ],
      c.env,
    );
    return { kind: 'mysql', file: target, bytes: statSync(target).size };
  }
  const database = sqliteFile(url);
  if (!existsSync(database)) {
    throw new DomainError(
      'BACKUP_SOURCE_MISSING',
      `Databasen ${database} finns inte (DATABASE_URL)`,
      'not-found',
    );
  }
  const source = openSqlite(database, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, ALL_AT_ONCE);
  } finally {
    source.close();
  }
  return { kind: 'sqlite', file: target, bytes: statSync(target).size };
}

/**
 * Restores a backup into an empty database and refuses any other: a restore never mixes with or
 * overwrites data. The backup is checked first (SQLite: integrity_check and the migrations
 * table); the API's start then runs any migration newer than the backup.
 */
export async function restoreDatabase(url: string, file: string): Promise<BackupResult> {
  const source = resolve(file);
  if (!existsSync(source)) {
    throw new DomainError('BACKUP_NOT_FOUND', `Säkerhetskopian ${source} finns inte`, 'not-found');
  }
  if (databaseKindOf(url) === 'mysql') {
    const c = mysqlConnection(url);
    const admin = await createConnection(c.options);
    try {
      const [rows] = await admin.query(
        'SELECT COUNT(*) AS tables FROM information_schema.tables WHERE table_schema = ?',
        [c.database],
      );
      refuseNonEmpty(Number((rows as { tables: number }[])[0].tables), c.database);
    } finally {
      await admin.end();
    }
    await runTool(clientTool(), [...c.args, '--default-character-set=utf8mb4', c.database], c.env, source);
    return { kind: 'mysql', file: source, bytes: statSync(source).size };
  }
  const target = sqliteFile(url);
  if (existsSync(target)) {
    const existing = openSqlite(target, { readonly: true });
    try {
      const { tables } = existing
        .prepare("SELECT COUNT(*) AS tables FROM sqlite_master WHERE type = 'table'")
        .get() as {
        tables: number;
      };
      refuseNonEmpty(tables, target);
    } finally {
      existing.close();
    }
  }
  const backup = openSqlite(source, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    const migrations = backup
      .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'migrations'")
      .get() as { n: number };
    if (check !== 'ok' || migrations.n !== 1) {
      throw new DomainError(
        'BACKUP_INVALID',
        `${source} är ingen hel säkerhetskopia av it-samverkan (${String(check)})`,
        'invalid',
      );
    }
    await backup.backup(target, ALL_AT_ONCE);
  } finally {
    backup.close();
  }
  return { kind: 'sqlite', file: source, bytes: statSync(source).size };
}

function refuseNonEmpty(tables: number, name: string): void {
  if (tables > 0) {
    throw new DomainError(
      'RESTORE_TARGET_NOT_EMPTY',
      `Databasen ${name} är inte tom (${tables} tabeller); återställ bara till en ny, tom databas`,
      'conflict',
    );
  }
}

interface MysqlConnection {
  database: string;
  /** Connection options for the command-line tools; the password goes in MYSQL_PWD, never on the command line. */
  args: string[];
  env: NodeJS.ProcessEnv;
  options: { host: string; port: number; user: string; password: string };
}

function mysqlConnection(url: string): MysqlConnection {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const options = {
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
  };
  return {
    database: parsed.pathname.replace(/^\//, ''),
    args: [`--host=${options.host}`, `--port=${options.port}`, `--user=${options.user}`, '--protocol=tcp'],
    env: { ...process.env, MYSQL_PWD: options.password },
    options,
  };
}

/** The first of the programs that runs here (MariaDB's names first, then MySQL's). */
function firstAvailable(names: string[], what: string): string {
  for (const name of names) if (spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0) return name;
  throw new DomainError(
    'BACKUP_TOOL_MISSING',
    `${what} saknas (${names.join(' eller ')}); installera MariaDB-klienten (apt-get install mariadb-client)`,
    'unavailable',
  );
}
const dumpTool = () => firstAvailable(['mariadb-dump', 'mysqldump'], 'Dumpverktyget');
const clientTool = () => firstAvailable(['mariadb', 'mysql'], 'Databasklienten');

/** Runs a tool to the end; its stderr becomes the error when it fails. */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv, stdinFile?: string): Promise<void> {
  return new Promise((done, fail) => {
    const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
    const child = spawn(command, args, { env, stdio: [stdin, 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', fail);
    child.once('close', (code) => {
      if (typeof stdin === 'number') closeSync(stdin);
      if (code === 0) done();
      else
        fail(
          new DomainError(
            'BACKUP_TOOL_FAILED',
            `${command} avslutades med kod ${code}: ${stderr.trim()}`,
            'unavailable',
          ),
        );
    });
  });
}
