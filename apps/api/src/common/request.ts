import type { Request } from 'express';
import type { Actor, PersonView, Principal } from '@it-samverkan/application';

export interface AppRequest extends Request {
  principal?: Principal;
  /** The login session a cookie-authenticated request belongs to. */
  session?: { id: string; secret: string; expiresAt: Date; person: PersonView };
  correlationId?: string;
}

/** The actor of a request, for use cases and the audit trail. */
export function actorOf(request: AppRequest): Actor {
  if (!request.principal) throw new Error('actorOf called on an unauthenticated request');
  return { principal: request.principal, correlationId: request.correlationId ?? null };
}
