import { addDemoMunicipality } from '../support/parties';
import { startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'korrekt-häst-batteri-häftstift';

/**
 * Who a request is, and the parties access needs, are cached briefly per process
 * (libs/application/src/common/read-cache.ts). Every request below first fills that cache, then
 * the revoking call is made, and the very next request must already be refused.
 */
describe('revocation takes effect on the next request despite the authentication cache', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { SESSION_COOKIE_SECURE: 'false' } });
    await addDemoMunicipality(t, 'tranemo');
  });
  afterAll(async () => t.close());

  const me = (headers: Record<string, string>) => t.http.get('/api/v1/auth/me').set(headers);

  it('refuses a revoked token on the next request', async () => {
    const token = await t.token('finance', 'tranemo');
    for (let i = 0; i < 3; i++) await me(t.auth(token)).expect(200);
    const listed = await t.http.get('/api/v1/tokens').set(t.auth()).expect(200);
    const id = (listed.body.items ?? listed.body).find((x: { name: string }) => x.name === 'test-finance').id;
    await t.http.post(`/api/v1/tokens/${id}/revoke`).set(t.auth()).expect(200);
    const refused = await me(t.auth(token)).expect(401);
    expect(refused.body.error).toBe('UNAUTHENTICATED');
  });

  it('refuses an ended session on the next request', async () => {
    await t.person({ username: 'karin', role: 'styrgrupp', password: PASSWORD });
    const { cookie, csrf } = await t.login('karin', PASSWORD);
    for (let i = 0; i < 3; i++) await me({ Cookie: cookie }).expect(200);
    await t.http.post('/api/v1/auth/logout').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).expect(204);
    const refused = await me({ Cookie: cookie }).expect(401);
    expect(refused.body.error).toBe('UNAUTHENTICATED');
  });

  it("refuses a deactivated person's session and token on the next request", async () => {
    const id = await t.person({ username: 'olle', role: 'admin', password: PASSWORD });
    const { cookie } = await t.login('olle', PASSWORD);
    const created = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'olles skript', role: 'readonly', ownerUsername: 'olle' })
      .expect(201);
    const token = created.body.token as string;
    for (let i = 0; i < 3; i++) {
      await me({ Cookie: cookie }).expect(200);
      await me(t.auth(token)).expect(200);
    }
    await t.http.post(`/api/v1/persons/${id}/deactivate`).set(t.auth()).expect(200);
    await me({ Cookie: cookie }).expect(401);
    await me(t.auth(token)).expect(401);
  });

  it('applies an expiry reached by the clock although the token is cached', async () => {
    const expiresAt = new Date(t.now.value.getTime() + 60_000).toISOString();
    const created = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'kortlivad', role: 'readonly', expiresAt })
      .expect(201);
    await me(t.auth(created.body.token)).expect(200);
    const before = t.now.value;
    t.now.value = new Date(before.getTime() + 60_000);
    try {
      await me(t.auth(created.body.token)).expect(401);
    } finally {
      t.now.value = before;
    }
  });
});
