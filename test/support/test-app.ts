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
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
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
    ...options.env,
  });
  const now = { value: options.now ?? new Date('2025-04-02T08:00:00Z') };
  const { app, dataSource } = await createApp({ env, clock: { now: () => now.value }, logger: false });
  if (options.demo) await loadDemo(dataSource, now.value);
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
    close: async () => {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await db.drop();
    },
  };
}
