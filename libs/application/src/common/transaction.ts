import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction: the change and its audit entries commit together or not at all.
 * SQLite has one writer; MySQL uses READ COMMITTED so counters locked FOR UPDATE serialise cleanly.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'mysql') return dataSource.transaction('READ COMMITTED', work);
  return dataSource.transaction(work);
}
