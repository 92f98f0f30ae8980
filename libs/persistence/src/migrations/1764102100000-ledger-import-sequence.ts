import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Imports of one version are numbered 1, 2, …: the latest is the highest, even within one millisecond. */
export class LedgerImportSequence1764102100000 implements MigrationInterface {
  name = 'LedgerImportSequence1764102100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'ledger_import',
      new TableColumn({ name: 'sequence', type: 'integer', isNullable: false, default: 0 }),
    );
    await queryRunner.createIndex(
      'ledger_import',
      new TableIndex({ name: 'ix_ledger_import_sequence', columnNames: ['model_version_id', 'sequence'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('ledger_import', 'ix_ledger_import_sequence');
    await queryRunner.dropColumn('ledger_import', 'sequence');
  }
}
