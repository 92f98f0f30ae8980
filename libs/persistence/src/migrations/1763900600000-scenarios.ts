import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Saved what-if scenarios of IT-styrgruppen: a base model version plus changes. */
export class Scenarios1763900600000 implements MigrationInterface {
  name = 'Scenarios1763900600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'scenario',
        columns: [
          col.id(),
          col.str('name', 200),
          col.str('description', 2000, true),
          col.str('base_model_version_id', 36),
          col.json('changes'),
          col.json('last_result', true),
          col.str('last_result_hash', 64, true),
          col.str('base_document_hash', 64),
          col.timestamp('created_at'),
          col.str('created_by', 100),
        ],
        indices: [new TableIndex({ name: 'ix_scenario_base', columnNames: ['base_model_version_id'] })],
        foreignKeys: [
          {
            columnNames: ['base_model_version_id'],
            referencedTableName: 'cost_model_version',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scenario');
  }
}
