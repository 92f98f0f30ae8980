import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { jsonColumn, timestampColumn } from '../columns';

/** A ticket imported from the ticket system (IT-forum drift, DOMAIN.md 8.1); the id is the ticket system's. */
@Entity('ticket')
@Index(['openedAt'])
@Index(['resolvedAt'])
export class TicketEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ name: 'municipality_id', type: 'varchar', length: 64 })
  municipalityId: string;

  @Column({ name: 'opened_at', ...timestampColumn() })
  openedAt: Date;

  /** null while the ticket is open. */
  @Column({ name: 'resolved_at', ...timestampColumn({ nullable: true }) })
  resolvedAt: Date | null;

  /** The support line (1, 2 or 3) that handled the ticket. */
  @Column({ name: 'support_line', type: 'integer' })
  supportLine: number;

  @Column({ name: 'first_line', type: 'boolean' })
  firstLine: boolean;

  @Column({ type: 'boolean' })
  ordinary: boolean;

  @Column({ name: 'imported_at', ...timestampColumn() })
  importedAt: Date;
}

/** A call to the service desk imported from the phone system. */
@Entity('phone_call')
@Index(['calledAt'])
export class PhoneCallEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ name: 'municipality_id', type: 'varchar', length: 64 })
  municipalityId: string;

  @Column({ name: 'called_at', ...timestampColumn() })
  calledAt: Date;

  @Column({ name: 'wait_seconds', type: 'integer' })
  waitSeconds: number;

  @Column({ type: 'boolean' })
  answered: boolean;

  @Column({ name: 'imported_at', ...timestampColumn() })
  importedAt: Date;
}

/** An answer to the customer survey; the municipality is the answered ticket's, kept for the report. */
@Entity('survey_answer')
@Index(['answeredAt'])
@Index(['ticketId'])
export class SurveyAnswerEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ name: 'ticket_id', type: 'varchar', length: 100 })
  ticketId: string;

  @Column({ name: 'municipality_id', type: 'varchar', length: 64 })
  municipalityId: string;

  @Column({ type: 'boolean' })
  satisfied: boolean;

  @Column({ name: 'answered_at', ...timestampColumn() })
  answeredAt: Date;

  @Column({ name: 'imported_at', ...timestampColumn() })
  importedAt: Date;
}

/** The framework assignment's service-level targets of a year; a year without a row uses the defaults. */
@Entity('service_level_targets')
export class ServiceLevelTargetsEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** Minimum shares in percent per measure, e.g. {"firstLine": "50", …}. */
  @Column({ ...jsonColumn() })
  targets: Record<string, string>;

  /** The support calendar: {timezone, supportHours, extraClosedDays}. */
  @Column({ ...jsonColumn() })
  calendar: object;

  @Column({ name: 'updated_at', ...timestampColumn() })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  updatedBy: string;
}

/** A development request (utvecklingsärende) from a unit (IT-forum utveckling, DOMAIN.md 8.2). */
@Entity('development_request')
@Index(['status'])
@Index(['unitId'])
export class DevelopmentRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'unit_id', type: 'varchar', length: 64 })
  unitId: string;

  /** The unit's municipality, for scoping. */
  @Column({ name: 'municipality_id', type: 'varchar', length: 64 })
  municipalityId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  need: string;

  /** Estimated hours as a decimal text ("40", "12.5"). */
  @Column({ name: 'estimate_hours', type: 'varchar', length: 20 })
  estimateHours: string;

  /** 'framework' or 'additional'. */
  @Column({ type: 'varchar', length: 12 })
  funding: string;

  /** received, prioritised, decided, in-progress, done or rejected. */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** The decision that decided or rejected the request. */
  @Column({ name: 'decision_id', type: 'varchar', length: 36, nullable: true })
  decisionId: string | null;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;

  @Column({ name: 'updated_at', ...timestampColumn() })
  updatedAt: Date;
}

/** Hours reported on a development request, billed in `month` (the first open month from the report date). */
@Entity('development_hours')
@Index(['month'])
@Index(['requestId'])
export class DevelopmentHoursEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36 })
  requestId: string;

  /** Hours as a decimal text ("3.5"). */
  @Column({ type: 'varchar', length: 20 })
  hours: string;

  /** The date the work was done, YYYY-MM-DD. */
  @Column({ name: 'reported_on', type: 'varchar', length: 10 })
  reportedOn: string;

  /** The billing month, YYYY-MM. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ name: 'created_at', ...timestampColumn() })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 100 })
  createdBy: string;
}
