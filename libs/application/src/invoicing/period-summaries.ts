import { DataSource } from 'typeorm';
import { comparePeriodsNewestFirst, Money, parsePeriod } from '@it-samverkan/domain';
import { InvoiceEntity, moneyOfSum, moneySumSql } from '@it-samverkan/persistence';
import type { Principal } from '../common/principal';
import { Page, PageRequest, pageList } from '../common/pagination';
import type { InvoicePeriodSummary } from './invoice-period-view';
import { visiblePeriodKeys, whereVisibleTo } from './invoice-scope';
import { closedMonths } from './periods';

export type { InvoicePeriodSummary } from './invoice-period-view';

interface CountRow {
  period: string;
  status: string;
  kind: string;
  documents: string | number;
  gross: string | number | null;
}

/**
 * The periods holding documents the principal may see, newest first, a page of them with their
 * counts and issued totals. Every read is of an index alone: the periods (at most twenty a year)
 * grouped in one and sorted here, since "newest" is not the keys' text order; then only the
 * page's periods counted in ix_invoice_period_summary, by status and kind, gross summed exactly in
 * the database. `year` keeps one year's periods: all its keys sort from `2025` to before `2026`.
 */
export async function invoicePeriods(
  db: DataSource,
  filter: { year?: number },
  page: PageRequest,
  principal: Principal,
): Promise<Page<InvoicePeriodSummary>> {
  const { year } = filter;
  const keys = await visiblePeriodKeys(db, principal, [
    year === undefined ? {} : { from: String(year), to: String(year + 1) },
  ]);
  const periods = keys.map((key) => parsePeriod(key)).sort(comparePeriodsNewestFirst);
  const shown = pageList(periods, page);
  if (shown.items.length === 0) return { ...shown, items: [] };

  const counts = await whereVisibleTo(db.getRepository(InvoiceEntity).createQueryBuilder('i'), principal)
    .select('i.period', 'period')
    .addSelect('i.status', 'status')
    .addSelect('i.kind', 'kind')
    .addSelect('COUNT(*)', 'documents')
    .addSelect(moneySumSql('i.gross'), 'gross')
    .andWhere('i.period IN (:...keys)', { keys: shown.items.map((p) => p.key) })
    .groupBy('i.period')
    .addGroupBy('i.status')
    .addGroupBy('i.kind')
    .getRawMany<CountRow>();
  const closed = new Set(
    await closedMonths(
      db,
      shown.items.flatMap((p) => p.months),
    ),
  );
  return {
    ...shown,
    items: shown.items.map((p) => {
      const rows = counts.filter((r) => r.period === p.key);
      const of = (status: string, kind?: string) =>
        rows.filter((r) => r.status === status && (kind === undefined || r.kind === kind));
      const count = (status: string, kind?: string) =>
        of(status, kind).reduce((n, r) => n + Number(r.documents), 0);
      const total = (kind: string) => Money.sum(of('issued', kind).map((r) => moneyOfSum(r.gross)));
      return {
        period: p.key,
        drafts: count('draft'),
        issued: count('issued', 'invoice'),
        creditNotes: count('issued', 'credit-note'),
        issuedTotal: total('invoice').toString(),
        creditedTotal: total('credit-note').toString(),
        closed: p.months.every((m) => closed.has(m)),
      };
    }),
  };
}
