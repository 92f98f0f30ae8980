import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';
import { createIndexes, dropIndexes, TableIndexOf } from './helpers';

/**
 * The periods that hold invoicing documents, with their counts and issued totals (`GET
 * /invoices/periods`), read from indexes and never from the table. A scoped reader's periods are
 * grouped per party column, each in its (party, period) index: the issuer's is new here, the
 * buyer's and the buyer's municipality's exist (1764200500000; MariaDB skips from period to period
 * in each). A page's counts by status and kind, the sum of gross and the parties a scoped reader's
 * OR tests are all in ix_invoice_period_summary: without it each of the page's invoices (a quarter's
 * 2 000 at 100× the demo) was a row read.
 */
const INDEXES: TableIndexOf[] = [
  {
    table: 'invoice',
    index: new TableIndex({ name: 'ix_invoice_issuer_period', columnNames: ['issuer_id', 'period'] }),
  },
  {
    table: 'invoice',
    index: new TableIndex({
      name: 'ix_invoice_period_summary',
      columnNames: ['period', 'status', 'kind', 'issuer_id', 'buyer_id', 'buyer_municipality_id', 'gross'],
    }),
  },
];

export class InvoicePeriodSummary1764400000000 implements MigrationInterface {
  name = 'InvoicePeriodSummary1764400000000';

  up = (queryRunner: QueryRunner): Promise<void> => createIndexes(queryRunner, INDEXES);

  down = (queryRunner: QueryRunner): Promise<void> => dropIndexes(queryRunner, INDEXES);
}
