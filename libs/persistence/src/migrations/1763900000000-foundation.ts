import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, dropAppendOnly, makeAppendOnly } from './helpers';

/** API tokens and the append-only audit trail. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_token',
        columns: [
          col.id(),
          col.str('name', 100),
          col.str('role', 20),
          col.str('scope', 64, true),
          col.str('token_hash', 64),
          col.str('prefix', 12),
          col.timestamp('created_at'),
          col.timestamp('revoked_at', true),
        ],
        indices: [new TableIndex({ name: 'uq_api_token_hash', columnNames: ['token_hash'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          col.autoId(),
          col.timestamp('at'),
          col.str('actor_id', 36, true),
          col.str('actor_name', 100),
          col.str('action', 40),
          col.str('entity_type', 60),
          col.str('entity_id', 100),
          col.json('before', true),
          col.json('after', true),
          col.str('correlation_id', 64, true),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_at', columnNames: ['at'] }),
          new TableIndex({ name: 'ix_audit_entity', columnNames: ['entity_type', 'entity_id'] }),
        ],
      }),
    );
    await makeAppendOnly(queryRunner, 'audit_entry');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnly(queryRunner, 'audit_entry');
    await queryRunner.dropTable('audit_entry');
    await queryRunner.dropTable('api_token');
  }
}
