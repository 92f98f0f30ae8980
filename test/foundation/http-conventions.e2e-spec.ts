import request from 'supertest';
import { startTestApp, TestApp, ADMIN_TOKEN } from '../support/test-app';
import { TEST_DATABASE_KIND } from '../support/database';

describe('HTTP conventions, authentication and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  it('GET /health answers without a token and names the database', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: TEST_DATABASE_KIND });
  });

  it('serves the OpenAPI document at /docs-json and the UI at /docs', async () => {
    const json = await t.http.get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tokens', '/api/v1/audit', '/health']),
    );
    const ui = await t.http.get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('every /api/v1 route but logging in answers 401 without a token, with a bad token and with a bad cookie', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const login = ['/api/v1/auth/login', '/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback'];
    const routes = Object.entries(doc.paths).filter(
      ([path]) => path.startsWith('/api/v1') && !login.includes(path),
    );
    expect(routes.length).toBeGreaterThan(0);
    for (const [path, methods] of routes) {
      const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const method of Object.keys(methods)) {
        const call = (t.http as any)[method](concrete);
        const res = await call;
        expect({ route: `${method} ${path}`, status: res.status }).toEqual({
          route: `${method} ${path}`,
          status: 401,
        });
        expect(res.body.error).toBe('UNAUTHENTICATED');
        const bad = await (t.http as any)
          [method](concrete)
          .set('Authorization', 'Bearer its_wrong-token-000000000000000');
        expect(bad.status).toBe(401);
        const cookie = await (t.http as any)
          [method](concrete)
          .set('Cookie', `__Host-its_session=${'A'.repeat(43)}; its_session=${'A'.repeat(43)}`);
        expect({ route: `${method} ${path}`, status: cookie.status }).toEqual({
          route: `${method} ${path}`,
          status: 401,
        });
      }
    }
  });

  it('gives 403 to a role that may not, and lets admin', async () => {
    const reader = await t.token('readonly');
    const res = await t.http.post('/api/v1/tokens').set(t.auth(reader)).send({ name: 'x', role: 'admin' });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('FORBIDDEN');
    await t.http.get('/api/v1/tokens').set(t.auth(reader)).expect(403);
    await t.http.get('/api/v1/tokens').set(t.auth()).expect(200);
  });

  it('lists every validation problem with its field path, and writes nothing', async () => {
    const before = (await t.http.get('/api/v1/tokens').set(t.auth())).body.total;
    const res = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ role: 'king', scope: 'Not A Scope!', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.correlationId).toEqual(expect.any(String));
    const paths = res.body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['extra', 'name', 'name', 'role', 'scope']);
    expect((await t.http.get('/api/v1/tokens').set(t.auth())).body.total).toBe(before);
  });

  it('rejects malformed JSON with 400 and a body over the limit with 413', async () => {
    const bad = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .set('Content-Type', 'application/json')
      .send('{"name":');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('MALFORMED_JSON');
    const big = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'x'.repeat(3 * 1024 * 1024), role: 'admin' });
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sets security headers (helmet) and a correlation id', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-correlation-id']).toEqual(expect.any(String));
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('creates, uses and revokes a token; the secret is stored hashed', async () => {
    const created = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'Ekonomi Tranemo', role: 'finance', scope: 'tranemo' })
      .expect(201);
    expect(created.body.token).toMatch(/^its_[A-Za-z0-9_-]{43}$/);
    const rows = await t.dataSource.query('SELECT token_hash FROM api_token');
    expect(rows.map((r: { token_hash: string }) => r.token_hash)).not.toContain(created.body.token);
    await t.http.get('/api/v1/audit').set(t.auth(created.body.token)).expect(403);
    await t.http.post(`/api/v1/tokens/${created.body.id}/revoke`).set(t.auth()).expect(200);
    await t.http.get('/api/v1/tokens').set(t.auth(created.body.token)).expect(401);
  });

  it('records who, when, what, before and after in the audit trail, paged and filtered', async () => {
    const res = await t.http
      .get('/api/v1/audit?entityType=api-token&action=revoke&pageSize=1')
      .set(t.auth())
      .expect(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.items).toHaveLength(1);
    const entry = res.body.items[0];
    expect(entry.actor).toBe('bootstrap-admin');
    expect(entry.before.revokedAt).toBeNull();
    expect(entry.after.revokedAt).toEqual(expect.any(String));
    const invalid = await t.http.get('/api/v1/audit?pageSize=9999&from=yesterday').set(t.auth());
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['from', 'pageSize']);
  });

  it('the audit trail cannot be altered, not even with SQL', async () => {
    await expect(t.dataSource.query('UPDATE audit_entry SET actor_name = ?', ['mallory'])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
  });

  it('a 500 carries a correlation id and no internals', async () => {
    const other = await startTestApp();
    await other.dataSource.destroy();
    const res = await other.http.get('/api/v1/tokens').set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: 'INTERNAL_ERROR',
      message: expect.any(String),
      details: [],
      correlationId: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/TypeORM|stack|at \w+ \(|Connection/i);
    await other.app.close();
  });

  it('rate-limits with 429', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await request(limited.app.getHttpServer()).get('/api/v1/tokens').set(limited.auth())).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
