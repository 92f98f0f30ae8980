import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { jsonColumn, timestampColumn } from '../columns';

/** One recorded change: who, when, what, before and after. Rows are never updated or deleted. */
@Entity('audit_entry')
@Index(['entityType', 'entityId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Index()
  @Column({ ...timestampColumn() })
  at: Date;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName: string;

  /** How the actor was authenticated: session, oidc, token:<name>, cli (null before people existed). */
  @Column({ name: 'actor_via', type: 'varchar', length: 100, nullable: true })
  actorVia: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 60 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100 })
  entityId: string;

  @Column({ ...jsonColumn({ nullable: true }) })
  before: unknown;

  @Column({ ...jsonColumn({ nullable: true }) })
  after: unknown;

  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId: string | null;

  /** The parties the entry is about, `|id|id|`; `|*|` for what the cooperation shares; null before 2026-11. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  parties: string | null;
}
