import { DataSource } from 'typeorm';
import { loadDemo, TokenService } from '@it-samverkan/application';
import {
  InvoiceCounterEntity,
  InvoiceEntity,
  openDatabase,
  rateLimitCeiling,
} from '@it-samverkan/persistence';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { freshDatabase, TEST_DATABASE_KIND } from '../support/database';
import { ADMIN_TOKEN } from '../support/test-app';
import { insertDrafts } from '../invoicing/support';

const PASSWORD = 'korrekt-häst-batteri-häftstift';
const LIMIT = 200;
const DRAFTS = 30;
const PARALLEL = 10;
/**
 * Issuing from two processes at once needs a database that locks rows across connections
 * (MariaDB/MySQL). SQLite is one writer per file: a second process's transaction that read the
 * counter before the first committed fails to upgrade its lock (SQLITE_BUSY) instead of
 * waiting, so on SQLite only one process may write (README: More than one process). The other
 * points (idempotency, sessions, shared rate limits) are proven on both databases.
 */
const onRowLockingDatabase = TEST_DATABASE_KIND === 'mysql' ? it : it.skip;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** Two API processes on one database, as behind a load balancer; requests alternate between them. */
describe('two API processes on one database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let source: DataSource;
  let a: ApiProcess;
  let b: ApiProcess;
  let drafts: string[];
  let finance: string;
  const processes = () => [a, b];

  const call = async (
    api: ApiProcess,
    method: string,
    path: string,
    options: { token?: string; cookie?: string; headers?: Record<string, string>; body?: object } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.Cookie = options.cookie;
    if (options.body) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers,
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    db = await freshDatabase();
    // The schema, the demo and the first admin token before either process starts.
    source = await openDatabase(db.url);
    const now = new Date('2025-04-02T08:00:00Z');
    await loadDemo(source, now);
    await new TokenService(source).ensureBootstrapToken(now, ADMIN_TOKEN);
    drafts = await insertDrafts(source, DRAFTS, '2025-12');
    const env = { DATABASE_URL: db.url, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
    a = await startApiProcess(env);
    b = await startApiProcess(env);
    const created = await call(a, 'POST', '/api/v1/tokens', {
      token: ADMIN_TOKEN,
      body: { name: 'ekonomi', role: 'finance' },
    });
    expect(created.status).toBe(201);
    finance = created.body.token;
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (source?.isInitialized) await source.destroy();
    await db?.drop();
  });

  onRowLockingDatabase(
    `issues ${DRAFTS} drafts ${PARALLEL} at a time over both: every number once, the series gapless`,
    async () => {
      const queue = [...drafts];
      const numbers: string[] = [];
      let sent = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) {
            const res = await call(processes()[sent++ % 2], 'POST', `/api/v1/invoices/${id}/issue`, {
              token: finance,
              body: {},
            });
            expect([res.status, res.body.status]).toEqual([200, 'issued']);
            numbers.push(res.body.number);
          }
        }),
      );
      expect(new Set(numbers).size).toBe(DRAFTS);
      // The processes issue with today's date, so the series is this year's: ULR-<year>-00001 onwards.
      const counters = await source.getRepository(InvoiceCounterEntity).findBy({ issuerId: 'ulricehamn' });
      const issued = await source
        .getRepository(InvoiceEntity)
        .findBy({ issuerId: 'ulricehamn', status: 'issued' });
      expect(counters.length).toBeGreaterThan(0);
      for (const counter of counters) {
        const series = issued
          .map((inv) => new RegExp(`^ULR-${counter.year}-(\\d{5})$`).exec(inv.number!))
          .filter((m): m is RegExpExecArray => m !== null)
          .map((m) => Number(m[1]))
          .sort((x, y) => x - y);
        expect(series).toEqual(Array.from({ length: counter.lastNumber }, (_, i) => i + 1));
      }
      expect(numbers.every((n) => issued.some((inv) => inv.number === n))).toBe(true);
    },
  );

  it('one Idempotency-Key sent to both processes at once makes one credit note, one answer', async () => {
    let invoice = await call(a, 'GET', `/api/v1/invoices/${drafts[0]}`, { token: finance });
    if (invoice.body.status === 'draft') {
      invoice = await call(a, 'POST', `/api/v1/invoices/${drafts[0]}/issue`, { token: finance, body: {} });
      expect(invoice.status).toBe(200);
    }
    const lineId = invoice.body.lines[0].id;
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        call(processes()[i % 2], 'POST', `/api/v1/invoices/${drafts[0]}/credit`, {
          token: finance,
          headers: { 'Idempotency-Key': 'kredit-2-processer' },
          body: { reason: 'Fel antal', lines: [{ lineId, amount: '10.00' }] },
        }),
      ),
    );
    const ok = answers.filter((r) => r.status === 201);
    const others = answers.filter((r) => r.status !== 201);
    // A request that found the key still being written says so honestly and saved nothing.
    expect(others.map((r) => [r.status, r.body.error])).toEqual(
      others.map(() => [409, 'IDEMPOTENCY_KEY_BUSY']),
    );
    expect(ok.length).toBeGreaterThan(0);
    for (const r of ok) expect(r.body).toEqual(ok[0].body);
    // 10.00 net at 25 % VAT: 12.50 gross.
    expect(ok[0].body).toMatchObject({ kind: 'credit-note', net: '10.00', vat: '2.50', gross: '12.50' });
    const notes = await source.getRepository(InvoiceEntity).findBy({ creditedInvoiceId: drafts[0] });
    expect(notes.map((n) => n.number)).toEqual([ok[0].body.number]);
    // Replayed later by either process: the same answer.
    for (const api of processes()) {
      const again = await call(api, 'POST', `/api/v1/invoices/${drafts[0]}/credit`, {
        token: finance,
        headers: { 'Idempotency-Key': 'kredit-2-processer' },
        body: { reason: 'Fel antal', lines: [{ lineId, amount: '10.00' }] },
      });
      expect([again.status, again.headers.get('idempotent-replayed'), again.body]).toEqual([
        201,
        'true',
        ok[0].body,
      ]);
    }
  });

  it('a session begun on one process works on the other, and ends on both', async () => {
    const person = await call(a, 'POST', '/api/v1/persons', {
      token: ADMIN_TOKEN,
      body: { username: 'anna', displayName: 'Anna Lind', role: 'readonly', password: PASSWORD },
    });
    expect(person.status).toBe(201);
    const login = await call(a, 'POST', '/api/v1/auth/login', {
      body: { username: 'anna', password: PASSWORD },
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await call(b, 'GET', '/api/v1/auth/me', { cookie });
    expect([me.status, me.body.name]).toEqual([200, 'anna']);
    const logout = await call(b, 'POST', '/api/v1/auth/logout', {
      cookie,
      headers: { 'X-CSRF-Token': login.body.csrfToken },
    });
    expect(logout.status).toBe(204);
    expect((await call(a, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it(`one person is limited across both processes: ${LIMIT} requests a minute in all`, async () => {
    const created = await call(b, 'POST', '/api/v1/tokens', {
      token: ADMIN_TOKEN,
      body: { name: 'läsare', role: 'readonly' },
    });
    const reader = created.body.token as string;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++)
      statuses.push((await call(processes()[i % 2], 'GET', '/api/v1/auth/me', { token: reader })).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Each process saw only half and counted part of it without asking the database
    // (RateLimitAllowance); both refuse once the shared count passes the limit, having let
    // through at most the stated bound more: 200 + 2 × ⌊200 / 8⌋ = 250 in all.
    const overBound = rateLimitCeiling(LIMIT, 2) - LIMIT;
    let over = 0;
    for (const api of processes()) {
      let refused = await call(api, 'GET', '/api/v1/auth/me', { token: reader });
      for (; refused.status === 200 && over <= overBound; over++)
        refused = await call(api, 'GET', '/api/v1/auth/me', { token: reader });
      expect([refused.status, refused.body.error]).toEqual([429, 'TOO_MANY_REQUESTS']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(over).toBeLessThanOrEqual(overBound);
    // Refused from then on, on either process.
    for (const api of processes())
      expect((await call(api, 'GET', '/api/v1/auth/me', { token: reader })).status).toBe(429);
    // Another person is not affected.
    expect((await call(a, 'GET', '/api/v1/auth/me', { token: finance })).status).toBe(200);
  });
});
