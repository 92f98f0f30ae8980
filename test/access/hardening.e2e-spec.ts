import { DecisionEntity, DevelopmentRequestEntity } from '@it-samverkan/persistence';
import { databaseSnapshot } from '../support/db-snapshot';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue 12 item 5: what the probe found, each answered with a 4xx that names the problem. */
describe('hardening of the HTTP edge', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  const decision = { forum: 'styrgrupp', date: '2025-05-14', paragraph: '40', subject: 'Härdning' };

  it('JSON nested thousands deep answers 400 JSON_TOO_DEEP, not 500, and stores nothing', async () => {
    const before = await databaseSnapshot(t.dataSource);
    for (const depth of [65, 5000, 100_000]) {
      const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const res = await t.http
        .post('/api/v1/decisions')
        .set(t.auth())
        .set('Content-Type', 'application/json')
        .send(`{"forum":"styrgrupp","subject":${deep}}`);
      expect({ depth, status: res.status, error: res.body.error }).toEqual({
        depth,
        status: 400,
        error: 'JSON_TOO_DEEP',
      });
    }
    const arrays = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth())
      .set('Content-Type', 'application/json')
      .send(`${'['.repeat(3000)}${']'.repeat(3000)}`);
    expect(arrays.status).toBe(400);
    expect(await databaseSnapshot(t.dataSource)).toBe(before);
  });

  it('a document 64 levels deep is still read (the cap is above every real document)', async () => {
    // 1 level for the body + 63 nested objects under `subject` = 64: validation answers, not the cap.
    const nested = `${'{"a":'.repeat(63)}1${'}'.repeat(63)}`;
    const res = await t.http
      .post('/api/v1/decisions')
      .set(t.auth())
      .set('Content-Type', 'application/json')
      .send(`{"forum":"styrgrupp","date":"2025-05-14","paragraph":"41","subject":${nested}}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain('subject');
  });

  it('__proto__, constructor and prototype members are refused as unknown fields, each named', async () => {
    const count = await t.dataSource.getRepository(DecisionEntity).count();
    const res = await t.http
      .post('/api/v1/decisions')
      .set(t.auth())
      .set('Content-Type', 'application/json')
      .send(
        '{"forum":"styrgrupp","date":"2025-05-14","paragraph":"42","subject":"x",' +
          '"__proto__":{"admin":true},"extra":{"constructor":{"prototype":1}},"list":[{"prototype":2}]}',
      );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { path: '__proto__', message: '__proto__ är inte ett tillåtet fält' },
      { path: 'extra.constructor', message: 'constructor är inte ett tillåtet fält' },
      { path: 'list[0].prototype', message: 'prototype är inte ett tillåtet fält' },
    ]);
    expect(await t.dataSource.getRepository(DecisionEntity).count()).toBe(count);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    // The same body without them is accepted.
    await t.http.post('/api/v1/decisions').set(t.auth()).send(decision).expect(201);
  });

  it('authenticated answers carry Cache-Control: no-store: JSON, PDF, SIE, spreadsheets and errors', async () => {
    const finance = await t.token('finance', 'ulricehamn');
    await t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' }).expect(201);
    const list = await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth()).expect(200);
    const id = list.body.items[0].id as string;
    await t.http.post(`/api/v1/invoices/${id}/issue`).set(t.auth(finance)).expect(200);
    for (const path of [
      '/api/v1/invoices?period=2025-Q1',
      `/api/v1/files/invoices/${id}/pdf`,
      `/api/v1/files/invoices/${id}/peppol`,
      '/api/v1/files/sie?period=2025-Q1',
      '/api/v1/files/invoices?period=2025-Q1&format=xlsx',
      '/api/v1/invoices/00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await t.http.get(path).set(t.auth());
      expect({ path, cache: res.headers['cache-control'] }).toEqual({ path, cache: 'no-store' });
    }
  });

  it('development requests name estimateHours, and reported time names hours, when wrong or absent', async () => {
    const base = '/api/v1/utveckling/requests';
    const before = await t.dataSource.getRepository(DevelopmentRequestEntity).count();
    const empty = await t.http.post(base).set(t.auth()).send({});
    expect(empty.status).toBe(400);
    expect(empty.body.details.map((d: { path: string }) => d.path)).toEqual([
      'unitId',
      'title',
      'need',
      'estimateHours',
      'funding',
    ]);
    const wrongTypes = await t.http
      .post(base)
      .set(t.auth())
      .send({ unitId: 5, title: 'x', need: 'y', estimateHours: 'många', funding: 'framework' });
    expect(wrongTypes.body.details.map((d: { path: string }) => d.path)).toEqual(['unitId', 'estimateHours']);
    expect(await t.dataSource.getRepository(DevelopmentRequestEntity).count()).toBe(before);

    const existing = await t.dataSource
      .getRepository(DevelopmentRequestEntity)
      .findOneByOrFail({ status: 'received' });
    const patch = await t.http
      .patch(`${base}/${existing.id}`)
      .set(t.auth())
      .send({ title: 7, estimateHours: 'x' });
    expect(patch.status).toBe(400);
    expect(patch.body.details.map((d: { path: string }) => d.path)).toEqual(['title', 'estimateHours']);

    const inProgress = await t.dataSource
      .getRepository(DevelopmentRequestEntity)
      .findOneBy({ status: 'in-progress', funding: 'additional' });
    expect(inProgress).not.toBeNull();
    const hours = await t.http
      .post(`${base}/${inProgress!.id}/hours`)
      .set(t.auth())
      .send({ reportedOn: 20250301 });
    expect(hours.status).toBe(400);
    expect(hours.body.details.map((d: { path: string }) => d.path)).toEqual(['hours', 'reportedOn']);
  });
});
