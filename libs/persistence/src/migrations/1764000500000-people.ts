import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './helpers';

/**
 * People who log in, their sessions, failed-login throttling, pending OIDC sign-ins; owners and
 * expiry for API tokens; and how the actor was authenticated in the audit trail.
 */
export class People1764000500000 implements MigrationInterface {
  name = 'People1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'person',
        columns: [
          col.id(),
          col.str('username', 100),
          col.str('display_name', 200),
          col.str('email', 200, true),
          col.str('role', 20),
          col.str('scope', 64, true),
          col.bool('active'),
          col.str('password_hash', 255, true),
          col.str('oidc_issuer', 255, true),
          col.str('oidc_subject', 255, true),
          col.timestamp('created_at'),
          col.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_person_username', columnNames: ['username'], isUnique: true }),
          new TableIndex({
            name: 'uq_person_oidc',
            columnNames: ['oidc_issuer', 'oidc_subject'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'session',
        columns: [
          col.id(),
          col.str('secret_hash', 64),
          col.str('person_id', 36),
          col.str('method', 20),
          col.timestamp('created_at'),
          col.timestamp('last_seen_at'),
          col.timestamp('expires_at'),
          col.timestamp('ended_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_session_hash', columnNames: ['secret_hash'], isUnique: true }),
          new TableIndex({ name: 'ix_session_person', columnNames: ['person_id'] }),
        ],
        foreignKeys: [
          { columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { ...col.str('throttle_key', 200), isPrimary: true },
          col.int('failures'),
          col.timestamp('last_failure_at'),
          col.timestamp('locked_until', true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'oidc_request',
        columns: [
          { ...col.str('state_hash', 64), isPrimary: true },
          col.str('code_verifier', 128),
          col.str('nonce', 128),
          col.str('return_to', 500),
          col.timestamp('expires_at'),
        ],
      }),
    );
    await queryRunner.addColumns('api_token', [
      new TableColumn(col.str('owner_person_id', 36, true)),
      new TableColumn(col.str('owner_system', 100, true)),
      new TableColumn(col.timestamp('expires_at', true)),
    ]);
    // Tokens made before owners existed belong to the system they were named for.
    await queryRunner.query('UPDATE api_token SET owner_system = name WHERE owner_person_id IS NULL');
    // A plain ALTER: SQLite's table rebuild would drop the append-only triggers of audit_entry.
    await queryRunner.query(`ALTER TABLE audit_entry ADD COLUMN actor_via varchar(100) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_entry DROP COLUMN actor_via');
    await queryRunner.dropColumns('api_token', ['expires_at', 'owner_system', 'owner_person_id']);
    await queryRunner.dropTable('oidc_request');
    await queryRunner.dropTable('login_throttle');
    await queryRunner.dropTable('session');
    await queryRunner.dropTable('person');
  }
}
