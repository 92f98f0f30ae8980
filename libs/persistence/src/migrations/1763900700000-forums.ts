import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** IT-forum drift (tickets, calls, survey answers, yearly targets) and IT-forum utveckling (requests and hours). */
export class Forums1763900700000 implements MigrationInterface {
  name = 'Forums1763900700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'ticket',
        columns: [
          { ...col.str('id', 100), isPrimary: true },
          col.str('municipality_id', 64),
          col.timestamp('opened_at'),
          col.timestamp('resolved_at', true),
          col.int('support_line'),
          col.bool('first_line'),
          col.bool('ordinary'),
          col.timestamp('imported_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_ticket_opened', columnNames: ['opened_at'] }),
          new TableIndex({ name: 'ix_ticket_resolved', columnNames: ['resolved_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'phone_call',
        columns: [
          { ...col.str('id', 100), isPrimary: true },
          col.str('municipality_id', 64),
          col.timestamp('called_at'),
          col.int('wait_seconds'),
          col.bool('answered'),
          col.timestamp('imported_at'),
        ],
        indices: [new TableIndex({ name: 'ix_phone_call_called', columnNames: ['called_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'survey_answer',
        columns: [
          { ...col.str('id', 100), isPrimary: true },
          col.str('ticket_id', 100),
          col.str('municipality_id', 64),
          col.bool('satisfied'),
          col.timestamp('answered_at'),
          col.timestamp('imported_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_survey_answered', columnNames: ['answered_at'] }),
          new TableIndex({ name: 'ix_survey_ticket', columnNames: ['ticket_id'] }),
        ],
        foreignKeys: [
          { columnNames: ['ticket_id'], referencedTableName: 'ticket', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_level_targets',
        columns: [
          { ...col.int('year'), isPrimary: true },
          col.json('targets'),
          col.json('calendar'),
          col.timestamp('updated_at'),
          col.str('updated_by', 100),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'development_request',
        columns: [
          col.id(),
          col.str('unit_id', 64),
          col.str('municipality_id', 64),
          col.str('title', 200),
          col.text('need'),
          col.str('estimate_hours', 20),
          col.str('funding', 12),
          col.str('status', 12),
          col.str('decision_id', 36, true),
          col.timestamp('created_at'),
          col.str('created_by', 100),
          col.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_development_status', columnNames: ['status'] }),
          new TableIndex({ name: 'ix_development_unit', columnNames: ['unit_id'] }),
        ],
        foreignKeys: [
          { columnNames: ['decision_id'], referencedTableName: 'decision', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'development_hours',
        columns: [
          col.id(),
          col.str('request_id', 36),
          col.str('hours', 20),
          col.date('reported_on'),
          col.str('month', 7),
          col.str('note', 500),
          col.timestamp('created_at'),
          col.str('created_by', 100),
        ],
        indices: [
          new TableIndex({ name: 'ix_development_hours_month', columnNames: ['month'] }),
          new TableIndex({ name: 'ix_development_hours_request', columnNames: ['request_id'] }),
        ],
        foreignKeys: [
          {
            columnNames: ['request_id'],
            referencedTableName: 'development_request',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'development_hours',
      'development_request',
      'service_level_targets',
      'survey_answer',
      'phone_call',
      'ticket',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
