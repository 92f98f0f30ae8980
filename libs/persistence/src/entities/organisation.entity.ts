import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FundingMode } from '@it-samverkan/domain';
import { jsonColumn } from '../columns';

/** A municipality (kommun): a legal entity with organisation number. */
@Entity('municipality')
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'org_no', type: 'varchar', length: 11 })
  orgNo: string;

  @Column({ name: 'vat_no', type: 'varchar', length: 14 })
  vatNo: string;

  @Column({ name: 'peppol_id', type: 'varchar', length: 20 })
  peppolId: string;

  @Column({ type: 'varchar', length: 200 })
  street: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  /** Bankgiro for invoices this municipality issues (the host). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  bankgiro: string | null;

  /** Counterparty code (motpart) used when another party books against this municipality. */
  @Column({ name: 'counterparty_code', type: 'varchar', length: 20 })
  counterpartyCode: string;

  /** Prefix of the invoice numbers it issues (ULR-2025-00017); derived from the id when null. */
  @Column({ name: 'invoice_prefix', type: 'varchar', length: 8, nullable: true })
  invoicePrefix: string | null;

  /** The seller's contact on its invoices (Peppol BT-41..43, "Vår referens" on the PDF). */
  @Column({ name: 'invoice_contact_name', type: 'varchar', length: 100, nullable: true })
  invoiceContactName: string | null;

  @Column({ name: 'invoice_contact_phone', type: 'varchar', length: 30, nullable: true })
  invoiceContactPhone: string | null;

  @Column({ name: 'invoice_contact_email', type: 'varchar', length: 200, nullable: true })
  invoiceContactEmail: string | null;
}

// The words are the domain's (DOMAIN.md 7); entities only store them.
export { FUNDING_MODES } from '@it-samverkan/domain';
export type { FundingMode } from '@it-samverkan/domain';

/** A unit (förvaltning, sektion, nämnd) of a municipality; units may nest. */
@Entity('org_unit')
@Index(['municipalityId'])
export class UnitEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ name: 'municipality_id', type: 'varchar', length: 64 })
  municipalityId: string;

  @Column({ name: 'parent_id', type: 'varchar', length: 64, nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: 'forvaltning' | 'sektion' | 'namnd' | 'enhet';

  /** Responsibility code (ansvar) in the ledger. */
  @Column({ name: 'responsibility_code', type: 'varchar', length: 20 })
  responsibilityCode: string;

  /** How this unit's IT cost is funded, as its municipality decides. */
  @Column({ name: 'funding_mode', type: 'varchar', length: 20 })
  fundingMode: FundingMode;

  /** The last day the unit exists, YYYY-MM-DD (null: it has not ended); it is not billed after. */
  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo: string | null;
}

/** A municipal company (bolag): its own legal entity, invoiced under a service agreement. */
@Entity('company')
export class CompanyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'org_no', type: 'varchar', length: 11 })
  orgNo: string;

  @Column({ name: 'vat_no', type: 'varchar', length: 14 })
  vatNo: string;

  @Column({ name: 'peppol_id', type: 'varchar', length: 20 })
  peppolId: string;

  @Column({ name: 'owner_municipality_id', type: 'varchar', length: 64 })
  ownerMunicipalityId: string;

  @Column({ type: 'varchar', length: 200 })
  street: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ name: 'counterparty_code', type: 'varchar', length: 20 })
  counterpartyCode: string;
}

/** A joint committee (gemensam nämnd, e.g. lönenämnd), hosted by one municipality, serving several. */
@Entity('joint_committee')
export class JointCommitteeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'host_municipality_id', type: 'varchar', length: 64 })
  hostMunicipalityId: string;

  /** The municipalities the committee serves (ids). */
  @Column({ ...jsonColumn() })
  members: string[];

  /** The committee's responsibility code in its host's ledger. */
  @Column({ name: 'responsibility_code', type: 'varchar', length: 20 })
  responsibilityCode: string;

  @Column({ name: 'counterparty_code', type: 'varchar', length: 20 })
  counterpartyCode: string;
}

/** A funding mode for one service of one of the host's units, overriding the unit's own mode. */
@Entity('service_funding')
export class ServiceFundingEntity {
  @PrimaryColumn({ name: 'consumer_id', type: 'varchar', length: 64 })
  consumerId: string;

  @PrimaryColumn({ name: 'service_id', type: 'varchar', length: 64 })
  serviceId: string;

  @Column({ name: 'funding_mode', type: 'varchar', length: 20 })
  fundingMode: FundingMode;
}
