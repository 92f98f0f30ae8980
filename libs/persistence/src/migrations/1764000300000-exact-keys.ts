import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys compare exactly on both databases. SQLite compares text byte for byte; MySQL/MariaDB
 * compared these columns by the database's case- and accent-insensitive collation, so the
 * incident "INC-7" was taken to be "inc-7" (and its invoice line's source key with it). The key
 * columns now use the binary collation there; SQLite needs no change.
 */
const KEY_COLUMNS = [
  { table: 'incident', column: 'id', length: 100 },
  { table: 'invoice_line', column: 'source_key', length: 200 },
  { table: 'internal_charge', column: 'source_key', length: 200 },
  { table: 'idempotency_record', column: 'key', length: 200 },
];

export class ExactKeys1764000300000 implements MigrationInterface {
  name = 'ExactKeys1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    for (const { table, column, length } of KEY_COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE \`${table}\` MODIFY \`${column}\` VARCHAR(${length}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    // Back to the table's default collation; fails if two stored keys differ only in case.
    for (const { table, column, length } of [...KEY_COLUMNS].reverse()) {
      await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` VARCHAR(${length}) NOT NULL`);
    }
  }
}
