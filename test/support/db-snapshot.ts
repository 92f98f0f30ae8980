import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A hash of every table's rows (ordered by primary key), to prove that a refused write changed
 * nothing. Tables that record requests rather than data (none today) would be left out here.
 */
export async function databaseSnapshot(db: DataSource): Promise<string> {
  const hash = createHash('sha256');
  const metas = [...db.entityMetadatas].sort((a, b) => a.tableName.localeCompare(b.tableName));
  for (const meta of metas) {
    const order = meta.primaryColumns.map((c) => db.driver.escape(c.databaseName)).join(', ');
    const rows = await db.query(`SELECT * FROM ${db.driver.escape(meta.tableName)} ORDER BY ${order}`);
    hash.update(meta.tableName);
    hash.update(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  }
  return hash.digest('hex');
}
