import type { Role } from '@it-samverkan/persistence';

/** How a principal proved who it is: a login session, an API token, or the local command line. */
export type AuthenticatedVia = 'session' | 'token' | 'cli' | 'system';

/** Who is acting: a person (logged in, or through a token they own), a system's token, or the command line. */
export interface Principal {
  /** The person's id; a system token's id; null for the command line and internal jobs. */
  id: string | null;
  /** The name the audit trail shows: the person's username, or the owning system's name. */
  name: string;
  role: Role;
  /** A municipality id limiting whose data is visible; null sees all. */
  scope: string | null;
  /** The acting person's id when a person acts (directly or through a token they own). */
  personId?: string | null;
  via?: AuthenticatedVia;
  /** The token used, when one was (`via` is token). */
  tokenName?: string | null;
}

/** The acting principal and the request's correlation id, passed to every use case. */
export interface Actor {
  principal: Principal;
  correlationId: string | null;
}

/** The command line acts as an administrator on the local database. */
export function cliActor(): Actor {
  const user = process.env.USER || process.env.USERNAME || 'okänd';
  return {
    principal: { id: null, name: `cli:${user}`, role: 'admin', scope: null, via: 'cli' },
    correlationId: null,
  };
}

/** How the audit trail records the way an actor was authenticated. */
export function viaOf(principal: Principal): string | null {
  if (principal.via === 'token') return principal.tokenName ? `token:${principal.tokenName}` : 'token';
  return principal.via ?? null;
}
