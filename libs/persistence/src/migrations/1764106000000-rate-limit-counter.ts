import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col } from './helpers';

/**
 * Request counters for rate limits, shared by every API process on MySQL/MariaDB. SQLite keeps
 * them in a file beside the database (see SqliteRateLimitCounter), so this table is MySQL's only.
 */
export class RateLimitCounter1764106000000 implements MigrationInterface {
  name = 'RateLimitCounter1764106000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_counter',
        columns: [
          { ...col.str('counter_key', 200), isPrimary: true },
          col.int('hits'),
          { name: 'window_ends_at', type: 'bigint', isNullable: false },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'mysql') return;
    await queryRunner.dropTable('rate_limit_counter');
  }
}
