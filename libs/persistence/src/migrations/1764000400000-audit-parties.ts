import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The parties an audit entry is about (`|ulricehamn|tranemo|`, or `|*|` for what the whole
 * cooperation shares), so a scoped administrator's audit list holds only its own. Plain ALTER
 * TABLE on both databases: TypeORM's SQLite addColumn rebuilds the table and would drop the
 * append-only triggers. Entries written before this migration have none and are shown only to
 * unscoped administrators.
 */
export class AuditParties1764000400000 implements MigrationInterface {
  name = 'AuditParties1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_entry ADD COLUMN parties varchar(1000) NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_entry DROP COLUMN parties');
  }
}
