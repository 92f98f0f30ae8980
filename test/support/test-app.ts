import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppEnv, loadEnv } from '@it-samverkan/config/env';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadDemo } from '@it-samverkan/application';
import { freshDatabase } from './database';

export const ADMIN_TOKEN = 'its_test-admin-token-0123456789abcdef';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  http: ReturnType<typeof request>;
  env: AppEnv;
  now: { value: Date };
  /** Bearer header for a token. */
  auth(token?: string): { Authorization: string };
  /** Creates a token with a role (and scope) and returns its secret. */
  token(role: string, scope?: string): Promise<string>;
  /** Creates a person (by the admin token) and returns its id. */
  person(input: PersonInput): Promise<string>;
  /** Logs a person in with a password: the Cookie header value and the session's CSRF token. */
  login(username: string, password: string): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

export interface PersonInput {
  username: string;
  role: string;
  scope?: string;
  displayName?: string;
  password?: string;
}

/** The session cookie of a login answer (Secure or not), as a Cookie header value. */
export function sessionCookieOf(res: { headers: Record<string, unknown> }): string {
  const set = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = set.find((c) => /^(__Host-)?its_session=[^;]/.test(c));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return cookie.split(';')[0];
}

export interface TestAppOptions {
  /**
   * true: the demo as of 2025 (models, ledger, agreements, forums), so a test starts 2025 with
   * nothing invoiced; 'full': also its earlier years 2023–2024 invoiced, closed and settled (the
   * 2024 settlement issued in 2025-Q1), as `npm start` loads it.
   */
  demo?: boolean | 'full';
  env?: Record<string, string>;
  now?: Date;
}

/** Boots the real application (same bootstrap as main.ts) on a fresh database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const env = loadEnv({
    DATABASE_URL: db.url,
    IT_SAMVERKAN_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    ...options.env,
  });
  const now = { value: options.now ?? new Date('2025-04-02T08:00:00Z') };
  const { app, dataSource } = await createApp({ env, clock: { now: () => now.value }, logger: false });
  if (options.demo) await loadDemo(dataSource, now.value, undefined, { history: options.demo === 'full' });
  const server = app.getHttpServer();
  const auth = (token = ADMIN_TOKEN) => ({ Authorization: `Bearer ${token}` });
  return {
    app,
    dataSource,
    http: request(server),
    env,
    now,
    auth,
    token: async (role, scope) => {
      const res = await request(server)
        .post('/api/v1/tokens')
        .set(auth())
        .send({ name: `test-${role}`, role, scope });
      if (res.status !== 201)
        throw new Error(`could not create token: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    person: async (input) => {
      const res = await request(server)
        .post('/api/v1/persons')
        .set(auth())
        .send({ displayName: input.username, ...input });
      if (res.status !== 201)
        throw new Error(`could not create person: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    },
    login: async (username, password) => {
      const res = await request(server).post('/api/v1/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`could not log in: ${res.status} ${JSON.stringify(res.body)}`);
      return { cookie: sessionCookieOf(res), csrf: res.body.csrfToken as string };
    },
    close: async () => {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    },
  };
}
