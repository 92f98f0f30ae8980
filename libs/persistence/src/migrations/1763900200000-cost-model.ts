import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Decisions register, cost-model versions and stored split runs. */
export class CostModel1763900200000 implements MigrationInterface {
  name = 'CostModel1763900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'decision',
        columns: [
          col.id(),
          col.str('forum', 30),
          col.date('date'),
          col.int('year'),
          col.str('paragraph', 20),
          col.str('subject', 500),
          col.json('approves'),
          col.timestamp('created_at'),
          col.str('created_by', 100),
        ],
        indices: [
          new TableIndex({
            name: 'uq_decision_paragraph',
            columnNames: ['forum', 'year', 'paragraph'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cost_model_version',
        columns: [
          col.id(),
          col.str('name', 200),
          col.int('year'),
          col.str('kind', 10),
          col.str('status', 10),
          col.json('document'),
          col.str('document_hash', 64),
          col.str('decision_id', 36, true),
          col.timestamp('approved_at', true),
          col.timestamp('created_at'),
          col.timestamp('updated_at'),
        ],
        indices: [new TableIndex({ name: 'ix_cost_model_year_kind', columnNames: ['year', 'kind'] })],
        foreignKeys: [
          { columnNames: ['decision_id'], referencedTableName: 'decision', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'split_run',
        columns: [
          col.id(),
          col.str('model_version_id', 36, true),
          col.str('engine_version', 40),
          col.str('input_hash', 64),
          col.str('result_hash', 64),
          col.json('input'),
          col.json('result'),
          col.timestamp('created_at'),
          col.str('created_by', 100),
        ],
        indices: [new TableIndex({ name: 'ix_split_run_model', columnNames: ['model_version_id'] })],
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
    for (const table of ['split_run', 'cost_model_version', 'decision']) await queryRunner.dropTable(table);
  }
}
