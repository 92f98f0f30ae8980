import { addDemoMunicipality } from '../support/parties';
import { sessionCookieOf as cookieOf, startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'korrekt-häst-batteri-häftstift';

describe('people log in: sessions, CSRF, expiry, lockout', () => {
  let t: TestApp;
  let annaId: string;
  const login = (username: string, password: string) =>
    t.http.post('/api/v1/auth/login').send({ username, password });
  const session = (username = 'anna', password = PASSWORD) => t.login(username, password);

  beforeAll(async () => {
    // Plain-http test server: the Secure flag is switched off as documented for localhost development.
    t = await startTestApp({
      env: {
        SESSION_COOKIE_SECURE: 'false',
        SESSION_IDLE_MINUTES: '30',
        SESSION_MAX_HOURS: '8',
        LOGIN_MAX_FAILURES: '5',
      },
    });
    annaId = await t.person({
      username: 'anna',
      displayName: 'Anna Lind',
      role: 'admin',
      password: PASSWORD,
    });
    await addDemoMunicipality(t, 'tranemo');
    await t.person({
      username: 'tomas',
      displayName: 'Tomas Berg',
      role: 'finance',
      scope: 'tranemo',
      password: PASSWORD,
    });
  });
  afterAll(async () => t.close());

  it('stores the password as an scrypt hash with its parameters and salt, never in clear', async () => {
    const [row] = await t.dataSource.query("SELECT password_hash FROM person WHERE username = 'anna'");
    expect(row.password_hash).toMatch(/^scrypt\$N=32768,r=8,p=3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const list = await t.http.get('/api/v1/persons').set(t.auth()).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });

  it('logs in: an HttpOnly, SameSite=Lax session cookie, a CSRF token, and /auth/me names the person', async () => {
    const res = await login('Anna', PASSWORD).expect(200);
    const set = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(set).toMatch(/^its_session=[A-Za-z0-9_-]{43};/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Lax');
    expect(set).toContain('Path=/');
    expect(res.body.person).toMatchObject({
      username: 'anna',
      displayName: 'Anna Lind',
      role: 'admin',
      scope: null,
    });
    expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Absolute end: 8 hours after login at 08:00Z.
    expect(res.body.expiresAt).toBe('2025-04-02T16:00:00.000Z');
    const secret = cookieOf(res).split('=')[1];
    const rows = await t.dataSource.query('SELECT secret_hash FROM session');
    expect(rows.map((r: { secret_hash: string }) => r.secret_hash)).not.toContain(secret);
    const me = await t.http.get('/api/v1/auth/me').set('Cookie', cookieOf(res)).expect(200);
    expect(me.body).toMatchObject({
      name: 'anna',
      via: 'session',
      personId: annaId,
      csrfToken: res.body.csrfToken,
    });
  });

  it('the session cookie is Secure by default', async () => {
    const secure = await startTestApp();
    try {
      await secure.person({ username: 'eva', role: 'readonly', password: PASSWORD });
      const res = await secure.http
        .post('/api/v1/auth/login')
        .send({ username: 'eva', password: PASSWORD })
        .expect(200);
      const set = (res.headers['set-cookie'] as unknown as string[])[0];
      expect(set).toMatch(/^__Host-its_session=/);
      expect(set).toContain('Secure');
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password and an unknown user with the same Swedish answer', async () => {
    const wrong = await login('tomas', 'fel-lösenord-helt-och-hållet').expect(401);
    const unknown = await login('ingen.alls', 'fel-lösenord-helt-och-hållet').expect(401);
    expect(wrong.body.message).toBe('Fel användarnamn eller lösenord');
    expect(unknown.body.message).toBe(wrong.body.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a cookie change without or with a wrong CSRF token (403) and writes nothing; the right one passes', async () => {
    const { cookie, csrf } = await session();
    const body = { username: 'csrf.offer', displayName: 'Offer', role: 'readonly' };
    const count = async () => (await t.http.get('/api/v1/persons').set(t.auth())).body.total;
    const before = await count();
    const audit = async () => (await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n;
    const auditBefore = await audit();
    const without = await t.http.post('/api/v1/persons').set('Cookie', cookie).send(body);
    expect(without.status).toBe(403);
    expect(without.body.error).toBe('CSRF_TOKEN_INVALID');
    expect(without.body.message).toContain('X-CSRF-Token');
    const other = await session('tomas');
    const wrong = await t.http
      .post('/api/v1/persons')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', other.csrf)
      .send(body);
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toBe('CSRF_TOKEN_INVALID');
    expect(await count()).toBe(before);
    // Only the two logins wrote audit entries, not the refused changes.
    expect(Number(await audit())).toBe(Number(auditBefore) + 1);
    await t.http
      .post('/api/v1/persons')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send(body)
      .expect(201);
    expect(await count()).toBe(before + 1);
    // Reading needs no CSRF token, and a bearer token needs none either.
    await t.http.get('/api/v1/persons').set('Cookie', cookie).expect(200);
  });

  it('names the person in the audit trail for a change made through the session', async () => {
    const { cookie, csrf } = await session();
    const created = await t.http
      .post('/api/v1/tokens')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send({ name: 'rapportskript', role: 'readonly' })
      .expect(201);
    const audit = await t.http
      .get(`/api/v1/audit?entityType=api-token&entityId=${created.body.id}`)
      .set(t.auth());
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: 'anna',
      actorId: annaId,
      via: 'session',
      action: 'create',
    });
  });

  it('logout ends the session on the server: the same cookie is refused afterwards', async () => {
    const { cookie, csrf } = await session();
    await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    const out = await t.http
      .post('/api/v1/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/its_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await t.http.get('/api/v1/auth/me').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.message).toBe('Sessionen har gått ut eller avslutats; logga in igen');
    const [row] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'logout' AND actor_name = 'anna'",
    );
    expect(Number(row.n)).toBeGreaterThanOrEqual(1);
    // A bearer token has no session to end.
    const bearer = await t.http.post('/api/v1/auth/logout').set(t.auth());
    expect(bearer.status).toBe(400);
    expect(bearer.body.error).toBe('NOT_A_SESSION');
  });

  it('ends a session after 30 idle minutes and 8 hours after login however active (fixed clock)', async () => {
    const start = new Date('2025-04-02T08:00:00Z');
    t.now.value = start;
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    const idle = await session();
    t.now.value = minutes(29); // 29 < 30 idle minutes: alive, and last seen moves to 08:29
    await t.http.get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(200);
    t.now.value = minutes(58); // 29 minutes after 08:29: alive
    await t.http.get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(200);
    t.now.value = minutes(88); // 30 minutes after 08:58: idle too long
    await t.http.get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(401);

    t.now.value = start;
    const busy = await session();
    // A request every 20 minutes keeps it from idling, until 8 h (480 min) after login.
    for (let m = 20; m < 480; m += 20) {
      t.now.value = minutes(m);
      await t.http.get('/api/v1/auth/me').set('Cookie', busy.cookie).expect(200);
    }
    t.now.value = minutes(480);
    await t.http.get('/api/v1/auth/me').set('Cookie', busy.cookie).expect(401);
    t.now.value = start;
  });

  it('locks the account after 5 failures, refusing even the right password, with a Swedish message', async () => {
    t.now.value = new Date('2025-04-02T09:00:00Z');
    for (let i = 1; i <= 4; i++) await login('tomas', `fel-lösenord-nummer-${i}`).expect(401);
    // The fifth failure reaches the threshold and locks for 1 minute (60 000 ms · 2^0).
    await login('tomas', 'fel-lösenord-nummer-5').expect(401);
    const locked = await login('tomas', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('LOGIN_LOCKED');
    expect(locked.body.message).toBe(
      'För många misslyckade inloggningar. Inloggningen är spärrad; försök igen om 1 minut.',
    );
    expect(locked.headers['set-cookie']).toBeUndefined();
    // Another account from the same address is not locked (50 failures per address).
    await login('anna', PASSWORD).expect(200);
    // After the minute the right password works again, and the count starts over.
    t.now.value = new Date('2025-04-02T09:01:00Z');
    await login('tomas', PASSWORD).expect(200);
    // Back-off doubles: 5 more failures lock 1 minute, a 6th (after it) locks 2 minutes.
    for (let i = 1; i <= 5; i++) await login('tomas', `fel-igen-${i}`).expect(401);
    t.now.value = new Date('2025-04-02T09:02:00Z');
    await login('tomas', 'fel-igen-6').expect(401);
    const longer = await login('tomas', PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.body.message).toContain('försök igen om 2 minuter');
    t.now.value = new Date('2025-04-02T08:00:00Z');
  });

  it('deactivating a person ends their sessions and refuses their logins', async () => {
    const id = await t.person({ username: 'kalle', role: 'drift', password: PASSWORD });
    const { cookie } = await session('kalle');
    await t.http.post(`/api/v1/persons/${id}/deactivate`).set(t.auth()).expect(200);
    await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    await login('kalle', PASSWORD).expect(401);
  });

  it('a new password ends open sessions; the old password no longer works', async () => {
    const id = await t.person({ username: 'lisa', role: 'drift', password: PASSWORD });
    const { cookie } = await session('lisa');
    const short = await t.http.put(`/api/v1/persons/${id}/password`).set(t.auth()).send({ password: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.details[0]).toMatchObject({ path: 'password' });
    await t.http
      .put(`/api/v1/persons/${id}/password`)
      .set(t.auth())
      .send({ password: 'ett-helt-nytt-lösenord' })
      .expect(200);
    await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
    await login('lisa', PASSWORD).expect(401);
    await login('lisa', 'ett-helt-nytt-lösenord').expect(200);
  });

  it('lists every problem of a bad person and refuses a taken username', async () => {
    const bad = await t.http
      .post('/api/v1/persons')
      .set(t.auth())
      .send({ username: 'A B', role: 'king', scope: 'Inte OK', email: 'nej', password: 'kort' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ['displayName', 'displayName', 'email', 'password', 'role', 'scope', 'username'].sort(),
    );
    const taken = await t.http
      .post('/api/v1/persons')
      .set(t.auth())
      .send({ username: 'anna', displayName: 'Anna 2', role: 'readonly' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('PERSON_EXISTS');
  });
});

describe('failed logins are also counted per client address (behind one trusted proxy)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_FAILURES: '10', LOGIN_MAX_FAILURES_PER_ADDRESS: '3', TRUST_PROXY_HOPS: '1' },
    });
    await t.person({ username: 'per', role: 'readonly', password: PASSWORD });
  });
  afterAll(async () => t.close());

  const from = (address: string, username: string, password: string) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ username, password });

  it('locks an address trying many usernames, not the person elsewhere', async () => {
    // Three different usernames, one failure each: no account reaches 10, the address reaches 3.
    for (const name of ['a.andersson', 'b.berg', 'c.carlsson'])
      await from('10.0.0.1', name, 'gissat-lösenord-123').expect(401);
    const locked = await from('10.0.0.1', 'per', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('LOGIN_LOCKED');
    await from('10.0.0.2', 'per', PASSWORD).expect(200);
  });
});
