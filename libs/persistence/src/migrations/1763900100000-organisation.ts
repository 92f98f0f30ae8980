import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

const address = () => [col.str('street', 200), col.str('postal_code', 10), col.str('city', 100)];

/** Municipalities, units, companies and joint committees. */
export class Organisation1763900100000 implements MigrationInterface {
  name = 'Organisation1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'municipality',
        columns: [
          col.str('id', 64),
          col.str('name', 200),
          col.str('org_no', 11),
          col.str('vat_no', 14),
          col.str('peppol_id', 20),
          ...address(),
          col.str('bankgiro', 10, true),
          col.str('counterparty_code', 20),
        ].map((c, i) => (i === 0 ? { ...c, isPrimary: true } : c)),
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'org_unit',
        columns: [
          { ...col.str('id', 64), isPrimary: true },
          col.str('municipality_id', 64),
          col.str('parent_id', 64, true),
          col.str('name', 200),
          col.str('kind', 20),
          col.str('responsibility_code', 20),
          col.str('funding_mode', 20),
        ],
        indices: [new TableIndex({ name: 'ix_unit_municipality', columnNames: ['municipality_id'] })],
        foreignKeys: [
          {
            columnNames: ['municipality_id'],
            referencedTableName: 'municipality',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'company',
        columns: [
          { ...col.str('id', 64), isPrimary: true },
          col.str('name', 200),
          col.str('org_no', 11),
          col.str('vat_no', 14),
          col.str('peppol_id', 20),
          col.str('owner_municipality_id', 64),
          ...address(),
          col.str('counterparty_code', 20),
        ],
        foreignKeys: [
          {
            columnNames: ['owner_municipality_id'],
            referencedTableName: 'municipality',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'joint_committee',
        columns: [
          { ...col.str('id', 64), isPrimary: true },
          col.str('name', 200),
          col.str('host_municipality_id', 64),
          col.json('members'),
          col.str('responsibility_code', 20),
          col.str('counterparty_code', 20),
        ],
        foreignKeys: [
          {
            columnNames: ['host_municipality_id'],
            referencedTableName: 'municipality',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['joint_committee', 'company', 'org_unit', 'municipality'])
      await queryRunner.dropTable(table);
  }
}
