import { DataSource, MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '@it-samverkan/persistence';
import { TEST_DATABASE_KIND } from '../support/database';
import { migratedDatabasePerFile } from '../support/migrated-database';

/** The indexes of the read-index migrations, by migration and table. */
const READ_INDEXES: Record<string, Record<string, string[]>> = {
  ReadIndexes1764200500000: {
    invoice: [
      'ix_invoice_buyer_municipality_period',
      'ix_invoice_buyer_period',
      'ix_invoice_period_order',
      'ix_invoice_status_period',
    ],
    invoice_line: ['ix_invoice_line_source'],
    split_run: ['ix_split_run_model_created'],
  },
  InvoiceStatusParties1764200510000: { invoice: ['ix_invoice_status_parties'] },
  InvoiceStatusOrder1764300000000: { invoice: ['ix_invoice_status_order'] },
  InvoicePeriodSummary1764400000000: { invoice: ['ix_invoice_issuer_period', 'ix_invoice_period_summary'] },
};

async function indexesOf(ds: DataSource, table: string): Promise<string[]> {
  const rows: Record<string, string>[] =
    TEST_DATABASE_KIND === 'mysql'
      ? await ds.query(
          'SELECT DISTINCT index_name AS name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = ?',
          [table],
        )
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [table]);
  return rows.map((r) => r.name ?? r.NAME ?? r.INDEX_NAME).sort();
}

describe(`the read indexes migration (${TEST_DATABASE_KIND})`, () => {
  const database = migratedDatabasePerFile();

  it.each(Object.entries(READ_INDEXES))(
    '%s adds its indexes, takes exactly them away again, and adds them once more',
    async (name, indexes) => {
      const ds = database();
      const Migration = MIGRATIONS.find((m) => m.name === name) as (new () => MigrationInterface) | undefined;
      expect(Migration).toBeDefined();
      const tables = Object.keys(indexes);
      const applied = Object.fromEntries(
        await Promise.all(tables.map(async (t) => [t, await indexesOf(ds, t)])),
      );
      for (const t of tables) expect(applied[t]).toEqual(expect.arrayContaining(indexes[t]));

      const runner = ds.createQueryRunner();
      try {
        await new Migration!().down(runner);
        for (const t of tables)
          expect(await indexesOf(ds, t)).toEqual(applied[t].filter((i: string) => !indexes[t].includes(i)));
        await new Migration!().up(runner);
        for (const t of tables) expect(await indexesOf(ds, t)).toEqual(applied[t]);
      } finally {
        await runner.release();
      }
    },
  );
});
