import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { letReadsIn } from './sqlite/reads';

/**
 * Multi-row INSERT of entities in chunks, with each value prepared by the driver exactly as
 * TypeORM would (transformers, dates in UTC), but without the ORM's per-row bookkeeping: invoice
 * runs insert tens of thousands of lines. Runs in the caller's transaction, letting reads in
 * between chunks on SQLite.
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
  for (let i = 0; i < rows.length; i += size) {
    if (i > 0) await letReadsIn(manager);
    const chunk = rows.slice(i, i + size);
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const column of columns)
        params.push(driver.preparePersistentValue(column.getEntityValue(row), column));
    }
    await manager.query(head + chunk.map(() => tuple).join(', '), params);
  }
}
