import { createHash, randomUUID } from 'node:crypto';
import type * as OpenIdClient from 'openid-client';
import { DataSource, LessThan } from 'typeorm';
import type { OidcGrant, OidcSettings } from '@it-samverkan/config/env';
import { DomainError } from '@it-samverkan/domain';
import { OidcRequestEntity, PersonEntity, Role } from '@it-samverkan/persistence';
import { Actor } from '../common/principal';
import { inTransaction } from '../common/transaction';
import { recordAudit } from '../audit/audit';
import { hashToken } from './tokens';
import { personPrincipal, personView, USERNAME_PATTERN } from './persons';
import { SessionService, StartedSession } from './sessions';

let openIdClient: Promise<typeof OpenIdClient> | null = null;
/** openid-client (ESM) is loaded on first use, so a deployment without single sign-on never loads it. */
function loadClient(): Promise<typeof OpenIdClient> {
  return (openIdClient ??= import('openid-client'));
}

/** A started sign-in must come back within this time. */
const REQUEST_LIFETIME_MS = 10 * 60_000;

/** The provider groups of a person, from a claim that is a list of names or one name. */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** The grant of the first configured group the person belongs to (configuration order decides), or null. */
export function grantFor(groups: string[], map: [string, OidcGrant][]): OidcGrant | null {
  const held = new Set(groups);
  return map.find(([group]) => held.has(group))?.[1] ?? null;
}

/** Where to go after sign-in: a path on this site only, never another origin. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(value) && value.length <= 500
    ? value
    : '/';
}

function notConfigured(): DomainError {
  return new DomainError(
    'OIDC_NOT_CONFIGURED',
    'Inloggning via identitetsleverantör är inte konfigurerad (OIDC_ISSUER_URL saknas)',
    'not-found',
  );
}

/**
 * OpenID Connect single sign-on: the authorisation-code flow with PKCE (S256), state and nonce.
 * A person is linked by issuer and subject, and gets the role and scope of the first configured
 * group they belong to; without such a group they are refused.
 */
export class OidcService {
  private configuration: Promise<OpenIdClient.Configuration> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: OidcSettings | null,
    private readonly sessions: SessionService,
  ) {}

  private config(): Promise<OpenIdClient.Configuration> {
    const s = this.settings;
    if (!s) throw notConfigured();
    if (!this.configuration) {
      const insecure = new URL(s.issuerUrl).protocol === 'http:';
      this.configuration = loadClient()
        .then((client) =>
          client.discovery(
            new URL(s.issuerUrl),
            s.clientId,
            undefined,
            s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None(),
            insecure ? { execute: [client.allowInsecureRequests] } : undefined,
          ),
        )
        .catch((error: unknown) => {
          this.configuration = null;
          throw new DomainError(
            'OIDC_UNAVAILABLE',
            `Identitetsleverantören ${s.issuerUrl} svarar inte (${(error as Error)?.message ?? error}); försök igen senare`,
            'unavailable',
          );
        });
    }
    return this.configuration;
  }

  /** Starts a sign-in: returns the provider's authorisation URL and the state to bind to the browser. */
  async start(returnTo: unknown, now: Date): Promise<{ url: string; state: string }> {
    const config = await this.config();
    const client = await loadClient();
    const s = this.settings as OidcSettings;
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await inTransaction(this.dataSource, async (m) => {
      await m.delete(OidcRequestEntity, { expiresAt: LessThan(now) });
      await m.insert(OidcRequestEntity, {
        stateHash: hashToken(state),
        codeVerifier,
        nonce,
        returnTo: safeReturnPath(returnTo),
        expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS),
      });
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: s.redirectUrl,
      scope: s.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Completes a sign-in from the provider's redirect (its query string) and the state cookie the
   * browser carries: exchanges the code, reads the person's groups, creates or updates the person
   * and starts a session.
   */
  async callback(
    query: string,
    stateCookie: string | null,
    now: Date,
    correlationId: string | null,
  ): Promise<{ started: StartedSession; returnTo: string }> {
    const config = await this.config();
    const client = await loadClient();
    const s = this.settings as OidcSettings;
    const currentUrl = new URL(s.redirectUrl);
    currentUrl.search = query;
    const params = currentUrl.searchParams;
    const state = params.get('state');
    if (!state || !stateCookie || state !== stateCookie)
      throw new DomainError(
        'OIDC_STATE_MISMATCH',
        'Inloggningen kom inte från denna webbläsare eller har redan använts; börja om',
        'invalid',
      );
    const request = await inTransaction(this.dataSource, async (m) => {
      const row = await m.findOneBy(OidcRequestEntity, { stateHash: hashToken(state) });
      if (row) await m.delete(OidcRequestEntity, { stateHash: row.stateHash });
      return row;
    });
    if (!request || request.expiresAt.getTime() <= now.getTime())
      throw new DomainError(
        'OIDC_STATE_MISMATCH',
        'Inloggningen har gått ut eller redan använts; börja om',
        'invalid',
      );
    if (params.get('error'))
      throw new DomainError(
        'OIDC_REFUSED',
        `Identitetsleverantören nekade inloggningen: ${params.get('error_description') ?? params.get('error')}`,
        'unauthenticated',
      );
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: state,
        expectedNonce: request.nonce,
        idTokenExpected: true,
      });
      const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
      const userInfo = config.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(config, tokens.access_token, String(idClaims.sub))
        : {};
      claims = { ...idClaims, ...userInfo };
    } catch (error) {
      throw new DomainError(
        'OIDC_FAILED',
        `Inloggningen via identitetsleverantören misslyckades: ${(error as Error)?.message ?? error}`,
        'unauthenticated',
      );
    }
    const groups = groupsOf(claims, s.groupsClaim);
    const grant = grantFor(groups, s.groupMap);
    if (!grant)
      throw new DomainError(
        'OIDC_NO_GROUP',
        `Ditt konto hos identitetsleverantören tillhör ingen grupp som ger behörighet i it-samverkan ` +
          `(dina grupper: ${groups.length ? groups.join(', ') : 'inga'}). Be din administratör om en grupp.`,
        'forbidden',
      );
    const person = await this.linkPerson(
      String(claims.iss),
      String(claims.sub),
      claims,
      grant,
      now,
      correlationId,
    );
    return {
      started: await this.sessions.start(person, 'oidc', now, correlationId),
      returnTo: request.returnTo,
    };
  }

  /** Creates the person of an issuer and subject, or updates name, e-mail, role and scope from the provider. */
  private async linkPerson(
    issuer: string,
    subject: string,
    claims: Record<string, unknown>,
    grant: OidcGrant,
    now: Date,
    correlationId: string | null,
  ): Promise<PersonEntity> {
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const email = text(claims.email);
    const displayName = (text(claims.name) ?? text(claims.preferred_username) ?? email ?? subject).slice(
      0,
      200,
    );
    return inTransaction(this.dataSource, async (m) => {
      const existing = await m.findOneBy(PersonEntity, { oidcIssuer: issuer, oidcSubject: subject });
      if (existing) {
        if (!existing.active)
          throw new DomainError(
            'PERSON_INACTIVE',
            'Kontot är inaktiverat; kontakta en administratör',
            'forbidden',
          );
        const changes = { displayName, email, role: grant.role as Role, scope: grant.scope };
        const changed = (Object.keys(changes) as (keyof typeof changes)[]).some(
          (k) => existing[k] !== changes[k],
        );
        if (!changed) return existing;
        const before = personView(existing);
        const updated = Object.assign(existing, changes, { updatedAt: now });
        await m.update(PersonEntity, { id: existing.id }, { ...changes, updatedAt: now });
        const actor: Actor = { principal: personPrincipal(updated, 'session'), correlationId };
        await recordAudit(
          m,
          actor,
          {
            action: 'oidc-update',
            entityType: 'person',
            entityId: existing.id,
            before,
            after: personView(updated),
          },
          now,
        );
        return updated;
      }
      const base = (text(claims.preferred_username) ?? email ?? subject)
        .toLowerCase()
        .replace(/[^a-z0-9._@-]/g, '-');
      const taken = !USERNAME_PATTERN.test(base) || (await m.existsBy(PersonEntity, { username: base }));
      const suffix = createHash('sha256').update(`${issuer} ${subject}`).digest('hex').slice(0, 8);
      const username = taken ? `${base.slice(0, 80)}-${suffix}`.replace(/^[^a-z0-9]+/, 'p') : base;
      const person: PersonEntity = Object.assign(new PersonEntity(), {
        id: randomUUID(),
        username,
        displayName,
        email,
        role: grant.role as Role,
        scope: grant.scope,
        active: true,
        passwordHash: null,
        oidcIssuer: issuer,
        oidcSubject: subject,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(PersonEntity, person);
      const actor: Actor = { principal: personPrincipal(person, 'session'), correlationId };
      await recordAudit(
        m,
        actor,
        { action: 'oidc-create', entityType: 'person', entityId: person.id, after: personView(person) },
        now,
      );
      return person;
    });
  }
}
