/**
 * Loading the demo: the whole demo, as `npm start` loads it into an empty database (and
 * `startTestApp({ demo: 'full' })`), with its years 2023–2024 and the 2026 draft, against the
 * baseline measured in the same run, the demo without them (`history: false`, what
 * `startTestApp({ demo: true })` loads). Each round on a fresh database as the tests make it:
 * SQLite in a scratch folder, or DATABASE_URL=mysql://… (a scratch database, dropped).
 */
import { performance } from 'node:perf_hooks';
import { freshDatabase } from '../test/support/database';

const ROUNDS = 3;

export async function run(): Promise<void> {
  const { openDatabase } = await import('@it-samverkan/persistence');
  const { loadDemo } = await import('@it-samverkan/application');
  const now = new Date('2025-04-02T08:00:00Z');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const timings: Record<'without' | 'with', number[]> = { without: [], with: [] };
  // Alternating, so a busy machine weighs on both alike; the first round warms the code up.
  for (let round = 0; round <= ROUNDS; round++) {
    for (const variant of ['without', 'with'] as const) {
      const db = await freshDatabase();
      const dataSource = await openDatabase(db.url);
      try {
        const start = performance.now();
        // a fixed password: its hashing is the same in both and not what is measured here
        await loadDemo(dataSource, now, 'bench-demo-password-1', { history: variant === 'with' });
        if (round > 0) timings[variant].push(performance.now() - start);
      } finally {
        await dataSource.destroy();
        await db.drop();
      }
    }
  }
  const kind = process.env.DATABASE_URL?.match(/^(mysql|mariadb):/) ? 'MariaDB' : 'SQLite';
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const without = median(timings.without);
  const withHistory = median(timings.with);
  process.stdout.write(
    [
      `Demoladdning på ${kind}, median av ${ROUNDS} varv (varv: ${timings.with.map(fmt).join(', ')}):`,
      `  utan historik (baslinje):  ${fmt(without)}`,
      `  med 2023–2024 och 2026:    ${fmt(withHistory)}`,
      `  tillägg för historiken:    ${fmt(withHistory - without)}`,
      '',
    ].join('\n'),
  );
}
