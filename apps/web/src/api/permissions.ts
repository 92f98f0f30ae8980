import type { Me } from './client';

/**
 * Whether the logged-in person may act on an issuer's invoicing (runs, drafts, issuing, crediting,
 * closing): the issuer's own finance or an admin (DOMAIN.md 9). The page only hides what the API
 * would refuse anyway; the API decides.
 */
export function mayActOnInvoicing(me: Me, issuerId: string | null): boolean {
  if (me.role === 'admin') return true;
  return me.role === 'finance' && (me.scope === null || me.scope === issuerId);
}

/** Reopening a closed period is an administrator's act. */
export function mayReopenPeriod(me: Me): boolean {
  return me.role === 'admin';
}
