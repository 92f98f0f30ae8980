import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { DomainError } from '@it-samverkan/domain';
import { PersonEntity, SessionEntity } from '@it-samverkan/persistence';
import { Actor, Principal } from '../common/principal';
import { readCacheOf } from '../common/read-cache';
import { inTransaction, writeOnItsOwn } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { hashToken } from './tokens';
import { personPrincipal, personView, PersonView } from './persons';
import { verifyAgainstNothing, verifyPassword } from './passwords';
import {
  accountKey,
  addressKey,
  assertNotLocked,
  clearLoginFailures,
  LoginThrottlePolicy,
  recordLoginFailure,
} from './login-throttle';

/** How long a session lives: it ends after `idleMinutes` without a request, and `absoluteHours` after login. */
export interface SessionPolicy extends LoginThrottlePolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Last-seen times are written at most this often, so reads do not each cost a write. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface StartedSession {
  /** The session secret for the cookie (256 random bits); only its hash is stored. */
  secret: string;
  /** The token the browser sends in X-CSRF-Token with every change. */
  csrfToken: string;
  expiresAt: string;
  person: PersonView;
}

export interface AuthenticatedSession {
  principal: Principal;
  person: PersonEntity;
  sessionId: string;
  expiresAt: Date;
}

/**
 * The CSRF token of a session: an HMAC of a fixed label under the session secret. Only the holder
 * of the cookie can know it, and nothing more needs storing.
 */
export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update('it-samverkan csrf').digest('base64url');
}

/** Whether a presented CSRF token belongs to the session, compared in constant time. */
export function csrfTokenMatches(secret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const LOGIN_REFUSED = 'Fel användarnamn eller lösenord';

/** Password login, server-side sessions with idle and absolute expiry, and logout. */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: SessionPolicy,
  ) {}

  /**
   * Logs a person in with username and password. Failures count per username and per client
   * address; at the threshold both are locked with growing back-off, and even the right password
   * is refused until the lock ends.
   */
  async login(
    input: { username: string; password: string; address: string | null; correlationId: string | null },
    now: Date,
  ): Promise<StartedSession> {
    const username = input.username.trim().toLowerCase();
    const keys = [accountKey(username), ...(input.address ? [addressKey(input.address)] : [])];
    await assertNotLocked(this.dataSource, keys, now);
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ username });
    const ok =
      person && person.active && person.passwordHash
        ? await verifyPassword(input.password, person.passwordHash)
        : await verifyAgainstNothing(input.password);
    if (!ok || !person) {
      await recordLoginFailure(
        this.dataSource,
        [
          { key: accountKey(username), threshold: this.policy.maxFailuresPerAccount },
          ...(input.address
            ? [{ key: addressKey(input.address), threshold: this.policy.maxFailuresPerAddress }]
            : []),
        ],
        now,
      );
      throw new DomainError('LOGIN_FAILED', LOGIN_REFUSED, 'unauthenticated');
    }
    return this.start(person, 'password', now, input.correlationId, (m) =>
      clearLoginFailures(m, accountKey(username)),
    );
  }

  /**
   * Starts a session for a person whose identity is proven (by password or by the identity
   * provider). `alsoWrite` (a password login forgetting its failures) commits with the session.
   */
  async start(
    person: PersonEntity,
    method: 'password' | 'oidc',
    now: Date,
    correlationId: string | null,
    alsoWrite?: (m: EntityManager) => Promise<void>,
  ): Promise<StartedSession> {
    if (!person.active)
      throw new DomainError(
        'PERSON_INACTIVE',
        'Kontot är inaktiverat; kontakta en administratör',
        'forbidden',
      );
    const secret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.policy.absoluteHours * 3_600_000);
    const session: SessionEntity = Object.assign(new SessionEntity(), {
      id: randomUUID(),
      secretHash: hashToken(secret),
      personId: person.id,
      method,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      endedAt: null,
    });
    const actor: Actor = { principal: personPrincipal(person, 'session'), correlationId };
    await inTransaction(this.dataSource, async (m) => {
      await alsoWrite?.(m);
      // Sessions past their absolute end can never authenticate again; they are dropped as others start.
      await m.delete(SessionEntity, { expiresAt: LessThan(now) });
      await m.insert(SessionEntity, session);
      await recordAudit(
        m,
        actor,
        {
          action: 'login',
          entityType: 'person',
          entityId: person.id,
          after: { method, sessionId: session.id },
        },
        now,
      );
    });
    return {
      secret,
      csrfToken: csrfTokenFor(secret),
      expiresAt: expiresAt.toISOString(),
      person: personView(person),
    };
  }

  /** The session a cookie secret belongs to, if it is open, not idle too long and not past its end. */
  async authenticate(secret: string, now: Date): Promise<AuthenticatedSession | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
    const hash = hashToken(secret);
    // The rows are cached briefly (read-cache.ts); every check below runs on each request.
    const found = await readCacheOf(this.dataSource).get(`session:${hash}`, async () => {
      const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ secretHash: hash });
      if (!session || session.endedAt) return null;
      const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id: session.personId });
      return person ? { session, person } : null;
    });
    if (!found) return null;
    const { session, person } = found;
    const t = now.getTime();
    if (session.endedAt || t >= session.expiresAt.getTime()) return null;
    if (t - session.lastSeenAt.getTime() >= this.policy.idleMinutes * 60_000) return null;
    if (!person.active) return null;
    // On its own: not in (nor, on SQLite, after) an import that holds the writer meanwhile.
    if (t - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS)
      await writeOnItsOwn(this.dataSource, (m) =>
        m.update(SessionEntity, { id: session.id }, { lastSeenAt: now }),
      );
    return {
      principal: personPrincipal(person, 'session'),
      person,
      sessionId: session.id,
      expiresAt: session.expiresAt,
    };
  }

  /** Ends a session on the server: its cookie never authenticates again. */
  async logout(sessionId: string, actor: Actor, now: Date): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      const session = await m.findOneBy(SessionEntity, { id: sessionId });
      if (!session || session.endedAt) return;
      await m.update(SessionEntity, { id: sessionId }, { endedAt: now });
      await recordAudit(
        m,
        actor,
        { action: 'logout', entityType: 'person', entityId: session.personId, after: { sessionId } },
        now,
      );
    });
  }
}
