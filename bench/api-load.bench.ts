/**
 * API overhead under load, `npm run bench -- api-load`: the API on SQLite and on MariaDB, each
 * with the demo loaded, an invoice run of 2025-Q1 and a split, driven with autocannon at 1, 10 and
 * 50 connections over the reads the web pages make (the start page's calls in turn, the invoice
 * list and one invoice, a split result, a scenario comparison, the service-level report) and
 * /health. Baseline in the same run: a bare NestJS app answering {"status":"ok"}, measured at
 * each concurrency right before the reads. Each server runs in its own process. Prints req/s,
 * p50/p99 and req/s as a share of the baseline; asserts nothing.
 * `--seconds=N` per measurement (default 3), `--db=sqlite|mysql` for one database,
 * `--read=TEXT` measures only the reads whose name contains TEXT, `--cpu-prof=DIR` writes the API processes' V8 CPU profiles to DIR, `--show-queries` prints each
 * read's SQL (the SQL/anrop column counts statements per request, each request made alone),
 * `--explain` prints MariaDB's EXPLAIN of every SELECT each read runs.
 * `--scale=100` runs the same reads again on 100× the demo (bench/api-load/scale-data.ts: 200
 * buyers, 40 000 invoices with lines, five closed years, audit entries and split runs in proportion)
 * and prints the two side by side with the scaled p99 as a multiple of the demo's (aim: within 2×);
 * with `--explain` the plans of both. `--connections=N` measures at one of 1, 10 and 50 only.
 * MariaDB: DATABASE_URL=mysql://… or 127.0.0.1:3306 as root; skipped with the reason when unreachable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { RESULT_CACHE_TTL_MS } from '@it-samverkan/application';
import { explainOnMysql } from './api-load/explain';
import { formatComparison, formatTable, measure, Read, Row } from './api-load/load';
import { ServerProcess, startServer } from './api-load/processes';
import { prepareReads } from './api-load/reads';

const CONNECTIONS = [1, 10, 50];
const MYSQL_DEFAULT = 'mysql://root@127.0.0.1:3306/test';

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

interface Database {
  url: string;
  drop(): Promise<void>;
}

async function database(kind: 'sqlite' | 'mysql'): Promise<Database | string> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'its-bench-load-'));
    return { url: `sqlite:${join(dir, 'bench.sqlite')}`, drop: async () => rmSync(dir, { recursive: true }) };
  }
  const given = process.env.DATABASE_URL;
  const url = new URL(
    (/^(mysql|mariadb):/.test(given ?? '') ? given! : MYSQL_DEFAULT).replace(/^mariadb:/, 'mysql:'),
  );
  const server = {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  };
  const name = `its_bench_load_${Date.now().toString(36)}`;
  try {
    const admin = await createConnection(server);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
  } catch (error) {
    return `MariaDB nås inte på ${url.host} (${(error as Error).message})`;
  }
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = await createConnection(server);
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/**
 * SQL statements per request of each read, each request made alone (after one warm-up request and
 * the result cache's lifetime, so the statements are those of a computed answer, not a cached one).
 */
async function sqlPerRequest(
  api: ServerProcess,
  reads: Read[],
  show: boolean,
  explainOn: string | null,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const read of reads) {
    const get = async () => {
      for (const path of read.paths)
        await (await fetch(api.url + path, { headers: read.headers })).arrayBuffer();
    };
    await get();
    // past the result cache's lifetime, so the counted request computes its answer (runs its SQL)
    await new Promise((resolve) => setTimeout(resolve, RESULT_CACHE_TTL_MS + 100));
    await api.stats();
    await get();
    const run = await api.stats();
    counts.set(read.name, run.queries / read.paths.length);
    if (show)
      process.stdout.write(
        `  SQL för ${read.name}:\n${run.statements.map((q) => `    ${q.sql}\n`).join('')}`,
      );
    if (explainOn) process.stdout.write(await explainOnMysql(explainOn, read.name, run.statements));
  }
  return counts;
}

/** One API on a fresh database of `kind` (the demo, or `scale`× it), its reads measured at each concurrency. */
async function measureApi(
  kind: 'sqlite' | 'mysql',
  bare: ServerProcess,
  baseline: Read,
  scale: number,
  seconds: number,
  profileDir: string | undefined,
): Promise<{ rows: Row[]; title: string } | string> {
  const db = await database(kind);
  if (typeof db === 'string') return db;
  const api = await startServer(
    'serve-api',
    { DATABASE_URL: db.url, BENCH_SCALE: String(scale) },
    profileDir,
  );
  try {
    const wanted = option('read');
    const reads = (await prepareReads(api.url)).filter((r) => !wanted || r.name.includes(wanted));
    const explain = kind === 'mysql' && process.argv.includes('--explain') ? db.url : null;
    if (explain) process.stdout.write(`\n${kind}, ${scale === 1 ? 'demo' : `${scale}× demon`}:\n`);
    const sql = await sqlPerRequest(api, reads, process.argv.includes('--show-queries'), explain);
    const rows: Row[] = [];
    for (const connections of CONNECTIONS.filter(
      (c) => !option('connections') || String(c) === option('connections'),
    )) {
      const base = await measure(bare, baseline, connections, seconds);
      rows.push({ read: baseline.name, connections, measured: base, baseline: base, sqlPerRequest: null });
      for (const read of reads)
        rows.push({
          read: read.name,
          connections,
          measured: await measure(api, read, connections, seconds),
          baseline: base,
          sqlPerRequest: sql.get(read.name) ?? null,
        });
    }
    const s = api.scaled;
    const title = s
      ? `${kind} (${scale}× demon: ${s.buyers} köpare, ${s.invoices} fakturor, ${s.lines} rader, ${s.auditEntries} loggposter, ${s.splitRuns} fördelningar, ${s.closedMonths} stängda månader; inläst på ${s.seconds.toFixed(1)} s):`
      : `${kind} (demo, fakturakörning 2025-Q1):`;
    return { rows, title };
  } finally {
    await api.stop();
    await db.drop();
  }
}

export async function run(): Promise<void> {
  const seconds = Number(option('seconds') ?? 3);
  const only = option('db');
  const profileDir = option('cpu-prof');
  const scale = Number(option('scale') ?? 1);
  const kinds = (['sqlite', 'mysql'] as const).filter((k) => !only || only === k);
  process.stdout.write(
    `${cpus().length} kärnor, belastning ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1/5/15 min); ${seconds} s per mätning, autocannon i denna process, servrar i egna\n`,
  );
  const bare = await startServer('serve-bare', {});
  const baseline: Read = { name: 'baslinje: bar NestJS /health', paths: ['/health'], headers: {} };
  try {
    for (const kind of kinds) {
      const demo = await measureApi(kind, bare, baseline, 1, seconds, profileDir);
      if (typeof demo === 'string') {
        process.stdout.write(`\n${kind}: hoppas över: ${demo}\n`);
        continue;
      }
      process.stdout.write('\n' + formatTable(demo.title, demo.rows));
      if (scale <= 1) continue;
      const scaled = await measureApi(kind, bare, baseline, scale, seconds, profileDir);
      if (typeof scaled === 'string') {
        process.stdout.write(`\n${kind} ${scale}×: hoppas över: ${scaled}\n`);
        continue;
      }
      process.stdout.write('\n' + formatTable(scaled.title, scaled.rows));
      process.stdout.write(
        '\n' +
          formatComparison(
            `${kind}: demo mot ${scale}× demon (målet: p99 högst 2× demons):`,
            scale,
            demo.rows.filter((r) => r.read !== baseline.name),
            scaled.rows.filter((r) => r.read !== baseline.name),
          ),
      );
    }
  } finally {
    await bare.stop();
  }
  if (profileDir) process.stdout.write(`\nCPU-profiler (öppna i Chrome DevTools): ${profileDir}\n`);
}
