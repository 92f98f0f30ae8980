import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './helpers';

/** The approved version a drafted next-year model came from, with its indices per pool. */
export class CostModelBasis1764103100000 implements MigrationInterface {
  name = 'CostModelBasis1764103100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cost_model_basis',
        columns: [
          col.id('model_version_id'),
          col.str('based_on_id', 36),
          col.json('indices'),
          col.timestamp('created_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['model_version_id'],
            referencedTableName: 'cost_model_version',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['based_on_id'],
            referencedTableName: 'cost_model_version',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cost_model_basis');
  }
}
