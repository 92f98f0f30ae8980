import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LineSource, Money, PartyKind, PriceModel } from '@it-samverkan/domain';
import { jsonColumn, moneyColumn, timestampColumn } from '../columns';

/** A closed accounting month: no new drafts, incidents or volumes in it. */
@Entity('period_close')
export class PeriodCloseEntity {
  /** YYYY-MM */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month: string;

  @Column({ name: 'closed_at', ...timestampColumn() })
  closedAt: Date;

  @Column({ name: 'closed_by', type: 'varchar', length: 100 })
  closedBy: string;
}

export type { LineSource, PartyKind, PriceModel } from '@it-samverkan/domain';
export type Frequency = 'month' | 'quarter' | 'tertial' | 'year';

/**
 * One row per year that closing a period and every write into a period lock FOR UPDATE, so a
 * close and a run (or issue, credit, draft edit) of the same year never interleave on MySQL.
 */
@Entity('period_lock')
export class PeriodLockEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;
}

/** A separate agreement with a company or joint committee (or the partner municipality's terms). */
@Entity('service_agreement')
@Index(['partyKind', 'partyId'])
export class ServiceAgreementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'party_kind', type: 'varchar', length: 20 })
  partyKind: PartyKind;

  @Column({ name: 'party_id', type: 'varchar', length: 64 })
  partyId: string;

  /** Service ids of the cost model the agreement covers. */
  @Column({ ...jsonColumn() })
  services: string[];

  @Column({ name: 'price_model', type: 'varchar', length: 20 })
  priceModel: PriceModel;

  @Column({ name: 'yearly_fee', ...moneyColumn({ nullable: true }) })
  yearlyFee: Money | null;

  @Column({ name: 'unit_price', ...moneyColumn({ nullable: true }) })
  unitPrice: Money | null;

  /** Volume (for unit-price) as a decimal string. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  volume: string | null;

  @Column({ name: 'hourly_rate', ...moneyColumn({ nullable: true }) })
  hourlyRate: Money | null;

  @Column({ type: 'varchar', length: 10 })
  frequency: Frequency;

  /** VAT rate in percent: "25", "12", "6" or "0". */
  @Column({ name: 'vat_rate', type: 'varchar', length: 3 })
  vatRate: string;

  @Column({ name: 'buyer_reference', type: 'varchar', length: 100 })
  buyerReference: string;

  @Column({ name: 'payment_terms_days', type: 'integer' })
  paymentTermsDays: number;

  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo: string | null;

  /** Yearly indexation in percent per year, e.g. {"2026": "3.5"}. */
  @Column({ ...jsonColumn() })
  indexation: Record<string, string>;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}

export type InvoiceStatus = 'draft' | 'issued';
export type InvoiceKind = 'invoice' | 'credit-note';

/** An external invoice (or credit note) from the host to another legal entity. */
@Entity('invoice')
@Index(['period', 'buyerKind', 'buyerId', 'kind'])
@Index('uq_invoice_issuer_number', ['issuerId', 'number'], { unique: true })
// the list's order, and its filters (migrations 1764200500000-read-indexes, 1764200510000-invoice-status-parties,
// 1764300000000-invoice-status-order)
@Index('ix_invoice_period_order', ['period', 'number', 'createdAt', 'id'])
@Index('ix_invoice_status_period', ['status', 'period'])
@Index('ix_invoice_status_order', ['status', 'period', 'number', 'createdAt', 'id'])
@Index('ix_invoice_buyer_period', ['buyerId', 'period'])
@Index('ix_invoice_buyer_municipality_period', ['buyerMunicipalityId', 'period'])
@Index('ix_invoice_status_parties', ['status', 'issuerId', 'buyerId', 'buyerMunicipalityId'])
// the periods with documents, their counts and totals (migration 1764400000000-invoice-period-summary)
@Index('ix_invoice_issuer_period', ['issuerId', 'period'])
@Index('ix_invoice_period_summary', [
  'period',
  'status',
  'kind',
  'issuerId',
  'buyerId',
  'buyerMunicipalityId',
  'gross',
])
export class InvoiceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 12 })
  kind: InvoiceKind;

  @Column({ type: 'varchar', length: 10 })
  status: InvoiceStatus;

  @Column({ name: 'issuer_id', type: 'varchar', length: 64 })
  issuerId: string;

  @Column({ name: 'buyer_kind', type: 'varchar', length: 20 })
  buyerKind: PartyKind;

  @Column({ name: 'buyer_id', type: 'varchar', length: 64 })
  buyerId: string;

  /** The municipality whose party the buyer is (for scoping). */
  @Column({ name: 'buyer_municipality_id', type: 'varchar', length: 64 })
  buyerMunicipalityId: string;

  /** '2025-Q1', '2025-03', '2025-T1' or '2025'. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  /** Issuer's yearly series number, e.g. "ULR-2025-00017", unique per issuer; null while a draft. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  number: string | null;

  @Column({ name: 'credited_invoice_id', type: 'varchar', length: 36, nullable: true })
  creditedInvoiceId: string | null;

  @Column({ name: 'buyer_reference', type: 'varchar', length: 100 })
  buyerReference: string;

  @Column({ name: 'payment_terms_days', type: 'integer' })
  paymentTermsDays: number;

  @Column({ name: 'issue_date', type: 'varchar', length: 10, nullable: true })
  issueDate: string | null;

  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  /** Bokföringsdag (DOMAIN.md 7): the issue date, or the period's last day if that is in another year. */
  @Column({ name: 'booking_date', type: 'varchar', length: 10, nullable: true })
  bookingDate: string | null;

  @Column({ ...moneyColumn() })
  net: Money;

  @Column({ ...moneyColumn() })
  vat: Money;

  @Column({ ...moneyColumn() })
  gross: Money;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'issued_at', ...timestampColumn({ nullable: true }) })
  issuedAt: Date | null;
}

/** An invoice line; `sourceKey` is unique, so running a period again adds nothing twice. */
@Entity('invoice_line')
@Index(['invoiceId'])
@Index('ix_invoice_line_source', ['source'])
export class InvoiceLineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'invoice_id', type: 'varchar', length: 36 })
  invoiceId: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo: number;

  @Column({ type: 'varchar', length: 20 })
  source: LineSource;

  @Index({ unique: true })
  @Column({ name: 'source_key', type: 'varchar', length: 200 })
  sourceKey: string;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  /** The consumer the line concerns (unit, company or committee). */
  @Column({ name: 'consumer_id', type: 'varchar', length: 64, nullable: true })
  consumerId: string | null;

  @Column({ name: 'service_id', type: 'varchar', length: 64, nullable: true })
  serviceId: string | null;

  @Column({ type: 'varchar', length: 30 })
  quantity: string;

  /** UN/ECE rec. 20 unit code: EA (styck), HUR (timme), C62 (en). */
  @Column({ type: 'varchar', length: 6 })
  unit: string;

  @Column({ name: 'unit_price', ...moneyColumn() })
  unitPrice: Money;

  @Column({ ...moneyColumn() })
  net: Money;

  @Column({ name: 'vat_rate', type: 'varchar', length: 3 })
  vatRate: string;

  @Column({ name: 'responsibility_code', type: 'varchar', length: 20, nullable: true })
  responsibilityCode: string | null;
}

/** The issuer's yearly number series; the row is locked FOR UPDATE while issuing. */
@Entity('invoice_counter')
export class InvoiceCounterEntity {
  @PrimaryColumn({ name: 'issuer_id', type: 'varchar', length: 64 })
  issuerId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}

/** A transfer between units of one municipality (interndebitering): no VAT, no invoice number. */
@Entity('internal_charge')
@Index(['period', 'municipalityId'])
export class InternalChargeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ name: 'municipality_id', type: 'varchar', length: 64 })
  municipalityId: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 64 })
  unitId: string;

  @Column({ name: 'service_id', type: 'varchar', length: 64, nullable: true })
  serviceId: string | null;

  @Column({ type: 'varchar', length: 20 })
  source: LineSource;

  @Index({ unique: true })
  @Column({ name: 'source_key', type: 'varchar', length: 200 })
  sourceKey: string;

  @Column({ type: 'varchar', length: 300 })
  description: string;

  @Column({ ...moneyColumn() })
  amount: Money;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}

/** A remembered response to a POST with an Idempotency-Key. */
@Entity('idempotency_record')
export class IdempotencyRecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'integer' })
  status: number;

  @Column({ ...jsonColumn() })
  response: object;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}
