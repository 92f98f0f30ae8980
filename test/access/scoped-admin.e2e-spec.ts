import { ApiTokenEntity, InvoiceEntity } from '@it-samverkan/persistence';
import { databaseSnapshot } from '../support/db-snapshot';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12 items 1 and 4: a scoped administrator administers only its scope (it never mints an
 * unscoped or another scope's grant, nor revokes one), grant scopes name real parties, and its
 * audit list holds only entries about what it may read.
 */
describe('a scoped administrator administers only its scope', () => {
  let t: TestApp;
  let tranemoAdmin: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    tranemoAdmin = await t.token('admin', 'tranemo');
    const finance = await t.token('finance', 'ulricehamn');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    // One issued invoice to the bolag and one to Tranemo, so the audit trail holds both parties' documents.
    for (const buyerId of ['bolag-ue', 'tranemo']) {
      const draft = await t.dataSource
        .getRepository(InvoiceEntity)
        .findOneByOrFail({ buyerId, period: '2025-Q1' });
      await t.http.post(`/api/v1/invoices/${draft.id}/issue`).set(t.auth(finance)).expect(200);
    }
  });
  afterAll(() => t.close());

  const mint = (body: Record<string, unknown>, token = tranemoAdmin) =>
    t.http.post('/api/v1/tokens').set(t.auth(token)).send(body);

  it('cannot mint an unscoped grant, nor one for another municipality or its bolag; nothing is stored', async () => {
    const before = await databaseSnapshot(t.dataSource);
    for (const body of [
      { name: 'eskalering', role: 'admin' },
      { name: 'eskalering', role: 'readonly' },
      { name: 'annans', role: 'finance', scope: 'ulricehamn' },
      { name: 'annans bolag', role: 'readonly', scope: 'bolag-ue' },
    ]) {
      const res = await mint(body);
      expect({ body, status: res.status, error: res.body.error }).toEqual({
        body,
        status: 403,
        error: 'FORBIDDEN',
      });
    }
    expect(await databaseSnapshot(t.dataSource)).toBe(before);
  });

  it('mints grants of its own scope, an admin of it included', async () => {
    const res = await mint({ name: 'Ekonomi Tranemo', role: 'finance', scope: 'tranemo' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'finance', scope: 'tranemo' });
    expect((await mint({ name: 'Admin Tranemo 2', role: 'admin', scope: 'tranemo' })).status).toBe(201);
  });

  it("cannot revoke another scope's grant (it does not exist for it) or an unscoped one; revokes its own", async () => {
    const ulricehamn = await t.dataSource
      .getRepository(ApiTokenEntity)
      .findOneByOrFail({ name: 'test-finance' });
    const bootstrap = await t.dataSource
      .getRepository(ApiTokenEntity)
      .findOneByOrFail({ name: 'bootstrap-admin' });
    const before = await databaseSnapshot(t.dataSource);
    expect(
      (await t.http.post(`/api/v1/tokens/${ulricehamn.id}/revoke`).set(t.auth(tranemoAdmin))).status,
    ).toBe(404);
    expect(
      (await t.http.post(`/api/v1/tokens/${bootstrap.id}/revoke`).set(t.auth(tranemoAdmin))).status,
    ).toBe(404);
    expect(await databaseSnapshot(t.dataSource)).toBe(before);
    const own = await t.dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ name: 'Ekonomi Tranemo' });
    const revoked = await t.http
      .post(`/api/v1/tokens/${own.id}/revoke`)
      .set(t.auth(tranemoAdmin))
      .expect(200);
    expect(revoked.body.revokedAt).not.toBeNull();
  });

  it('lists only the grants of its scope', async () => {
    const list = await t.http.get('/api/v1/tokens').set(t.auth(tranemoAdmin)).expect(200);
    expect(new Set(list.body.items.map((x: { scope: string | null }) => x.scope))).toEqual(
      new Set(['tranemo']),
    );
    const all = await t.http.get('/api/v1/tokens').set(t.auth()).expect(200);
    expect(all.body.total).toBeGreaterThan(list.body.total);
  });

  it('an Ulricehamn admin may mint a grant for its own bolag', async () => {
    const ulrAdmin = await t.token('admin', 'ulricehamn');
    const res = await mint({ name: 'Ulricehamns Energi', role: 'readonly', scope: 'bolag-ue' }, ulrAdmin);
    expect(res.status).toBe(201);
  });

  it('a scope must name a municipality or company of the organisation (400, nothing stored)', async () => {
    const before = await t.dataSource.getRepository(ApiTokenEntity).count();
    const res = await mint({ name: 'x', role: 'readonly', scope: 'no-such-kommun' }, undefined as never);
    const unscoped = await t.http
      .post('/api/v1/tokens')
      .set(t.auth())
      .send({ name: 'x', role: 'readonly', scope: 'no-such-kommun' });
    expect(unscoped.status).toBe(400);
    expect(unscoped.body.details).toEqual([
      {
        path: 'scope',
        message: 'Omfattningen "no-such-kommun" är varken en kommun eller ett bolag i organisationen',
      },
    ]);
    expect(res.status).toBe(403);
    expect(await t.dataSource.getRepository(ApiTokenEntity).count()).toBe(before);
  });

  it("GET /audit of a scoped admin holds its own and shared entries, never another party's invoices", async () => {
    const ulrAdminAudit = await t.http.get('/api/v1/audit?pageSize=500').set(t.auth()).expect(200);
    const tranemoAudit = await t.http.get('/api/v1/audit?pageSize=500').set(t.auth(tranemoAdmin)).expect(200);
    const invoices = (
      await t.http.get('/api/v1/invoices?period=2025-Q1&pageSize=500').set(t.auth()).expect(200)
    ).body.items as { id: string; buyer: { id: string } }[];
    const notTranemos = new Set(invoices.filter((i) => i.buyer.id !== 'tranemo').map((i) => i.id));
    const seen = tranemoAudit.body.items as { entityType: string; entityId: string; after: unknown }[];
    const all = ulrAdminAudit.body.items as { entityType: string; entityId: string }[];
    expect(all.filter((e) => notTranemos.has(e.entityId))).toHaveLength(1); // the bolag's issue
    expect(seen.filter((e) => notTranemos.has(e.entityId))).toEqual([]);
    expect(seen.filter((e) => e.entityType === 'invoice')).toHaveLength(1); // its own invoice's issue
    // Its own grants and the shared organisation are in it; Ulricehamn's invoice run is not.
    expect(seen.some((e) => e.entityType === 'api-token')).toBe(true);
    expect(seen.some((e) => e.entityType === 'organisation')).toBe(true);
    expect(seen.some((e) => e.entityType === 'invoice-run')).toBe(false);
    expect(ulrAdminAudit.body.items.some((e: { entityType: string }) => e.entityType === 'invoice-run')).toBe(
      true,
    );
    expect(tranemoAudit.body.total).toBeLessThan(ulrAdminAudit.body.total);
  });
});
