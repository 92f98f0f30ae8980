import type { Role } from '@it-samverkan/persistence';

/** Who is acting: an authenticated token, or the local command line. */
export interface Principal {
  id: string | null;
  name: string;
  role: Role;
  /** A municipality id limiting whose data is visible; null sees all. */
  scope: string | null;
}

/** The acting principal and the request's correlation id, passed to every use case. */
export interface Actor {
  principal: Principal;
  correlationId: string | null;
}

/** The command line acts as an administrator on the local database. */
export function cliActor(): Actor {
  const user = process.env.USER || process.env.USERNAME || 'okänd';
  return { principal: { id: null, name: `cli:${user}`, role: 'admin', scope: null }, correlationId: null };
}
