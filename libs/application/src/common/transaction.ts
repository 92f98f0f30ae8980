import { DataSource, EntityManager } from 'typeorm';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one transaction: the change and its audit entries commit together or not at all.
 * MySQL uses READ COMMITTED so counters locked FOR UPDATE serialise cleanly. SQLite has one
 * connection and one writer, so its transactions are queued here rather than interleaved.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type === 'mysql') return dataSource.transaction('READ COMMITTED', work);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(work));
  sqliteQueues.set(dataSource, next);
  return next;
}

/** Adds FOR UPDATE where the database has row locks (MySQL); SQLite's single writer needs none. */
export function lockMode(dataSource: DataSource): 'pessimistic_write' | undefined {
  return dataSource.options.type === 'mysql' ? 'pessimistic_write' : undefined;
}
