import { DataSource, EntityManager, In } from 'typeorm';
import {
  DomainError,
  parsePeriod,
  Period,
  periodKeyRangesOutsideYears,
  periodKeysWithin,
  periodsOverlappingLonger,
} from '@it-samverkan/domain';
import { InvoiceEntity, PeriodCloseEntity, PeriodLockEntity } from '@it-samverkan/persistence';
import type { Actor, Principal } from '../common/principal';
import { inTransaction, lockMode } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { visiblePeriodKeys, whereVisibleTo } from './invoice-scope';
import type { PeriodStatus } from './period-status-view';

export type { PeriodStatus } from './period-status-view';

/** The closed months among a period's months. */
export async function closedMonths(db: DataSource | EntityManager, months: string[]): Promise<string[]> {
  const rows = await db.getRepository(PeriodCloseEntity).find({ where: { month: In(months) } });
  return rows.map((r) => r.month).sort();
}

/** Refuses work in a period with a closed month (DOMAIN.md 7: a closed period accepts nothing new). */
export async function assertOpen(db: DataSource | EntityManager, period: Period): Promise<void> {
  const closed = await closedMonths(db, period.months);
  if (closed.length > 0) {
    throw new DomainError(
      'PERIOD_CLOSED',
      `Perioden ${period.key} är stängd (${closed.join(', ')}); inget nytt kan läggas i den`,
      'conflict',
    );
  }
}

function insertLockRowSql(db: DataSource): string {
  return db.options.type === 'mysql'
    ? 'INSERT IGNORE INTO period_lock (year) VALUES (?)'
    : 'INSERT OR IGNORE INTO period_lock (year) VALUES (?)';
}

/**
 * Creates the lock rows of the years, outside any transaction, so that taking them inside one
 * never has to insert (two inserters of one row can deadlock on MySQL).
 */
export async function ensurePeriodLocks(db: DataSource, years: number[]): Promise<void> {
  if (!lockMode(db)) return;
  for (const year of [...new Set(years)]) await db.query(insertLockRowSql(db), [year]);
}

/**
 * Serialises closing and every write into a period (DOMAIN.md 7, 9): the year rows are locked
 * FOR UPDATE, in ascending order, before anything checks whether the period is open. A close and
 * a run, issue, credit or draft edit of the same year thus never interleave on MySQL; SQLite's
 * single writer queues them anyway.
 */
export async function lockPeriodYears(m: EntityManager, db: DataSource, years: number[]): Promise<void> {
  const mode = lockMode(db);
  if (!mode) return;
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const repo = m.getRepository(PeriodLockEntity);
    if (await repo.findOne({ where: { year }, lock: { mode } })) continue;
    await m.query(insertLockRowSql(db), [year]);
    await repo.findOne({ where: { year }, lock: { mode } });
  }
}

/** Inside a transaction: locks the period's year, then refuses if any of its months is closed. */
export async function lockOpenPeriod(m: EntityManager, db: DataSource, period: Period): Promise<void> {
  await lockPeriodYears(m, db, [period.year]);
  await assertOpen(m, period);
}

/**
 * The periods that hold documents the principal may see and are not closed yet, oldest first, each
 * with its status as that principal sees it: what the start page lists as drafts to issue and
 * periods to close. Every period lies in one year, so the years whose twelve months are all closed
 * hold none: the invoices' periods are read (grouped in their indexes) only outside those years,
 * and the cost follows the open years, not the history.
 */
export async function openPeriods(db: DataSource, principal: Principal): Promise<PeriodStatus[]> {
  const closed = new Set(
    (await db.getRepository(PeriodCloseEntity).find({ select: { month: true } })).map((r) => r.month),
  );
  const closedYears = [...new Set([...closed].map((month) => Number(month.slice(0, 4))))].filter((year) =>
    parsePeriod(String(year)).months.every((month) => closed.has(month)),
  );
  const keys = await visiblePeriodKeys(db, principal, periodKeyRangesOutsideYears(closedYears));
  const periods = keys.map((key) => parsePeriod(key)).sort((a, b) => a.key.localeCompare(b.key));
  const open = periods.filter((p) => p.months.some((m) => !closed.has(m)));
  return Promise.all(open.map((p) => periodStatus(db, p, principal)));
}

/**
 * The status of a period: its closed months, a fact of the period that every reader sees, and the
 * documents of the periods touching it (as closing counts them) that the principal may see: a
 * partner counts only its own (DOMAIN.md 9), the issuer's finance and an admin every one.
 */
export async function periodStatus(
  db: DataSource,
  period: Period,
  principal: Principal,
): Promise<PeriodStatus> {
  const closed = await closedMonths(db, period.months);
  const counts = await whereVisibleTo(db.getRepository(InvoiceEntity).createQueryBuilder('i'), principal)
    .select('i.status', 'status')
    .addSelect('COUNT(*)', 'documents')
    .andWhere('i.period IN (:...keys)', { keys: periodKeysTouching(period) })
    .groupBy('i.status')
    .getRawMany<{ status: string; documents: string | number }>();
  const count = (status: string) => Number(counts.find((r) => r.status === status)?.documents ?? 0);
  return {
    period: period.key,
    months: period.months,
    closedMonths: closed,
    closed: closed.length === period.months.length,
    drafts: count('draft'),
    issued: count('issued'),
  };
}

/** Closes every month of a period; drafts must be issued (or removed) first. */
export async function closePeriod(
  db: DataSource,
  period: Period,
  actor: Actor,
  now: Date,
): Promise<{ period: string; closedMonths: string[] }> {
  await ensurePeriodLocks(db, [period.year]);
  return inTransaction(db, async (m) => {
    await lockPeriodYears(m, db, [period.year]);
    const drafts = await m
      .getRepository(InvoiceEntity)
      .count({ where: { period: In(periodKeysTouching(period)), status: 'draft' } });
    if (drafts > 0) {
      throw new DomainError(
        'PERIOD_HAS_DRAFTS',
        `Perioden ${period.key} har ${drafts} utkast; utfärda eller ta bort dem innan perioden stängs`,
        'conflict',
      );
    }
    const already = await closedMonths(m, period.months);
    const toClose = period.months.filter((month) => !already.includes(month));
    for (const month of toClose)
      await m.insert(PeriodCloseEntity, { month, closedAt: now, closedBy: actor.principal.name });
    await recordAudit(
      m,
      actor,
      {
        action: 'close',
        entityType: 'period',
        entityId: period.key,
        before: { closed: already },
        after: { closed: period.months },
      },
      now,
    );
    return { period: period.key, closedMonths: period.months };
  });
}

/** Reopens a period's months (admin only, checked by the caller's role), audited. */
export async function reopenPeriod(
  db: DataSource,
  period: Period,
  actor: Actor,
  now: Date,
): Promise<{ period: string; reopenedMonths: string[] }> {
  if (actor.principal.role !== 'admin')
    throw new DomainError('FORBIDDEN', 'Bara en administratör kan öppna en stängd period', 'forbidden');
  return inTransaction(db, async (m) => {
    const closed = await closedMonths(m, period.months);
    if (closed.length > 0) await m.delete(PeriodCloseEntity, { month: In(closed) });
    await recordAudit(
      m,
      actor,
      {
        action: 'reopen',
        entityType: 'period',
        entityId: period.key,
        before: { closed },
        after: { closed: [] },
      },
      now,
    );
    return { period: period.key, reopenedMonths: closed };
  });
}

/** Period keys of every kind that share a month with a period (a quarter touches its months, tertials and year). */
export function periodKeysTouching(period: Period): string[] {
  return [...periodKeysWithin(period), ...periodsOverlappingLonger(period).map((p) => p.key)];
}
