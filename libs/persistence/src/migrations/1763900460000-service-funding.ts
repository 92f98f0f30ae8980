import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './helpers';

/** Funding modes per service for a unit (overrides the unit's mode). */
export class ServiceFunding1763900460000 implements MigrationInterface {
  name = 'ServiceFunding1763900460000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'service_funding',
        columns: [
          { ...col.str('consumer_id', 64), isPrimary: true },
          { ...col.str('service_id', 64), isPrimary: true },
          col.str('funding_mode', 20),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('service_funding');
  }
}
