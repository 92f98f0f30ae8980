/**
 * Reads while a long write runs on SQLite (issue 15 item 5), `npm run bench -- read-during-write`.
 * Starts the API (its own process, demo loaded) on a fresh SQLite file, then drives GETs from a few
 * concurrent clients: first at rest, then while a 24 000-row incident import runs, and prints
 * p50/p99/max of both phases side by side, the import's duration and what the GETs saw.
 * `--rows=N` resizes the import, `--clients=N` the readers, `--rest=S` the seconds at rest.
 * Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './api-load/processes';
import { BENCH_ADMIN_TOKEN } from './api-load/protocol';
import { largeIncidentCsv } from '../test/factories/incident-csv';

const API = '/api/v1';
const ADMIN = { Authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
/** The GETs each client makes in turn: the imported year's incident count, a billing page, the directory. */
const READS = [
  `${API}/on-call/incidents?period=2025&pageSize=1`,
  `${API}/on-call/billing?period=2025-Q1`,
  `${API}/organisation`,
];

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
}

/** GETs sent twice because the server closed their keep-alive connection (see readLoops). */
const retried = { count: 0 };

interface Sample {
  startedAt: number;
  ms: number;
  path: string;
  body: unknown;
}

/** `clients` loops of GETs over READS until `stop()` says so; every answer must be 200. */
async function readLoops(base: string, clients: number, stop: () => boolean): Promise<Sample[]> {
  const samples: Sample[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = client; !stop(); n++) {
        const path = READS[n % READS.length];
        const startedAt = performance.now();
        const response = await fetch(base + path, { headers: ADMIN }).catch((error: unknown) => {
          // After a long block the server's keep-alive timer may close the socket this GET was
          // just sent on (timers run before the loop reads the socket): sent again, timed from the first try.
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          if (cause?.code !== 'UND_ERR_SOCKET' && cause?.code !== 'ECONNRESET')
            throw new Error(`GET ${path}: ${cause?.code ?? ''} ${cause?.message ?? String(error)}`);
          retried.count++;
          return fetch(base + path, { headers: ADMIN });
        });
        const body: unknown = await response.json();
        if (response.status !== 200)
          throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
        samples.push({ startedAt, ms: performance.now() - startedAt, path, body });
      }
    }),
  );
  return samples;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function figures(samples: Sample[]): string {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const f = (x: number) => `${x.toFixed(1)} ms`;
  return `${String(ms.length).padStart(6)} GETs  p50 ${f(percentile(ms, 50)).padStart(10)}  p99 ${f(percentile(ms, 99)).padStart(10)}  max ${f(ms[ms.length - 1] ?? NaN).padStart(10)}`;
}

/** The totals of the incident list (2025, the imported year) in the samples of READS[0]. */
const incidentTotal = (samples: Sample[]) =>
  samples.filter((s) => s.path === READS[0]).map((s) => (s.body as { total: number }).total);

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const rows = option('rows', 24_000);
  const clients = option('clients', 4);
  const restSeconds = option('rest', 5);
  const dir = mkdtempSync(join(tmpdir(), 'its-bench-rdw-'));
  const server = await startServer('serve-api', { DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}` });
  try {
    const csv = largeIncidentCsv(rows, 'BENCH');
    // warm-up: every read once, so the first samples do not time the first compile
    await readLoops(
      server.url,
      1,
      (() => {
        let left = READS.length * 2;
        return () => left-- <= 0;
      })(),
    );

    const restEnds = performance.now() + restSeconds * 1000;
    const atRest = await readLoops(server.url, clients, () => performance.now() >= restEnds);

    await server.stats(); // from here on: the API process's CPU time during the import
    let importEnded = Infinity;
    const importStarted = performance.now();
    const imported = fetch(`${server.url}${API}/on-call/incidents/import`, {
      method: 'POST',
      headers: { ...ADMIN, 'Content-Type': 'text/csv' },
      body: csv,
    }).then(async (response) => {
      const body = (await response.json()) as { imported?: number };
      importEnded = performance.now();
      if (response.status !== 200) throw new Error(`import: ${response.status} ${JSON.stringify(body)}`);
      return body;
    });
    imported.catch(() => undefined); // a failed GET must not leave the import's failure unhandled
    const during = await readLoops(server.url, clients, () => importEnded !== Infinity);
    const result = await imported;
    const cpu = (await server.stats()).cpuMicros / 1e6;
    const after = await readLoops(
      server.url,
      1,
      (() => {
        let left = READS.length;
        return () => left-- <= 0;
      })(),
    );

    // Timed: every GET sent while the import ran, to its answer (one that waited for the commit
    // counts with its whole wait). What they showed: those answered before the import's answer.
    const sent = during.filter((s) => s.startedAt < importEnded);
    const inside = during.filter((s) => s.startedAt + s.ms < importEnded);
    const seen = new Map<number, number>();
    for (const total of incidentTotal(inside)) seen.set(total, (seen.get(total) ?? 0) + 1);
    const seenText = [...seen].map(([total, n]) => `${n}× total ${total}`).join(', ');
    const lines = [
      `SQLite (WAL, one writer + one reader connection), demo loaded; ${clients} clients reading ${READS.length} GETs in turn`,
      `import: ${rows.toLocaleString('sv-SE')} rows (${(csv.length / 1_048_576).toFixed(1)} MB CSV), imported ${result.imported}, ` +
        `${((importEnded - importStarted) / 1000).toFixed(2)} s (the API process used ${cpu.toFixed(2)} s CPU meanwhile, reads included)`,
      `at rest (${restSeconds} s):     ${figures(atRest)}`,
      `during the import:  ${figures(sent)}  (sent while it ran; ${inside.length} answered before its answer)`,
      `ratio during/at rest: p50 ${ratio(sent, atRest, 50)}  p99 ${ratio(sent, atRest, 99)}`,
      `GETs sent again after the server closed an idle keep-alive connection: ${retried.count}`,
      `incident list of 2025 answered before the import's answer arrived: ${seenText || '–'} ` +
        `(the new total once committed, while its answer of ${rows} rows is still being sent); after: ${incidentTotal(after).join(', ')}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function ratio(a: Sample[], b: Sample[], p: number): string {
  const q = (s: Sample[]) =>
    percentile(
      s.map((x) => x.ms).sort((x, y) => x - y),
      p,
    );
  return `${(q(a) / q(b)).toFixed(1)}×`;
}

if (require.main === module) {
  run().catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
