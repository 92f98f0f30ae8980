import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Last day of a period key ('2025-03', '2025-Q4', '2025-T3', '2025'), as this migration was written. */
function lastDayOf(period: string): string {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const lastMonth =
    rest === ''
      ? 12
      : rest[0] === 'Q'
        ? Number(rest[1]) * 3
        : rest[0] === 'T'
          ? Number(rest[1]) * 4
          : Number(rest);
  const day = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Invoice dates and booking dates (DOMAIN.md 7): a booking date on each issued document; invoice
 * numbers unique per issuer, with a prefix and a contact configurable on the municipality; one
 * lock row per year that closing and every write into a period take.
 */
export class InvoiceDates1764000200000 implements MigrationInterface {
  name = 'InvoiceDates1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('invoice', new TableColumn(col.date('booking_date', true)));
    const issued: { id: string; period: string; issue_date: string }[] = await queryRunner.query(
      "SELECT id, period, issue_date FROM invoice WHERE status = 'issued' AND issue_date IS NOT NULL",
    );
    for (const row of issued) {
      const booking = row.issue_date.startsWith(row.period.slice(0, 4))
        ? row.issue_date
        : lastDayOf(row.period);
      await queryRunner.query('UPDATE invoice SET booking_date = ? WHERE id = ?', [booking, row.id]);
    }
    await queryRunner.dropIndex('invoice', 'uq_invoice_number');
    await queryRunner.createIndex(
      'invoice',
      new TableIndex({
        name: 'uq_invoice_issuer_number',
        columnNames: ['issuer_id', 'number'],
        isUnique: true,
      }),
    );
    await queryRunner.addColumns('municipality', [
      new TableColumn(col.str('invoice_prefix', 8, true)),
      new TableColumn(col.str('invoice_contact_name', 100, true)),
      new TableColumn(col.str('invoice_contact_phone', 30, true)),
      new TableColumn(col.str('invoice_contact_email', 200, true)),
    ]);
    await queryRunner.createTable(
      new Table({ name: 'period_lock', columns: [{ ...col.int('year'), isPrimary: true }] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('period_lock');
    for (const column of [
      'invoice_contact_email',
      'invoice_contact_phone',
      'invoice_contact_name',
      'invoice_prefix',
    ])
      await queryRunner.dropColumn('municipality', column);
    await queryRunner.dropIndex('invoice', 'uq_invoice_issuer_number');
    await queryRunner.createIndex(
      'invoice',
      new TableIndex({ name: 'uq_invoice_number', columnNames: ['number'], isUnique: true }),
    );
    await queryRunner.dropColumn('invoice', 'booking_date');
  }
}
