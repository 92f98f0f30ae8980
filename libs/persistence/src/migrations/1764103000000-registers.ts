import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Register mappings (per organisation) and dated register imports into a model version's volumes. */
export class Registers1764103000000 implements MigrationInterface {
  name = 'Registers1764103000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'register_mapping',
        columns: [
          col.id(),
          col.str('name', 200),
          col.json('rules'),
          col.timestamp('created_at'),
          col.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_register_mapping_name', columnNames: ['name'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'register_import',
        columns: [
          col.id(),
          col.str('model_version_id', 36),
          col.str('driver_id', 64),
          col.str('register_kind', 20),
          col.date('as_of'),
          col.str('file_name', 200),
          col.str('file_hash', 64),
          col.str('mapping_id', 36, true),
          col.json('settings'),
          col.int('total_rows'),
          col.int('counted_rows'),
          col.json('result'),
          col.timestamp('created_at'),
          col.str('created_by', 100),
        ],
        indices: [
          new TableIndex({
            name: 'ix_register_import_model',
            columnNames: ['model_version_id', 'driver_id'],
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
    await queryRunner.dropTable('register_import');
    await queryRunner.dropTable('register_mapping');
  }
}
