/**
 * Auditor's trace benchmark (issue 14 item 6): the whole model's trace at the cost-split bench scale
 * (2,000 consumers, 60 services, 50,000 pool lines) as the export the API hands out, from the stored
 * split (the run's input document) to the finished file: `computeSplit` (validate + split, what the
 * trace endpoints do with a stored run) → `traceBody` → JSON text, or → the streamed .xlsx
 * (`writeAuditTraceXlsx` into a counting sink, as the response gets it). Baseline in the same run: the
 * split alone (`computeSplit`). Also the domain trace (`auditTrace`) and sampled peak memory.
 * Wall and CPU time are both printed (the machine may be shared). Aim: each whole-model export under 2 s.
 * The API's path too: the split run stored in a scratch database (SQLite, or DATABASE_URL=mysql://…),
 * `AuditTraceService.splitRun` (reads the run and its version, re-splits the run's input and checks it
 * still gives the stored total) → `writeAuditTraceXlsx`, as GET /splits/:id/audit-trace.xlsx does.
 * Figures are printed, never asserted. Run: `npm run bench -- trace`.
 */
import { cpus, loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { auditTrace, COST_ENGINE_VERSION, CostModelDocument } from '@it-samverkan/domain';
import {
  AuditTraceService,
  canonicalHash,
  computeSplit,
  splitRunResult,
  traceBody,
} from '@it-samverkan/application';
import { CostModelVersionEntity, openDatabase, SplitRunEntity } from '@it-samverkan/persistence';
import { writeAuditTraceXlsx } from '@it-samverkan/files';
import { generateLargeModel, LARGE_MODEL_PARAMS } from '../test/factories/cost-model';
import { freshDatabase } from '../test/support/database';

const SEED = 20250101;
const RUNS = 5;

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

/**
 * Median wall time and median CPU time (this process, user + system) in milliseconds of `runs` calls
 * after one warm-up call. On a machine shared with other work the wall time grows with the load; the
 * CPU time much less, so both are printed.
 */
async function time<T>(
  fn: () => T | Promise<T>,
  runs = RUNS,
): Promise<{ ms: number; cpu: number; result: T }> {
  let result = await fn();
  sampleMemory();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    result = await fn();
    const used = process.cpuUsage(cpu);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpus.push((used.user + used.system) / 1000);
    sampleMemory();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ms: median(times), cpu: median(cpus), result };
}

/** Where the streamed workbook goes: counts the bytes, as a response would send them. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let n = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      n += chunk.length;
      sampleMemory();
      done();
    },
  });
  return { sink, bytes: () => n };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const both = (t: { ms: number; cpu: number }) => `${ms(t.ms)} wall, ${ms(t.cpu)} CPU`;
const under = (x: number) => (x < 2000 ? 'under 2 s' : 'NOT under 2 s');

const FILE = {
  generatedOn: '2026-11-30',
  source: { label: 'Fördelningskörning (bench)', description: null, period: null, amount: null },
  splitRun: null,
  figures: { from: 'computed-now', engineVersion: 'bench', inputHash: '0'.repeat(64) } as const,
  model: { name: 'Bench', year: 2026, kind: 'budget', status: 'approved' },
  decision: { reference: 'IT-styrgruppen 2026-02-25 § 9', subject: 'Bench' },
};

/**
 * The whole-model trace as the API makes it: the version and its stored split run in a scratch
 * database, then `AuditTraceService.splitRun` → the streamed XLSX into a counting sink, timed like the
 * others (the database made once, outside the timing).
 */
async function apiPath(doc: CostModelDocument) {
  const db = await freshDatabase();
  const dataSource = await openDatabase(db.url);
  try {
    const at = new Date('2026-02-25T10:00:00Z');
    const versionId = randomUUID();
    await dataSource.getRepository(CostModelVersionEntity).insert({
      id: versionId,
      name: 'Bench',
      year: 2026,
      kind: 'budget',
      status: 'approved',
      document: doc,
      documentHash: canonicalHash(doc),
      decisionId: null,
      approvedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const { result, resultHash } = splitRunResult(computeSplit(doc));
    const runId = randomUUID();
    await dataSource.getRepository(SplitRunEntity).insert({
      id: runId,
      modelVersionId: versionId,
      engineVersion: COST_ENGINE_VERSION,
      inputHash: canonicalHash(doc),
      resultHash,
      input: doc,
      result,
      createdAt: at,
      createdBy: 'bench',
    });
    const service = new AuditTraceService(dataSource);
    const now = new Date('2026-11-30T08:00:00Z');
    const kind = /^(mysql|mariadb):/.test(db.url) ? 'MariaDB' : 'SQLite';
    const read = await time(() => service.splitRun(runId, now), 3);
    const xlsx = await time(async () => {
      const { sink, bytes } = countingSink();
      await writeAuditTraceXlsx(await service.splitRun(runId, now), sink);
      return bytes();
    }, 3);
    return { kind, read, xlsx };
  } finally {
    await dataSource.destroy();
    await db.drop();
  }
}

/** Runs the benchmark and prints a table. */
export async function run(): Promise<void> {
  const p = LARGE_MODEL_PARAMS;
  const doc = generateLargeModel({}, SEED);
  const poolLines = doc.pools.reduce((n, pool) => n + Object.keys(pool.to).length, 0);
  sampleMemory();

  const split = await time(() => computeSplit(doc));
  const { model, split: costSplit } = split.result;
  const trace = await time(() => auditTrace(model, costSplit));
  const json = await time(() => {
    const { model: m, split: s } = computeSplit(doc);
    return JSON.stringify({ ...FILE, ...traceBody(m, s, []) });
  });
  const xlsx = await time(async () => {
    const { model: m, split: s } = computeSplit(doc);
    const { sink, bytes } = countingSink();
    await writeAuditTraceXlsx({ ...FILE, ...traceBody(m, s, []) }, sink);
    await new Promise((resolve) => sink.end(resolve));
    return bytes();
  }, 3);
  const api = await apiPath(doc);

  const audit = trace.result;
  const poolParts = audit.services.reduce((n, s) => n + s.pools.length, 0);
  const consumerLines = audit.consumers.reduce((n, c) => n + c.lines.length, 0);
  // Each service's pool parts add up to its total (the trace's own check, printed).
  const adds = audit.services.every(
    (s) => s.pools.reduce((x, part) => x + part.amount.ore, 0n) === s.total.ore,
  );
  const rows: [string, string][] = [
    [
      'model',
      `${doc.consumers.length} consumers, ${doc.services.length} services (${p.supportServices} support, ${model.reciprocalGroups.length} reciprocal group), ${doc.pools.length} pools, ${poolLines} pool lines`,
    ],
    ['split alone (baseline: computeSplit)', both(split)],
    [
      'auditTrace (domain, from the split)',
      `${both(trace)}, ${poolParts} service pool parts, ${consumerLines} consumer lines`,
    ],
    [
      'whole-model export, JSON',
      `${both(json)} (${(json.ms / split.ms).toFixed(2)}× the split, ${under(json.ms)}), ${mb(json.result.length)}`,
    ],
    [
      'whole-model export, XLSX (streamed)',
      `${both(xlsx)} (${(xlsx.ms / split.ms).toFixed(2)}× the split, ${under(xlsx.ms)}), ${mb(xlsx.result)}; median of 3`,
    ],
    [
      `API path (${api.kind}): the trace read`,
      `${both(api.read)} (AuditTraceService.splitRun: the run read, re-split and checked); median of 3`,
    ],
    [
      `API path (${api.kind}): XLSX`,
      `${both(api.xlsx)} (${(api.xlsx.ms / split.ms).toFixed(2)}× the split, ${under(api.xlsx.ms)}), ${mb(api.xlsx.result)}; median of 3`,
    ],
    ['service pools add up to totals', adds ? 'yes' : 'NO'],
    ['peak rss / heapUsed (sampled)', `${mb(peak.rss)} / ${mb(peak.heapUsed)}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs\n`,
  );
  process.stdout.write(
    `trace (median of ${RUNS} runs after 1 warm-up unless said, seed ${SEED}; exports from the stored split's document to the finished file)\n`,
  );
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
  if (!adds) process.exitCode = 1;
}
