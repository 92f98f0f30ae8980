import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, Period } from '@it-samverkan/domain';
import { InvoiceEntity, PeriodCloseEntity } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';

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

/** Closes every month of a period; drafts must be issued (or removed) first. */
export async function closePeriod(
  db: DataSource,
  period: Period,
  actor: Actor,
  now: Date,
): Promise<{ period: string; closedMonths: string[] }> {
  return inTransaction(db, async (m) => {
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

/** Period keys of every kind that overlap a period's months (a quarter touches its months and year). */
export function periodKeysTouching(period: Period): string[] {
  const keys = new Set<string>([period.key, String(period.year)]);
  for (const month of period.months) {
    const m = Number(month.slice(5));
    keys.add(month);
    keys.add(`${period.year}-Q${Math.floor((m - 1) / 3) + 1}`);
    keys.add(`${period.year}-T${Math.floor((m - 1) / 4) + 1}`);
  }
  return [...keys];
}
