import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const REDIRECT = 'http://127.0.0.1:3999/api/v1/auth/oidc/callback';
const CLIENT = {
  client_id: 'it-samverkan',
  client_secret: 'a-long-client-secret-for-the-test-0123456789',
  redirect_uris: [REDIRECT],
  grant_types: ['authorization_code'],
  response_types: ['code'],
};
const ACCOUNTS = {
  'sub-anna': {
    name: 'Anna Lind',
    preferred_username: 'anna.lind',
    email: 'anna.lind@ulricehamn.se',
    groups: ['alla-anställda', 'it-ekonomi-ulricehamn'],
  },
  'sub-olle': {
    name: 'Olle Ek',
    preferred_username: 'olle.ek',
    email: 'olle@tranemo.se',
    groups: ['kaffeklubben'],
  },
  'sub-sara': {
    name: 'Sara Holm',
    preferred_username: 'sara',
    // Both groups are mapped: the first one in OIDC_GROUP_MAP (it-admin) decides.
    groups: ['it-ekonomi-ulricehamn', 'it-admin'],
  },
};
const GROUP_MAP = {
  'it-admin': { role: 'admin', scope: null },
  'it-ekonomi-ulricehamn': { role: 'finance', scope: 'ulricehamn' },
};

/** Starts oidc-provider in its own node process (it is ESM) and returns its issuer URL. */
function startProvider(): Promise<{ issuer: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, '..', 'support', 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_TEST_CLIENT: JSON.stringify(CLIENT),
      OIDC_TEST_ACCOUNTS: JSON.stringify(ACCOUNTS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ issuer: JSON.parse(line).issuer, child });
    });
    child.on('exit', (code) => reject(new Error(`oidc-provider exited ${code}: ${err}`)));
  });
}

/** A browser's cookies for the provider: name → value, from Set-Cookie headers. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(headers: Headers): void {
    for (const c of headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

describe('OpenID Connect sign-in against a real provider (authorisation code + PKCE, groups → role and scope)', () => {
  let provider: { issuer: string; child: ChildProcess };
  let t: TestApp;

  beforeAll(async () => {
    provider = await startProvider();
    t = await startTestApp({
      env: {
        SESSION_COOKIE_SECURE: 'false',
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: CLIENT.client_id,
        OIDC_CLIENT_SECRET: CLIENT.client_secret,
        OIDC_REDIRECT_URL: REDIRECT,
        OIDC_SCOPES: 'openid profile email groups',
        OIDC_GROUP_MAP: JSON.stringify(GROUP_MAP),
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    provider?.child.kill();
  });

  /**
   * Drives the flow as a browser would: the app's start, the provider's login (as `account`) and
   * consent, back to the app's callback with the state cookie. Returns the callback's answer.
   */
  async function signIn(account: string, returnTo = '/ekonomi') {
    const start = await t.http
      .get(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`)
      .expect(302);
    const stateCookie = String(start.headers['set-cookie']).split(';')[0];
    expect(stateCookie).toMatch(/^its_oidc_state=/);
    const authorize = new URL(start.headers.location);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
    const jar = new CookieJar();
    let next = authorize.href;
    for (let hop = 0; hop < 12 && !next.startsWith(REDIRECT); hop++) {
      const url = new URL(next, provider.issuer);
      if (url.pathname.startsWith('/interaction/')) url.searchParams.set('account', account);
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.take(res.headers);
      const location = res.headers.get('location');
      if (!location)
        throw new Error(`provider answered ${res.status} without a redirect: ${await res.text()}`);
      next = new URL(location, url).href;
    }
    expect(next.startsWith(REDIRECT)).toBe(true);
    const back = new URL(next);
    return t.http.get(`/api/v1/auth/oidc/callback${back.search}`).set('Cookie', stateCookie);
  }

  it('signs a person in with the role and scope of her mapped group, linked by issuer and subject', async () => {
    const res = await signIn('sub-anna');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/ekonomi');
    const session = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('its_session='),
    )!;
    expect(session).toContain('HttpOnly');
    const me = await t.http.get('/api/v1/auth/me').set('Cookie', session.split(';')[0]).expect(200);
    expect(me.body).toMatchObject({
      name: 'anna.lind',
      role: 'finance',
      scope: 'ulricehamn',
      via: 'session',
    });
    expect(me.body.person).toMatchObject({
      displayName: 'Anna Lind',
      email: 'anna.lind@ulricehamn.se',
      oidcIssuer: provider.issuer,
      hasPassword: false,
    });
    expect(me.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A second sign-in finds the same person, not a new one.
    await signIn('sub-anna').then((r) => expect(r.status).toBe(302));
    const persons = (await t.http.get('/api/v1/persons').set(t.auth())).body.items.filter(
      (p: { oidcIssuer: string | null }) => p.oidcIssuer === provider.issuer,
    );
    expect(persons.map((p: { username: string }) => p.username)).toEqual(['anna.lind']);
    const audit = await t.http
      .get(`/api/v1/audit?entityType=person&entityId=${me.body.personId}`)
      .set(t.auth());
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'login',
      'login',
      'oidc-create',
    ]);
  });

  it('takes the first mapped group in configuration order when a person has several', async () => {
    const res = await signIn('sub-sara', '/');
    expect(res.status).toBe(302);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('its_session='),
    )!;
    const me = await t.http.get('/api/v1/auth/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body).toMatchObject({ name: 'sara', role: 'admin', scope: null });
  });

  it('refuses a person with no mapped group, with a clear Swedish message, and creates nobody', async () => {
    const before = (await t.http.get('/api/v1/persons').set(t.auth())).body.total;
    const res = await signIn('sub-olle');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('OIDC_NO_GROUP');
    expect(res.body.message).toBe(
      'Ditt konto hos identitetsleverantören tillhör ingen grupp som ger behörighet i it-samverkan ' +
        '(dina grupper: kaffeklubben). Be din administratör om en grupp.',
    );
    expect(String(res.headers['set-cookie'])).not.toContain('its_session=');
    expect((await t.http.get('/api/v1/persons').set(t.auth())).body.total).toBe(before);
  });

  it('refuses a callback without the browser-bound state, and a state used twice', async () => {
    const start = await t.http.get('/api/v1/auth/oidc/start').expect(302);
    const state = new URL(start.headers.location).searchParams.get('state');
    const forged = await t.http.get(`/api/v1/auth/oidc/callback?code=abc&state=${state}`);
    expect(forged.status).toBe(400);
    expect(forged.body.error).toBe('OIDC_STATE_MISMATCH');
    const cookie = String(start.headers['set-cookie']).split(';')[0];
    const again = await t.http
      .get(`/api/v1/auth/oidc/callback?code=abc&state=${state}`)
      .set('Cookie', cookie);
    expect(again.status).toBe(401);
    expect(again.body.error).toBe('OIDC_FAILED');
    const replay = await t.http
      .get(`/api/v1/auth/oidc/callback?code=abc&state=${state}`)
      .set('Cookie', cookie);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('OIDC_STATE_MISMATCH');
    // Only paths on this site are followed after sign-in.
    const offsite = await t.http.get('/api/v1/auth/oidc/start?returnTo=//evil.example/x').expect(302);
    const offState = new URL(offsite.headers.location).searchParams.get('state')!;
    const [row] = await t.dataSource.query('SELECT return_to FROM oidc_request');
    expect(offState).toBeTruthy();
    expect(row.return_to).toBe('/');
  });

  it('answers 404 when OIDC is not configured', async () => {
    const plain = await startTestApp();
    try {
      const res = await plain.http.get('/api/v1/auth/oidc/start');
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('OIDC_NOT_CONFIGURED');
    } finally {
      await plain.close();
    }
  });
});
