import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@it-samverkan/persistence';
import { TEST_DATABASE_KIND } from '../support/database';
import { migratedDatabasePerFile } from '../support/migrated-database';

async function tables(ds: DataSource): Promise<string[]> {
  const rows: Record<string, string>[] =
    TEST_DATABASE_KIND === 'mysql'
      ? await ds.query(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
        )
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return rows
    .map((r) => r.name ?? r.NAME ?? r.TABLE_NAME)
    .filter((n) => n !== 'migrations')
    .sort();
}

describe(`every migration is reversible (${TEST_DATABASE_KIND})`, () => {
  const database = migratedDatabasePerFile();

  it('reverts all migrations to an empty schema and applies them again to the same schema', async () => {
    const ds = database();
    const before = await tables(ds);
    expect(before).toEqual(
      expect.arrayContaining(['invoice', 'invoice_line', 'audit_entry', 'cost_model_version']),
    );
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(before);
  });
});
