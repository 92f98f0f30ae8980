import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
