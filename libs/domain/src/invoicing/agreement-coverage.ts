import { PartyKind } from './funding-mode';

/** What a service agreement covers: whose it is, which services (none listed = all) and when. */
export interface AgreementCoverage {
  id: string;
  name: string;
  partyKind: PartyKind;
  partyId: string;
  services: readonly string[];
  validFrom: string;
  validTo: string | null;
}

/** Whether the agreement is in force on some day from `firstDay` to `lastDay` (dates YYYY-MM-DD). */
export function inForceDuring(a: AgreementCoverage, firstDay: string, lastDay: string): boolean {
  return a.validFrom <= lastDay && (a.validTo === null || a.validTo >= firstDay);
}

/** Whether the agreement covers a service; an agreement that names no service covers them all. */
export function coversService(a: AgreementCoverage, serviceId: string): boolean {
  return a.services.length === 0 || a.services.includes(serviceId);
}

/**
 * The agreement of a party that covers a service in a period (DOMAIN.md 7): the one in force on
 * the period's first day, else the first to start within the period; null when none covers it.
 */
export function agreementCovering<A extends AgreementCoverage>(
  agreements: readonly A[],
  party: { kind: PartyKind; id: string },
  serviceId: string,
  period: { firstDay: string; lastDay: string },
): A | null {
  const candidates = agreements
    .filter(
      (a) =>
        a.partyKind === party.kind &&
        a.partyId === party.id &&
        coversService(a, serviceId) &&
        inForceDuring(a, period.firstDay, period.lastDay),
    )
    .sort((x, y) => (x.validFrom < y.validFrom ? -1 : x.validFrom > y.validFrom ? 1 : 0));
  return candidates.find((a) => inForceDuring(a, period.firstDay, period.firstDay)) ?? candidates[0] ?? null;
}

/** The services two agreements both cover (['*'] when both cover every service). */
function sharedServices(a: AgreementCoverage, b: AgreementCoverage): string[] {
  if (a.services.length === 0 && b.services.length === 0) return ['*'];
  if (a.services.length === 0) return [...b.services];
  if (b.services.length === 0) return [...a.services];
  return a.services.filter((s) => b.services.includes(s));
}

/**
 * An existing agreement of the same party that covers one of the candidate's services on a day
 * the candidate is also in force, with the services in conflict; null when there is none.
 */
export function coverageConflict<A extends AgreementCoverage>(
  existing: readonly A[],
  candidate: AgreementCoverage,
): { agreement: A; services: string[] } | null {
  for (const a of existing) {
    if (a.id === candidate.id || a.partyKind !== candidate.partyKind || a.partyId !== candidate.partyId)
      continue;
    if (!inForceDuring(a, candidate.validFrom, candidate.validTo ?? '9999-12-31')) continue;
    const services = sharedServices(a, candidate);
    if (services.length > 0) return { agreement: a, services };
  }
  return null;
}
