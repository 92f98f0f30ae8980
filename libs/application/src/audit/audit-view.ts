// Types only: the web application imports them.

/** An entry of the audit trail (GET /audit). */
export interface AuditView {
  id: number;
  at: string;
  actor: string;
  actorId: string | null;
  /** How the actor was authenticated: session, token:<name>, cli; null for entries made before. */
  via: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  correlationId: string | null;
}
