import { DataSource, EntityManager } from 'typeorm';
import { AuditEntryEntity } from '@it-samverkan/persistence';
import { Actor, viaOf } from '../common/principal';
import { Page, PageRequest, pageOf } from '../common/pagination';
import { auditPartiesOf, SHARED_AUDIT_PARTIES } from '../access/audit-parties';
import type { AuditView } from './audit-view';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes an audit entry inside the caller's transaction (so it commits with the change). */
export async function recordAudit(
  manager: EntityManager,
  actor: Actor,
  record: AuditRecord,
  at: Date,
): Promise<void> {
  const entry: Partial<AuditEntryEntity> = {
    at,
    actorId: actor.principal.id,
    actorName: actor.principal.name,
    actorVia: viaOf(actor.principal),
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before === undefined ? null : toPlain(record.before),
    after: record.after === undefined ? null : toPlain(record.after),
    correlationId: actor.correlationId,
    parties: await auditPartiesOf(manager, record.entityType, record.entityId),
  };
  await manager.insert(AuditEntryEntity, entry as object);
}

/** Money, Dates and bigints become JSON-friendly values in the audit trail. */
function toPlain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** A scoped reader: only entries about its own parties, and shared ones when it is a party of the cooperation. */
  visibleTo?: { scopeId: string; cooperationParty: boolean };
}

/** Lists the audit trail, newest first, filtered and paged. */
export async function listAudit(
  dataSource: DataSource,
  filter: AuditFilter,
  page: PageRequest,
): Promise<Page<AuditView>> {
  const qb = dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
  if (filter.entityType) qb.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
  if (filter.entityId) qb.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
  if (filter.actor) qb.andWhere('a.actorName = :actor', { actor: filter.actor });
  if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
  if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('a.at < :to', { to: filter.to });
  if (filter.visibleTo) {
    // The readers of an entry (audit-parties.ts): its parties, or the whole cooperation.
    const own = 'a.parties LIKE :ownParty';
    qb.andWhere(filter.visibleTo.cooperationParty ? `(${own} OR a.parties = :shared)` : own, {
      ownParty: `%|${filter.visibleTo.scopeId}|%`,
      shared: SHARED_AUDIT_PARTIES,
    });
  }
  qb.orderBy('a.id', 'DESC')
    .skip((page.page - 1) * page.pageSize)
    .take(page.pageSize);
  const [rows, total] = await qb.getManyAndCount();
  return pageOf(
    rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorName,
      actorId: r.actorId,
      via: r.actorVia,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      correlationId: r.correlationId,
    })),
    total,
    page,
  );
}
