import { DataSource, EntityManager, QueryRunner, ReplicationMode } from 'typeorm';
import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { openSqlite, SqliteDatabase } from './better-sqlite3';

/**
 * Runs statements on the reader connection. better-sqlite3 runs each statement to its end before
 * returning (no cursor stays open), so every read is its own WAL read transaction: it sees every
 * commit made before it started and nothing of a transaction still open on the writer.
 */
class ReaderQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly reader: SqliteDatabase,
  ) {
    super(driver);
  }

  override connect(): Promise<SqliteDatabase> {
    return Promise.resolve(this.reader);
  }
}

/**
 * SQLite in WAL mode: one writer and one reader connection on the same file. TypeORM asks for a
 * `slave` query runner for every SELECT it builds outside a transaction (find, findOneBy,
 * getMany, getCount, …, its replication support); those go to the reader, which sees the last
 * committed state even while an import holds a write transaction open on the writer. Everything
 * else (writes, raw `query`, migrations, and every read inside a transaction) stays on the
 * writer. Services need no change: they keep reading through the one DataSource.
 *
 * One reader is enough: better-sqlite3 is synchronous, so in one process no two statements ever
 * run at once; what lets reads through during a long write is that the write gives the event
 * loop a turn between its chunks ({@link letReadsIn}). A database in memory (`sqlite::memory:`)
 * cannot be opened twice, so it keeps its one connection.
 */
export function readOnOwnConnection(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const driver = dataSource.driver as BetterSqlite3Driver;
  const file = driver.options.database;
  if (file === ':memory:') return;
  let runner: ReaderQueryRunner | undefined;
  const writer = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: ReplicationMode): QueryRunner => {
    if (mode !== 'slave' || !dataSource.isInitialized) return writer(mode);
    runner ??= new ReaderQueryRunner(driver, openReader(file, driver.options.timeout));
    return runner;
  };
  const disconnect = driver.disconnect.bind(driver);
  driver.disconnect = async () => {
    const reader = runner ? await runner.connect() : undefined;
    runner = undefined;
    if (reader?.open) reader.close();
    await disconnect();
  };
}

function openReader(file: string, timeout = 5000): SqliteDatabase {
  const reader = openSqlite(file, { fileMustExist: true, timeout });
  // Reads only: a write sent here by mistake fails instead of bypassing the one writer.
  reader.pragma('query_only = ON');
  return reader;
}

/**
 * Gives the event loop a turn inside a long write on SQLite (an import, an invoice run), so the
 * requests waiting meanwhile are read on the reader connection instead of after the commit.
 * better-sqlite3 answers each statement synchronously and TypeORM's awaits settle as
 * microtasks, so without this a transaction of 24 000 inserts keeps every request out until it
 * ends. MySQL/MariaDB: nothing to do, its driver waits on the network and the loop turns anyway.
 */
export function letReadsIn(manager: EntityManager): Promise<void> {
  if (manager.dataSource.options.type !== 'better-sqlite3') return Promise.resolve();
  return new Promise((resolve) => setImmediate(resolve));
}
