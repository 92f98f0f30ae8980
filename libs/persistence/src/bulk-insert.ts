import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { letReadsIn } from './sqlite/reads';

/**
 * Multi-row INSERT of entities in chunks, with each value prepared by the driver exactly as
 * TypeORM would (transformers, dates in UTC), but without the ORM's per-row bookkeeping: invoice
 * runs insert tens of thousands of lines. Runs in the caller's transaction, letting reads in
 * between chunks on SQLite. On MySQL/MariaDB inside a transaction the next chunk is prepared and
 * queued on the connection while the server still inserts the one before, so the server starts
 * on it at once and the process's work overlaps the server's (statements keep their order).
 */
export async function bulkInsert<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  chunkSize = 1000,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => !(c.isGenerated && c.generationStrategy === 'increment'));
  const quote = (name: string) => driver.escape(name);
  const head = `INSERT INTO ${quote(metadata.tableName)} (${columns.map((c) => quote(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  // SQLite allows 32 766 parameters per statement; stay well below it on both databases.
  const size = Math.max(1, Math.min(chunkSize, Math.floor(30_000 / columns.length)));
  // One connection (a transaction) runs its statements in the order they are sent.
  const queued = manager.connection.options.type === 'mysql' && manager.queryRunner !== undefined;
  const inFlight: Promise<unknown>[] = [];
  try {
    for (let i = 0; i < rows.length; i += size) {
      if (i > 0 && !queued) await letReadsIn(manager);
      const chunk = rows.slice(i, i + size);
      const params: unknown[] = [];
      for (const row of chunk) {
        for (const column of columns)
          params.push(driver.preparePersistentValue(column.getEntityValue(row), column));
      }
      const sent = manager.query(head + chunk.map(() => tuple).join(', '), params);
      if (!queued) {
        await sent;
        continue;
      }
      sent.catch(() => undefined); // awaited below; a failure is not unhandled while an earlier one runs
      inFlight.push(sent);
      if (inFlight.length > 1) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (error) {
    // The transaction fails with the first error, once nothing of this insert is still running.
    await Promise.allSettled(inFlight);
    throw error;
  }
}
