import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** On-call tariffs and incidents. */
export class OnCall1763900300000 implements MigrationInterface {
  name = 'OnCall1763900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'on_call_tariff',
        columns: [
          col.id(),
          col.date('valid_from'),
          col.json('document'),
          col.str('decision_id', 36, true),
          col.timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_tariff_valid_from', columnNames: ['valid_from'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'incident',
        columns: [
          { ...col.str('id', 100), isPrimary: true },
          col.str('consumer_id', 64),
          col.str('system', 200),
          col.str('description', 1000),
          col.timestamp('start_at'),
          col.timestamp('end_at'),
          col.str('period', 7),
          col.str('tariff_id', 36),
          col.json('bill'),
          col.money('amount'),
          col.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_incident_period', columnNames: ['period', 'consumer_id'] })],
        foreignKeys: [
          {
            columnNames: ['tariff_id'],
            referencedTableName: 'on_call_tariff',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('incident');
    await queryRunner.dropTable('on_call_tariff');
  }
}
