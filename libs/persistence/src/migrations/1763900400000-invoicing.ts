import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from './helpers';

/** Periods, service agreements, invoices with lines, number series, internal charges, idempotency. */
export class Invoicing1763900400000 implements MigrationInterface {
  name = 'Invoicing1763900400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'period_close',
        columns: [
          { ...col.str('month', 7), isPrimary: true },
          col.timestamp('closed_at'),
          col.str('closed_by', 100),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'service_agreement',
        columns: [
          col.id(),
          col.str('name', 200),
          col.str('party_kind', 20),
          col.str('party_id', 64),
          col.json('services'),
          col.str('price_model', 20),
          col.money('yearly_fee', true),
          col.money('unit_price', true),
          col.str('volume', 30, true),
          col.money('hourly_rate', true),
          col.str('frequency', 10),
          col.str('vat_rate', 3),
          col.str('buyer_reference', 100),
          col.int('payment_terms_days'),
          col.date('valid_from'),
          col.date('valid_to', true),
          col.json('indexation'),
          col.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_agreement_party', columnNames: ['party_kind', 'party_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invoice',
        columns: [
          col.id(),
          col.str('kind', 12),
          col.str('status', 10),
          col.str('issuer_id', 64),
          col.str('buyer_kind', 20),
          col.str('buyer_id', 64),
          col.str('buyer_municipality_id', 64),
          col.str('period', 7),
          col.str('number', 20, true),
          col.str('credited_invoice_id', 36, true),
          col.str('buyer_reference', 100),
          col.int('payment_terms_days'),
          col.date('issue_date', true),
          col.date('due_date', true),
          col.money('net'),
          col.money('vat'),
          col.money('gross'),
          col.timestamp('created_at'),
          col.timestamp('issued_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_invoice_number', columnNames: ['number'], isUnique: true }),
          new TableIndex({
            name: 'ix_invoice_period_buyer',
            columnNames: ['period', 'buyer_kind', 'buyer_id', 'kind'],
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invoice_line',
        columns: [
          col.id(),
          col.str('invoice_id', 36),
          col.int('line_no'),
          col.str('source', 20),
          col.str('source_key', 200),
          col.str('description', 300),
          col.str('consumer_id', 64, true),
          col.str('service_id', 64, true),
          col.str('quantity', 30),
          col.str('unit', 6),
          col.money('unit_price'),
          col.money('net'),
          col.str('vat_rate', 3),
          col.str('responsibility_code', 20, true),
        ],
        indices: [
          new TableIndex({ name: 'ix_line_invoice', columnNames: ['invoice_id'] }),
          new TableIndex({ name: 'uq_line_source', columnNames: ['source_key'], isUnique: true }),
        ],
        foreignKeys: [
          { columnNames: ['invoice_id'], referencedTableName: 'invoice', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'invoice_counter',
        columns: [
          { ...col.str('issuer_id', 64), isPrimary: true },
          { ...col.int('year'), isPrimary: true },
          col.int('last_number'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'internal_charge',
        columns: [
          col.id(),
          col.str('period', 7),
          col.str('municipality_id', 64),
          col.str('unit_id', 64),
          col.str('service_id', 64, true),
          col.str('source', 20),
          col.str('source_key', 200),
          col.str('description', 300),
          col.money('amount'),
          col.timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_internal_period', columnNames: ['period', 'municipality_id'] }),
          new TableIndex({ name: 'uq_internal_source', columnNames: ['source_key'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_record',
        columns: [
          { ...col.str('key', 200), isPrimary: true },
          col.str('request_hash', 64),
          col.int('status'),
          col.json('response'),
          col.timestamp('created_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_record',
      'internal_charge',
      'invoice_counter',
      'invoice_line',
      'invoice',
      'service_agreement',
      'period_close',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
