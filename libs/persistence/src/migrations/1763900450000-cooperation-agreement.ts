import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Versions of the cooperation agreement. */
export class CooperationAgreement1763900450000 implements MigrationInterface {
  name = 'CooperationAgreement1763900450000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'cooperation_agreement',
        columns: [
          col.id(),
          col.int('version'),
          col.str('name', 200),
          col.str('host_id', 64),
          col.json('parties'),
          col.date('valid_from'),
          col.date('valid_to', true),
          col.int('notice_months'),
          col.str('cost_principle', 500),
          col.str('decision_id', 36, true),
          col.timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_cooperation_valid_from', columnNames: ['valid_from'], isUnique: true }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('cooperation_agreement');
  }
}
