import request from 'supertest';
import { createApp } from '../../apps/api/src/bootstrap';
import { startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'korrekt-häst-batteri-häftstift';
/** Both people's browsers reach the API through the municipality's one proxy address. */
const PROXY_ADDRESS = '10.20.30.40';

describe('rate limits count per person, and per address only for anonymous requests', () => {
  let t: TestApp;
  let anna: { cookie: string; csrf: string };
  let bertil: { cookie: string; csrf: string };

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        SESSION_COOKIE_SECURE: 'false',
        TRUST_PROXY_HOPS: '1',
        RATE_LIMIT_PER_MINUTE: '3',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '4',
      },
    });
    await t.person({ username: 'anna', role: 'readonly', password: PASSWORD });
    await t.person({ username: 'bertil', role: 'readonly', password: PASSWORD });
    // Each login is an anonymous request from its own address: 2 of the 4 for 192.0.2.1 and .2.
    const login = (username: string, address: string) =>
      t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', address)
        .send({ username, password: PASSWORD })
        .expect(200);
    const a = await login('anna', '192.0.2.1');
    const b = await login('bertil', '192.0.2.2');
    anna = { cookie: a.headers['set-cookie'][0].split(';')[0], csrf: a.body.csrfToken };
    bertil = { cookie: b.headers['set-cookie'][0].split(';')[0], csrf: b.body.csrfToken };
  });
  afterAll(async () => t.close());

  const me = (who: { cookie: string }) =>
    t.http.get('/api/v1/auth/me').set('Cookie', who.cookie).set('X-Forwarded-For', PROXY_ADDRESS);

  it('two people behind one proxy address are limited separately', async () => {
    const annas = [];
    for (let i = 0; i < 4; i++) annas.push(await me(anna));
    expect(annas.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    // Anna's fourth request in the minute: refused in Swedish, with when to try again.
    const refused = annas[3];
    expect(refused.body).toMatchObject({
      error: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(
        /^För många förfrågningar \(högst 3 per minut\); försök igen om \d+ sekunder\.$/,
      ),
      details: [],
    });
    // The test clock stands still, so the whole minute is left: 60 seconds.
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body.message).toContain('om 60 sekunder');
    // Bertil, at the same address, has his own three.
    const bertils = [];
    for (let i = 0; i < 4; i++) bertils.push((await me(bertil)).status);
    expect(bertils).toEqual([200, 200, 200, 429]);
  });

  it('a person stays limited from another address; the limit follows the person', async () => {
    const elsewhere = await t.http
      .get('/api/v1/auth/me')
      .set('Cookie', anna.cookie)
      .set('X-Forwarded-For', '198.51.100.7');
    expect(elsewhere.status).toBe(429);
  });

  it('anonymous requests (login) count per client address, as X-Forwarded-For names it through the trusted proxy', async () => {
    const attempt = (address: string) =>
      t.http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', address)
        .send({ username: 'ingen', password: 'fel-lösenord-123' });
    // 192.0.2.1 used 1 of its 4 for Anna's login: three more, then 429.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt('192.0.2.1')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await attempt('192.0.2.99')).status).toBe(401);
  });

  it('/health is never limited (load balancers ask it often)', async () => {
    for (let i = 0; i < 6; i++) await t.http.get('/health').set('X-Forwarded-For', '192.0.2.1').expect(200);
  });
});

/** Runs `use` against a second instance of the app on the test app's database, then stops it. */
async function withSecondInstance(t: TestApp, use: (other: ReturnType<typeof request>) => Promise<void>) {
  const second = await createApp({ env: t.env, clock: { now: () => t.now.value }, logger: false });
  try {
    await use(request(second.app.getHttpServer()));
  } finally {
    await second.app.close();
    if (second.dataSource.isInitialized) await second.dataSource.destroy();
  }
}

describe('two API instances on one database share the counts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '4' } });
  });
  afterAll(async () => t.close());

  it('a token’s fifth request is refused by the instance that did not see the first four', async () => {
    const token = await t.token('readonly');
    await withSecondInstance(t, async (other) => {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await t.http.get('/api/v1/auth/me').set(t.auth(token))).status);
      statuses.push((await other.get('/api/v1/auth/me').set(t.auth(token))).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    });
  });
});

describe('far from the limit an instance counts locally and sends its count when it stops', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100' } });
  });
  afterAll(async () => t.close());

  it('five requests to an instance that then stops are in the count the other instance sees', async () => {
    const token = await t.token('readonly');
    const remaining: string[] = [];
    // The first asks the database (1 of 100); the next four fit the allowance ⌊99 / 8⌋ = 12.
    await withSecondInstance(t, async (other) => {
      for (let i = 0; i < 5; i++)
        remaining.push(
          (await other.get('/api/v1/auth/me').set(t.auth(token))).headers['x-ratelimit-remaining'],
        );
    });
    expect(remaining).toEqual(['99', '98', '97', '96', '95']);
    // The stopped instance sent its four: the sixth request is the sixth in the shared count.
    const sixth = await t.http.get('/api/v1/auth/me').set(t.auth(token)).expect(200);
    expect(sixth.headers['x-ratelimit-remaining']).toBe('94');
  });
});
