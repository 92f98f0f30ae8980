import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes for the reads that scanned at 100× the demo (bench `api-load --scale=100 --explain`):
 * the invoice list in its order (period, number, created, id) so a page is read in index order
 * instead of sorting every invoice; invoices by status and by buyer or the buyer's municipality
 * (a scoped reader's OR of issuer, buyer and municipality becomes an index merge); invoice lines
 * by source (the credit lines three reports read); a model's split runs newest first.
 */
const INDEXES: { table: string; index: TableIndex }[] = [
  {
    table: 'invoice',
    index: new TableIndex({
      name: 'ix_invoice_period_order',
      columnNames: ['period', 'number', 'created_at', 'id'],
    }),
  },
  {
    table: 'invoice',
    index: new TableIndex({ name: 'ix_invoice_status_period', columnNames: ['status', 'period'] }),
  },
  {
    table: 'invoice',
    index: new TableIndex({ name: 'ix_invoice_buyer_period', columnNames: ['buyer_id', 'period'] }),
  },
  {
    table: 'invoice',
    index: new TableIndex({
      name: 'ix_invoice_buyer_municipality_period',
      columnNames: ['buyer_municipality_id', 'period'],
    }),
  },
  // the credit lines the year-to-date report, the settlement and budget-vs-actual look up by source
  {
    table: 'invoice_line',
    index: new TableIndex({ name: 'ix_invoice_line_source', columnNames: ['source'] }),
  },
  {
    table: 'split_run',
    index: new TableIndex({
      name: 'ix_split_run_model_created',
      columnNames: ['model_version_id', 'created_at'],
    }),
  },
];

export class ReadIndexes1764200500000 implements MigrationInterface {
  name = 'ReadIndexes1764200500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse()) await queryRunner.dropIndex(table, index.name!);
  }
}
