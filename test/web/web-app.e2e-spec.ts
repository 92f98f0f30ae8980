import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { ensureWebBuild } from './browser';

/** The browser application is served by the API process at `/`; the API and its docs are untouched. */
describe('serving the web application', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureWebBuild();
    t = await startTestApp({ demo: true });
  }, 180_000);
  afterAll(async () => t.close());

  it('serves index.html at / and at every page address, with a CSP that allows only its own scripts', async () => {
    for (const path of ['/', '/ekonomi/perioder/2025-Q1', '/tjanstefiering/modeller/x', '/logga-in']) {
      const res = await t.http.get(path).set('Accept', 'text/html').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-src 'self' blob:");
      expect(csp).toContain("object-src 'none'");
    }
  });

  it('serves the built files with long caching, and never index.html for a missing file', async () => {
    const assets = readdirSync(join(__dirname, '..', '..', 'dist', 'web', 'assets'));
    const script = assets.find((f) => /^index-.*\.js$/.test(f))!;
    const res = await t.http.get(`/assets/${script}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await t.http.get('/assets/finns-inte.js').set('Accept', '*/*').expect(404);
  });

  it('leaves /api/v1, /docs and /health as they were', async () => {
    const missing = await t.http.get('/api/v1/finns-inte').set('Accept', 'text/html').expect(404);
    expect(missing.body.error).toBe('NOT_FOUND');
    await t.http.get('/api/v1/invoices').set('Accept', 'text/html').expect(401);
    const docs = await t.http.get('/docs/').set('Accept', 'text/html').expect(200);
    expect(docs.text).toContain('swagger');
    await t.http.get('/docs-json').expect(200);
    expect((await t.http.get('/health').expect(200)).body.status).toBe('ok');
  });

  it('names every municipality to a scoped reader, but lists only its own units', async () => {
    const tranemo = await t.token('finance', 'tranemo');
    const res = await t.http.get('/api/v1/organisation').set(t.auth(tranemo)).expect(200);
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
    expect(ids(res.body.municipalities)).toEqual(['svenljunga', 'tranemo', 'ulricehamn']);
    expect(res.body.units.every((u: { municipalityId: string }) => u.municipalityId === 'tranemo')).toBe(
      true,
    );
    expect(ids(res.body.companies)).toEqual([]);
  });
});
