/**
 * Child process of the api-load bench: the real API (createApp, as main.ts) on DATABASE_URL with
 * the demo loaded, listening on a free port it reports to the parent. Run with the source hook:
 * `node -r scripts/register.js bench/api-load/serve-api.ts`. With BENCH_SCALE=N (N > 1) it adds
 * N× the demo's invoicing history (scale-data.ts) before it listens.
 */
import type { AddressInfo } from 'node:net';
import { loadDemo } from '@it-samverkan/application';
import { loadEnv } from '@it-samverkan/config/env';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadScaleData } from './scale-data';
import { answerStats, BENCH_ADMIN_TOKEN, BENCH_PASSWORD, ServerReady, StatementCounter } from './protocol';

async function main(): Promise<void> {
  const env = loadEnv({
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    IT_SAMVERKAN_BOOTSTRAP_TOKEN: BENCH_ADMIN_TOKEN,
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    SESSION_COOKIE_SECURE: 'false',
  });
  const { app, dataSource } = await createApp({ env, logger: ['error'], webDirectory: null });
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  // Scaled, the history is scale-data's (2020–2024, its own series and closed months) instead of the demo's.
  await loadDemo(dataSource, new Date(), BENCH_PASSWORD, { history: scale <= 1 });
  const scaled = scale > 1 ? await loadScaleData(dataSource, scale, new Date()) : null;
  // Every statement passes the data source's logger: count them, so the bench can show SQL per request.
  const counter = new StatementCounter();
  const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
  dataSource.logger.logQuery = (query, parameters, runner) => {
    counter.seen(query, Array.isArray(parameters) ? parameters : []);
    return logQuery(query, parameters, runner);
  };
  answerStats(counter);
  await app.listen(0, '127.0.0.1');
  const ready: ServerReady = { port: (app.getHttpServer().address() as AddressInfo).port, scaled };
  process.send?.(ready);
  process.on('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
