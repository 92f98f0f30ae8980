import type { DataSource } from 'typeorm';
import { openDatabase } from '@it-samverkan/persistence';
import { freshDatabase } from './database';

/**
 * A fresh database with every migration applied for the test file that calls this at its top level
 * (or in a describe): opened before its tests, closed and dropped after them. Returns the data source.
 */
export function migratedDatabasePerFile(): () => DataSource {
  let ds: DataSource | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = await freshDatabase();
    drop = db.drop;
    ds = await openDatabase(db.url);
  });
  afterAll(async () => {
    await ds?.destroy();
    await drop?.();
  });
  return () => ds!;
}
