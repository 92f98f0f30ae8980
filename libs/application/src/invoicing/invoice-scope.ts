import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PeriodKeyRange } from '@it-samverkan/domain';
import { InvoiceEntity } from '@it-samverkan/persistence';
import type { Principal } from '../common/principal';

/** The invoice's columns of the access policy's invoiceParties: issuer, buyer, buyer's municipality. */
export const INVOICE_PARTY_COLUMNS = ['issuerId', 'buyerId', 'buyerMunicipalityId'] as const;

/** Keeps the invoices a scoped principal is a party to; an unscoped principal sees them all. */
export function whereVisibleTo<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  principal: Principal,
  alias = 'i',
): SelectQueryBuilder<T> {
  if (!principal.scope) return qb;
  const either = INVOICE_PARTY_COLUMNS.map((column) => `${alias}.${column} = :scope`).join(' OR ');
  return qb.andWhere(`(${either})`, { scope: principal.scope });
}

/**
 * The distinct periods of the invoices a principal sees, with keys in the ranges (from inclusive, to
 * exclusive), unordered. Each range is one query (SQLite reads a range of an index only when the
 * WHERE is one range), grouped, not DISTINCT (MariaDB then reads one entry per period). A scoped
 * principal's are read per party column from that column's (party, period) index and joined here:
 * an OR of the three would read every row it matches (SQLite) and sort them for the grouping.
 */
export async function visiblePeriodKeys(
  db: DataSource,
  principal: Principal,
  ranges: readonly PeriodKeyRange[],
): Promise<string[]> {
  const read = (range: PeriodKeyRange, party?: (typeof INVOICE_PARTY_COLUMNS)[number]) => {
    const qb = db.getRepository(InvoiceEntity).createQueryBuilder('i').select('i.period', 'period');
    if (party) qb.andWhere(`i.${party} = :scope`, { scope: principal.scope });
    if (range.from !== undefined) qb.andWhere('i.period >= :from', { from: range.from });
    if (range.to !== undefined) qb.andWhere('i.period < :to', { to: range.to });
    return qb.groupBy('i.period').getRawMany<{ period: string }>();
  };
  const parties = principal.scope ? INVOICE_PARTY_COLUMNS : [undefined];
  const found = await Promise.all(ranges.flatMap((range) => parties.map((party) => read(range, party))));
  return [...new Set(found.flat().map((r) => r.period))];
}
