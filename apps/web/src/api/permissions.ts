import { AccessAction, AccessActor, decideAccess, Resource } from '@it-samverkan/domain/access/access-policy';
import type { Role } from '@it-samverkan/domain/access/roles';
import type { Me } from './client';
import type { Directory } from './directory';

/**
 * What the logged-in person may do, decided by the domain's one policy table (DOMAIN.md 9,
 * libs/domain/src/access/access-policy.ts), the same table the API's guard applies. The page only
 * hides what the API would refuse anyway; the API decides.
 */
export function actorOf(me: Me): AccessActor {
  return { role: me.role as Role, scope: me.scope ? { kind: 'municipality', id: me.scope } : null };
}

/**
 * Whether the policy allows `action` on `resource`; `hostId` is the cooperation's host (the issuer),
 * `partyIds` its municipalities (the API takes them from the cooperation agreement).
 */
export function may(
  me: Me,
  action: AccessAction,
  resource: Resource,
  hostId: string | null,
  partyIds: readonly string[] = hostId ? [hostId] : [],
): boolean {
  return decideAccess({ actor: actorOf(me), action, resource, cooperation: { hostId, partyIds } }).allowed;
}

/** The cooperation's host and parties, as the directory reads them from the newest agreement. */
export type Cooperation = Pick<Directory, 'hostId' | 'partyIds'>;

/**
 * The cooperation as seen by a reader the API refuses it (a bolag's grant, a municipality outside the
 * agreement): no host and no parties, so the policy allows such a scoped reader only its own.
 */
export const OUTSIDE_COOPERATION: Cooperation = { hostId: null, partyIds: [] };

/** Whether the policy allows `action` on what the cooperation shares (models, scenarios, decisions …). */
export function mayOnShared(me: Me, action: AccessAction, directory: Cooperation): boolean {
  return may(me, action, { type: 'shared' }, directory.hostId, directory.partyIds);
}

/** Runs, draft edits, issuing, crediting and closing: the issuer's finance or an admin. */
export function mayActOnInvoicing(me: Me, issuerId: string | null): boolean {
  return may(me, 'run-invoices', { type: 'invoicing' }, issuerId);
}

/** Closing a period: the issuer's finance or an admin. */
export function mayClosePeriod(me: Me, issuerId: string | null): boolean {
  return may(me, 'close-period', { type: 'invoicing' }, issuerId);
}

/** Reading one's own documents (invoices, periods), which the API filters to the reader's parties. */
export function mayReadOwn(me: Me, cooperation: Cooperation): boolean {
  return may(me, 'read', { type: 'own' }, cooperation.hostId, cooperation.partyIds);
}

/** Reopening a closed period is the issuer's administrator's act. */
export function mayReopenPeriod(me: Me, issuerId: string | null): boolean {
  return may(me, 'reopen-period', { type: 'invoicing' }, issuerId);
}
