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
 * MariaDB: DATABASE_URL=mysql://… or 127.0.0.1:3306 as root; skipped with the reason when unreachable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { explainOnMysql } from './api-load/explain';
import { formatTable, measure, Read, Row } from './api-load/load';
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

/** SQL statements per request of each read, each request made alone (after one warm-up request). */
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

export async function run(): Promise<void> {
  const seconds = Number(option('seconds') ?? 3);
  const only = option('db');
  const profileDir = option('cpu-prof');
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
      const db = await database(kind);
      if (typeof db === 'string') {
        process.stdout.write(`\n${kind}: hoppas över: ${db}\n`);
        continue;
      }
      const api = await startServer('serve-api', { DATABASE_URL: db.url }, profileDir);
      try {
        const wanted = option('read');
        const reads = (await prepareReads(api.url)).filter((r) => !wanted || r.name.includes(wanted));
        const explain = kind === 'mysql' && process.argv.includes('--explain') ? db.url : null;
        const sql = await sqlPerRequest(api, reads, process.argv.includes('--show-queries'), explain);
        const rows: Row[] = [];
        for (const connections of CONNECTIONS) {
          const base = await measure(bare, baseline, connections, seconds);
          rows.push({
            read: baseline.name,
            connections,
            measured: base,
            baseline: base,
            sqlPerRequest: null,
          });
          for (const read of reads)
            rows.push({
              read: read.name,
              connections,
              measured: await measure(api, read, connections, seconds),
              baseline: base,
              sqlPerRequest: sql.get(read.name) ?? null,
            });
        }
        process.stdout.write('\n' + formatTable(`${kind} (demo, fakturakörning 2025-Q1):`, rows));
      } finally {
        await api.stop();
        await db.drop();
      }
    }
  } finally {
    await bare.stop();
  }
  if (profileDir) process.stdout.write(`\nCPU-profiler (öppna i Chrome DevTools): ${profileDir}\n`);
}
