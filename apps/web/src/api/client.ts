/**
 * The one module that knows how the browser talks to /api/v1 and how it is authenticated.
 *
 * A person logs in with username and password (POST /api/v1/auth/login): the server sets an
 * HttpOnly session cookie and answers with a CSRF token, which goes in the X-CSRF-Token header of
 * every change. A system's API token is the alternative: it is kept in sessionStorage (this tab
 * only, gone when the tab closes) and sent as a bearer token. Nothing else in the app knows which.
 */

export const API_BASE = '/api/v1';
const TOKEN_KEY = 'it-samverkan.api-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface FieldProblem {
  path: string;
  message: string;
}

/** An answer other than 2xx, in the API's error form {error, message, details}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[],
  ) {
    super(message);
  }
}

export interface Me {
  name: string;
  role: string;
  scope: string | null;
  via: string | null;
  personId: string | null;
  person: { displayName?: string } | null;
  csrfToken: string | null;
  expiresAt: string | null;
}

type Auth = { kind: 'session'; csrfToken: string | null } | { kind: 'token'; token: string };

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The file name a Content-Disposition header gives, or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match ? match[1] : fallback;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: { error?: string; message?: string; details?: FieldProblem[] } = {};
  try {
    body = await response.json();
  } catch {
    // a body that is not JSON (a proxy's page): the status says enough
  }
  return new ApiError(
    response.status,
    body.error ?? `HTTP_${response.status}`,
    body.message ?? `Servern svarade ${response.status}`,
    Array.isArray(body.details) ? body.details : [],
  );
}

export class ApiClient {
  private auth: Auth | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {}

  /** Called when the server says the login is gone (401), so the app can show the login page. */
  onLoggedOut(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Logs a person in; the session cookie is set by the server. */
  async login(username: string, password: string): Promise<Me> {
    this.auth = { kind: 'session', csrfToken: null };
    const started = await this.request<{ csrfToken: string }>('POST', '/auth/login', { username, password });
    this.auth = { kind: 'session', csrfToken: started.csrfToken };
    return this.me();
  }

  /** Uses a system's API token for this tab only. */
  async loginWithToken(token: string): Promise<Me> {
    this.auth = { kind: 'token', token: token.trim() };
    try {
      const me = await this.me();
      this.storage?.setItem(TOKEN_KEY, token.trim());
      return me;
    } catch (error) {
      this.auth = null;
      throw error;
    }
  }

  /** Who is logged in after a reload: the tab's API token, else the session cookie; null if no one. */
  async resume(): Promise<Me | null> {
    const token = this.storage?.getItem(TOKEN_KEY);
    this.auth = token ? { kind: 'token', token } : { kind: 'session', csrfToken: null };
    try {
      return await this.me();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.forget();
        return null;
      }
      throw error;
    }
  }

  async logout(): Promise<void> {
    if (this.auth?.kind === 'session') {
      try {
        await this.request('POST', '/auth/logout');
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    }
    this.forget();
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body?: unknown, options: { idempotencyKey?: string } = {}): Promise<T> {
    return this.request<T>('POST', path, body, options.idempotencyKey);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Sends a file's bytes as they are (an XLSX or a CSV upload). */
  upload<T>(path: string, file: Blob, contentType: string, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
    return this.request<T>(method, path, file, undefined, contentType);
  }

  /** A file the API serves, as a blob with its file name. */
  async file(path: string, query?: Query): Promise<{ blob: Blob; filename: string }> {
    const url = withQuery(path, query);
    const response = await this.send('GET', url);
    const blob = await response.blob();
    return { blob, filename: fileNameOf(response.headers.get('Content-Disposition'), url.split('/').pop()!) };
  }

  private async me(): Promise<Me> {
    const me = await this.request<Me>('GET', '/auth/me');
    // a reloaded page learns its session's CSRF token here
    if (this.auth?.kind === 'session' && me.csrfToken)
      this.auth = { kind: 'session', csrfToken: me.csrfToken };
    return me;
  }

  private forget(): void {
    this.auth = null;
    this.storage?.removeItem(TOKEN_KEY);
  }

  private headers(method: string, contentType?: string, idempotencyKey?: string): Headers {
    const headers = new Headers({ Accept: 'application/json' });
    if (contentType) headers.set('Content-Type', contentType);
    if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);
    if (this.auth?.kind === 'token') headers.set('Authorization', `Bearer ${this.auth.token}`);
    if (this.auth?.kind === 'session' && this.auth.csrfToken && UNSAFE.has(method)) {
      headers.set('X-CSRF-Token', this.auth.csrfToken);
    }
    return headers;
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
    rawType?: string,
  ): Promise<Response> {
    const isRaw = body instanceof Blob;
    const contentType = body === undefined ? undefined : isRaw ? rawType : 'application/json';
    const response = await fetch(API_BASE + path, {
      method,
      credentials: 'same-origin',
      headers: this.headers(method, contentType, idempotencyKey),
      body: body === undefined ? undefined : isRaw ? body : JSON.stringify(body),
    });
    if (!response.ok) {
      const error = await errorOf(response);
      if (response.status === 401 && !path.startsWith('/auth/')) {
        this.forget();
        this.listeners.forEach((listener) => listener());
      }
      throw error;
    }
    return response;
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
    rawType?: string,
  ): Promise<T> {
    const response = await this.send(method, path, body, idempotencyKey, rawType);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

export const api = new ApiClient(typeof sessionStorage === 'undefined' ? null : sessionStorage);
