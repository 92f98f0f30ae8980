import type { Request } from 'express';
import type { Actor, Principal } from '@it-samverkan/application';

export interface AppRequest extends Request {
  principal?: Principal;
  correlationId?: string;
}

/** The actor of a request, for use cases and the audit trail. */
export function actorOf(request: AppRequest): Actor {
  if (!request.principal) throw new Error('actorOf called on an unauthenticated request');
  return { principal: request.principal, correlationId: request.correlationId ?? null };
}
