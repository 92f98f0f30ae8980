import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn, timestampColumn } from '../columns';

/** A party to the cooperation agreement: the host or a partner, with its invoicing terms. */
export interface AgreementParty {
  municipalityId: string;
  role: 'host' | 'partner';
  /** The buyer reference (referens) the partner wants on invoices. */
  buyerReference?: string;
  /** VAT rate on invoices to this partner ("25" or "0"). */
  vatRate?: string;
  frequency?: 'month' | 'quarter' | 'tertial' | 'year';
  paymentTermsDays?: number;
  /** The host's IT unit, whose responsibility code books IT's revenue. */
  itUnitId?: string;
  /** Hourly rate for additional development work billed to this party's units. */
  hourlyRate?: string;
}

/** A version of the cooperation agreement (samverkansavtal); versions never overlap in time. */
@Entity('cooperation_agreement')
@Index(['validFrom'], { unique: true })
export class CooperationAgreementEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'host_id', type: 'varchar', length: 64 })
  hostId: string;

  @Column({ ...jsonColumn() })
  parties: AgreementParty[];

  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo: string | null;

  @Column({ name: 'notice_months', type: 'integer' })
  noticeMonths: number;

  /** The cost-sharing principle: a reference to the approved cost model of each year. */
  @Column({ name: 'cost_principle', type: 'varchar', length: 500 })
  costPrinciple: string;

  @Column({ name: 'decision_id', type: 'varchar', length: 36, nullable: true })
  decisionId: string | null;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;
}
