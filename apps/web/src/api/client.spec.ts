import { ApiClient, ApiError, fileNameOf, withQuery } from './client';

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** A stand-in for the server: answers by path and remembers what the browser sent. */
function fakeServer(answers: Record<string, { status: number; body: unknown }>) {
  const seen: Seen[] = [];
  const fetchStub = async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    seen.push({ method: init.method ?? 'GET', url, headers, body: init.body });
    const answer = answers[`${init.method} ${url.split('?')[0]}`] ?? {
      status: 404,
      body: { error: 'NOT_FOUND' },
    };
    return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  };
  return { seen, fetchStub };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

const ME = {
  name: 'ekonomi.ulricehamn',
  role: 'finance',
  scope: 'ulricehamn',
  via: 'session',
  csrfToken: 'csrf-1',
};

describe('the API client: one place for how the browser is authenticated', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('a person logs in; changes carry the CSRF token, reads do not, and no bearer token is sent', async () => {
    const server = fakeServer({
      'POST /api/v1/auth/login': { status: 200, body: { csrfToken: 'csrf-1' } },
      'GET /api/v1/auth/me': { status: 200, body: ME },
      'GET /api/v1/invoices': { status: 200, body: { items: [] } },
      'POST /api/v1/invoice-runs': { status: 201, body: { period: '2025-Q1' } },
    });
    global.fetch = server.fetchStub as typeof fetch;
    const client = new ApiClient(memoryStorage());
    expect((await client.login('ekonomi.ulricehamn', 'hemligt')).role).toBe('finance');
    await client.get('/invoices', { period: '2025-Q1', status: undefined });
    await client.post('/invoice-runs', { period: '2025-Q1' }, { idempotencyKey: 'k-1' });
    const [login, , list, run] = server.seen;
    expect(login.body).toBe(JSON.stringify({ username: 'ekonomi.ulricehamn', password: 'hemligt' }));
    expect(list.url).toBe('/api/v1/invoices?period=2025-Q1');
    expect(list.headers.get('X-CSRF-Token')).toBeNull();
    expect(run.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(run.headers.get('Idempotency-Key')).toBe('k-1');
    expect(server.seen.every((s) => s.headers.get('Authorization') === null)).toBe(true);
  });

  it('an API token is sent as a bearer token and kept for the tab only; a refused token is not kept', async () => {
    const storage = memoryStorage();
    const server = fakeServer({
      'GET /api/v1/auth/me': { status: 200, body: { ...ME, via: 'token', csrfToken: null } },
    });
    global.fetch = server.fetchStub as typeof fetch;
    const client = new ApiClient(storage);
    await client.loginWithToken('  its_token-1  ');
    expect(server.seen[0].headers.get('Authorization')).toBe('Bearer its_token-1');
    expect(storage.items.get('it-samverkan.api-token')).toBe('its_token-1');

    global.fetch = fakeServer({
      'GET /api/v1/auth/me': {
        status: 401,
        body: { error: 'UNAUTHENTICATED', message: 'Ogiltig token', details: [] },
      },
    }).fetchStub as typeof fetch;
    const other = new ApiClient(memoryStorage());
    await expect(other.loginWithToken('fel')).rejects.toMatchObject({
      status: 401,
      message: 'Ogiltig token',
    });
  });

  it("turns the API's error body into an ApiError with every field problem", async () => {
    const problem = {
      error: 'VALIDATION_FAILED',
      message: 'Indata är ogiltiga',
      details: [
        { path: 'invoiceDate', message: 'invoiceDate skrivs ÅÅÅÅ-MM-DD' },
        { path: 'net', message: 'Ogiltigt belopp' },
      ],
    };
    global.fetch = fakeServer({ 'POST /api/v1/x': { status: 400, body: problem } }).fetchStub as typeof fetch;
    const error = await new ApiClient(null).post('/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details: problem.details });
  });

  it('tells the app when the session has ended (401 outside /auth), and forgets the token', async () => {
    const storage = memoryStorage();
    storage.setItem('it-samverkan.api-token', 'its_old');
    global.fetch = fakeServer({ 'GET /api/v1/invoices': { status: 401, body: { error: 'UNAUTHENTICATED' } } })
      .fetchStub as typeof fetch;
    const client = new ApiClient(storage);
    let told = 0;
    client.onLoggedOut(() => (told += 1));
    await expect(client.get('/invoices')).rejects.toBeInstanceOf(ApiError);
    expect(told).toBe(1);
    expect(storage.items.has('it-samverkan.api-token')).toBe(false);
  });

  it('builds query strings without empty values and reads file names', () => {
    expect(withQuery('/files/sie', { period: '2025-Q1', format: '' })).toBe('/files/sie?period=2025-Q1');
    expect(withQuery('/x')).toBe('/x');
    expect(fileNameOf('attachment; filename="ULR-2025-00001.pdf"', 'x')).toBe('ULR-2025-00001.pdf');
    expect(fileNameOf(null, 'fallback.csv')).toBe('fallback.csv');
  });
});
