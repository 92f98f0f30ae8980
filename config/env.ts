/**
 * The process environment, validated once at boot. Every problem names its variable, so a
 * misconfigured deployment fails at start with a message an operator can act on.
 */
import { ROLES } from '@it-samverkan/domain/access/roles';

export interface AppEnv {
  databaseUrl: string;
  databaseKind: 'sqlite' | 'mysql';
  port: number;
  host: string;
  bootstrapToken: string | null;
  loadDemo: boolean;
  /** Requests per minute for one authenticated principal (person or system token), across all processes. */
  rateLimitPerMinute: number;
  /** Requests per minute for one client address without credentials (login, /health). */
  rateLimitAnonymousPerMinute: number;
  /** Where request counts live: the database (shared by every process; the default) or this process's memory. */
  rateLimitStore: RateLimitStoreKind;
  bodyLimit: string;
  /** On SIGTERM, how long requests in flight may take to finish before they are cut. */
  shutdownTimeoutSeconds: number;
  logSql: boolean;
  /** Reverse proxies in front of the API whose X-Forwarded-For is believed (0: none, the socket's address counts). */
  trustProxyHops: number;
  session: SessionSettings;
  /** OpenID Connect single sign-on; null when OIDC_ISSUER_URL is not set. */
  oidc: OidcSettings | null;
}

export interface SessionSettings {
  /** A session ends after this many minutes without a request. */
  idleMinutes: number;
  /** A session ends this many hours after login, however active. */
  absoluteHours: number;
  /** Send the session cookie only over HTTPS (turn off only for plain-http development on localhost). */
  cookieSecure: boolean;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

/** One provider group's grant. */
export interface OidcGrant {
  role: string;
  scope: string | null;
}

export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string | null;
  redirectUrl: string;
  scopes: string;
  groupsClaim: string;
  /** Provider group → role and scope, in the order written: a person's first listed group wins. */
  groupMap: [string, OidcGrant][];
}

export const RATE_LIMIT_STORES = ['database', 'memory'] as const;
export type RateLimitStoreKind = (typeof RATE_LIMIT_STORES)[number];

export const DEFAULT_SQLITE_PATH = './data/it-samverkan.sqlite';

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ogiltig konfiguration:\n  ${problems.join('\n  ')}`);
  }
}

/** The database kind a URL names; used by entity column helpers before the data source exists. */
export function databaseKindOf(url: string | undefined): 'sqlite' | 'mysql' {
  return url && /^(mysql|mariadb):\/\//.test(url) ? 'mysql' : 'sqlite';
}

function int(source: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[], min = 0): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    problems.push(`${name}: måste vara ett heltal ≥ ${min}, fick "${raw}"`);
    return fallback;
  }
  return Number(raw);
}

function bool(source: NodeJS.ProcessEnv, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|ja)$/i.test(raw)) return true;
  if (/^(0|false|no|nej)$/i.test(raw)) return false;
  problems.push(`${name}: måste vara true eller false, fick "${raw}"`);
  return fallback;
}

const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/** An absolute URL; https, or http on the loopback interface only (development and tests). */
function url(source: NodeJS.ProcessEnv, name: string, problems: string[]): string | null {
  const raw = source[name]?.trim();
  if (!raw) {
    problems.push(`${name}: måste anges när OIDC_ISSUER_URL är satt`);
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    problems.push(`${name}: måste vara en absolut URL, fick "${raw}"`);
    return null;
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname))) {
    problems.push(`${name}: måste använda https (http bara för localhost), fick "${raw}"`);
    return null;
  }
  return raw;
}

function oidcSettings(source: NodeJS.ProcessEnv, problems: string[]): OidcSettings | null {
  if (!source.OIDC_ISSUER_URL?.trim()) {
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_GROUP_MAP', 'OIDC_REDIRECT_URL'])
      if (source[name]?.trim()) problems.push(`${name}: kräver att OIDC_ISSUER_URL också anges`);
    return null;
  }
  const issuerUrl = url(source, 'OIDC_ISSUER_URL', problems);
  const redirectUrl = url(source, 'OIDC_REDIRECT_URL', problems);
  const clientId = source.OIDC_CLIENT_ID?.trim() ?? '';
  if (!clientId) problems.push('OIDC_CLIENT_ID: måste anges när OIDC_ISSUER_URL är satt');
  const groupMap: [string, OidcGrant][] = [];
  const rawMap = source.OIDC_GROUP_MAP?.trim();
  if (!rawMap)
    problems.push(
      'OIDC_GROUP_MAP: måste ange minst en grupp, t.ex. {"it-admin":{"role":"admin","scope":null}}',
    );
  else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawMap);
    } catch {
      problems.push('OIDC_GROUP_MAP: måste vara ett JSON-objekt {"grupp":{"role":"…","scope":"…"|null}}');
    }
    if (parsed !== undefined && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)))
      problems.push('OIDC_GROUP_MAP: måste vara ett JSON-objekt {"grupp":{"role":"…","scope":"…"|null}}');
    else if (parsed) {
      for (const [group, grant] of Object.entries(parsed as Record<string, unknown>)) {
        const g = (grant ?? {}) as { role?: unknown; scope?: unknown };
        const role = typeof g.role === 'string' ? g.role : '';
        const scope = g.scope ?? null;
        if (!(ROLES as readonly string[]).includes(role))
          problems.push(
            `OIDC_GROUP_MAP: gruppen "${group}" har okänd roll "${String(g.role)}"; tillåtna: ${ROLES.join(', ')}`,
          );
        if (scope !== null && (typeof scope !== 'string' || !/^[a-z0-9-]{2,64}$/.test(scope)))
          problems.push(
            `OIDC_GROUP_MAP: gruppen "${group}" har ogiltig scope "${String(scope)}" (ett kommun- eller bolags-id eller null)`,
          );
        groupMap.push([group, { role, scope: scope as string | null }]);
      }
      if (groupMap.length === 0) problems.push('OIDC_GROUP_MAP: måste ange minst en grupp');
    }
  }
  return {
    issuerUrl: issuerUrl ?? '',
    clientId,
    clientSecret: source.OIDC_CLIENT_SECRET?.trim() || null,
    redirectUrl: redirectUrl ?? '',
    scopes: source.OIDC_SCOPES?.trim() || 'openid profile email',
    groupsClaim: source.OIDC_GROUPS_CLAIM?.trim() || 'groups',
    groupMap,
  };
}

/** Reads and validates the environment; throws EnvError listing every bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): AppEnv {
  const problems: string[] = [];
  const url = source.DATABASE_URL?.trim() || `sqlite:${DEFAULT_SQLITE_PATH}`;
  if (!/^sqlite:.+/.test(url) && !/^(mysql|mariadb):\/\/[^/]+\/[A-Za-z0-9_$-]+/.test(url)) {
    problems.push(
      `DATABASE_URL: ange sqlite:<sökväg> eller mysql://användare:lösenord@värd:port/databas, fick "${url}"`,
    );
  }
  const token = source.IT_SAMVERKAN_BOOTSTRAP_TOKEN?.trim() || null;
  if (token !== null && token.length < 24) {
    problems.push('IT_SAMVERKAN_BOOTSTRAP_TOKEN: måste vara minst 24 tecken långt');
  }
  const bodyLimit = source.BODY_LIMIT?.trim() || '2mb';
  if (!/^\d+(kb|mb)$/i.test(bodyLimit))
    problems.push(`BODY_LIMIT: ange t.ex. 2mb eller 500kb, fick "${bodyLimit}"`);
  const rateLimitStore = (source.RATE_LIMIT_STORE?.trim() || 'database') as RateLimitStoreKind;
  if (!RATE_LIMIT_STORES.includes(rateLimitStore))
    problems.push(`RATE_LIMIT_STORE: ange ${RATE_LIMIT_STORES.join(' eller ')}, fick "${rateLimitStore}"`);
  const env: AppEnv = {
    databaseUrl: url,
    databaseKind: databaseKindOf(url),
    port: int(source, 'PORT', 3000, problems, 1),
    host: source.HOST?.trim() || '127.0.0.1',
    bootstrapToken: token,
    loadDemo: bool(source, 'LOAD_DEMO', true, problems),
    rateLimitPerMinute: int(source, 'RATE_LIMIT_PER_MINUTE', 600, problems, 1),
    rateLimitAnonymousPerMinute: int(source, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 600, problems, 1),
    rateLimitStore,
    bodyLimit,
    shutdownTimeoutSeconds: int(source, 'SHUTDOWN_TIMEOUT_SECONDS', 30, problems, 1),
    logSql: bool(source, 'LOG_SQL', false, problems),
    trustProxyHops: int(source, 'TRUST_PROXY_HOPS', 0, problems),
    session: {
      idleMinutes: int(source, 'SESSION_IDLE_MINUTES', 30, problems, 1),
      absoluteHours: int(source, 'SESSION_MAX_HOURS', 12, problems, 1),
      cookieSecure: bool(source, 'SESSION_COOKIE_SECURE', true, problems),
      maxFailuresPerAccount: int(source, 'LOGIN_MAX_FAILURES', 5, problems, 1),
      maxFailuresPerAddress: int(source, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50, problems, 1),
    },
    oidc: oidcSettings(source, problems),
  };
  if (problems.length > 0) throw new EnvError(problems);
  return env;
}
