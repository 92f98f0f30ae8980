import { startTestApp, TestApp } from '../support/test-app';

/**
 * "A 500 is a bug": every route of the OpenAPI document, called as admin with malformed bodies,
 * unknown ids and odd query strings, answers with a 4xx (or 2xx), never a 5xx, and always in the
 * one error shape.
 */
describe('no route answers bad input with a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  const bodies: unknown[] = [
    {},
    [],
    'x',
    { a: { b: [1, null] } },
    { period: '2025-13', year: 'nope', id: 42, amount: 1e309 },
  ];

  it('answers every malformed call with a 4xx in the error shape', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const failures: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const concrete of [
        path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
        path.replace(/\{[^}]+\}/g, 'inte-ett-id'),
      ]) {
        for (const method of Object.keys(methods)) {
          const calls = method === 'get' || method === 'delete' ? [undefined] : bodies;
          for (const body of calls) {
            let req = (t.http as any)[method](`${concrete}?period=x&page=0&format=pdf`).set(t.auth());
            if (body !== undefined)
              req =
                typeof body === 'string'
                  ? req.set('Content-Type', 'application/json').send(body)
                  : req.send(body);
            const res = await req;
            if (res.status >= 500)
              failures.push(
                `${method.toUpperCase()} ${concrete} ${JSON.stringify(body)} → ${res.status} ${res.text.slice(0, 200)}`,
              );
            else if (res.status >= 400 && typeof res.body?.error !== 'string')
              failures.push(`${method.toUpperCase()} ${concrete} → ${res.status} without error code`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
