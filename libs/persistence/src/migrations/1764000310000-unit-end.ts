import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './helpers';

/** Units end by date, like agreements: the last day a reorganised unit exists (null: it has not ended). */
export class UnitEnd1764000310000 implements MigrationInterface {
  name = 'UnitEnd1764000310000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('org_unit', new TableColumn(col.date('valid_to', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('org_unit', 'valid_to');
  }
}
