import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

const REGISTER_ORDER = new TableIndex({
  name: 'ix_register_import_order',
  columnNames: ['model_version_id', 'created_at', 'sequence'],
});

/**
 * Numbers the rows of `table` without a number (sequence 0) 1, 2, … per model version by `timestamp`
 * and, within one instant, by id descending, so that newest first (timestamp, then sequence
 * descending) keeps the order the register list showed them in before (timestamp descending, id
 * ascending); which of two rows stored at one instant came first was not kept. A version's numbered
 * rows were counted after these, so their numbers are already higher.
 */
async function numberRows(queryRunner: QueryRunner, table: string, timestamp: string): Promise<void> {
  const q = (name: string) => queryRunner.connection.driver.escape(name);
  const rows: { id: string; version: string }[] = await queryRunner.query(
    `SELECT id, model_version_id AS version FROM ${q(table)} WHERE ${q('sequence')} = 0 ` +
      `ORDER BY model_version_id, ${q(timestamp)}, id DESC`,
  );
  let version = '';
  let next = 0;
  for (const row of rows) {
    next = row.version === version ? next + 1 : 1;
    version = row.version;
    await queryRunner.query(`UPDATE ${q(table)} SET ${q('sequence')} = ? WHERE id = ?`, [next, row.id]);
  }
}

/**
 * Imports listed newest first with a tiebreak that is their order of storing: two imports stored at
 * one instant (same created_at / imported_at) were listed in the order of their random ids. Register
 * imports get the ledger imports' per-version sequence (1, 2, …, assigned under the version's row
 * lock); ledger imports stored before their sequence existed (all 0) are numbered.
 */
export class ImportSequence1764410000000 implements MigrationInterface {
  name = 'ImportSequence1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'register_import',
      new TableColumn({ name: 'sequence', type: 'integer', isNullable: false, default: 0 }),
    );
    await numberRows(queryRunner, 'register_import', 'created_at');
    await queryRunner.createIndex('register_import', REGISTER_ORDER);
    await numberRows(queryRunner, 'ledger_import', 'imported_at');
  }

  /** The ledger imports keep their numbers: their order is the same with them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('register_import', REGISTER_ORDER.name!);
    await queryRunner.dropColumn('register_import', 'sequence');
  }
}
