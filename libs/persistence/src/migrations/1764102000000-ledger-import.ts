import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Ledger files imported into model versions, with their reconciliation and pool sources. */
export class LedgerImport1764102000000 implements MigrationInterface {
  name = 'LedgerImport1764102000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ledger_import',
        columns: [
          col.id(),
          col.str('model_version_id', 36),
          col.str('format', 10),
          col.str('file_name', 255),
          col.str('file_hash', 64),
          col.int('file_size'),
          col.str('source', 10),
          col.money('scope_total'),
          col.money('mapped_total'),
          col.money('unmapped_total'),
          col.str('document_hash_before', 64),
          col.str('document_hash_after', 64),
          col.json('result'),
          col.timestamp('imported_at'),
          col.str('imported_by', 100),
        ],
        indices: [
          new TableIndex({
            name: 'ix_ledger_import_model',
            columnNames: ['model_version_id', 'imported_at'],
          }),
        ],
        foreignKeys: [
          {
            columnNames: ['model_version_id'],
            referencedTableName: 'cost_model_version',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('ledger_import');
  }
}
