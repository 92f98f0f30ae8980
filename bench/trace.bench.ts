/**
 * Auditor's trace benchmark (issue 14 item 6): the whole model's trace at the cost-split bench scale
 * (2,000 consumers, 60 services, 50,000 pool lines), beside the plain split of the same model as the
 * baseline in the same run. Prints the domain trace (`auditTrace`: every service's pools and every
 * consumer's lines, from the one split), the JSON view the API returns (`traceBody`), the .xlsx once,
 * and sampled peak memory. Aim: the whole-model trace under 2 s. Figures are printed, never asserted.
 * Run: `npm run bench -- trace`.
 */
import { auditTrace, splitCostModel, validateCostModel } from '@it-samverkan/domain';
import { traceBody } from '@it-samverkan/application';
import { auditTraceXlsx } from '@it-samverkan/files';
import { generateLargeModel, LARGE_MODEL_PARAMS } from '../test/factories/cost-model';

const SEED = 20250101;
const RUNS = 5;

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

/** Median wall time in milliseconds of `runs` calls after one warm-up call. */
async function time<T>(fn: () => T | Promise<T>, runs = RUNS): Promise<{ ms: number; result: T }> {
  let result = await fn();
  sampleMemory();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    sampleMemory();
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Runs the benchmark and prints a table. */
export async function run(): Promise<void> {
  const p = LARGE_MODEL_PARAMS;
  const doc = generateLargeModel({}, SEED);
  const poolLines = doc.pools.reduce((n, pool) => n + Object.keys(pool.to).length, 0);
  const model = validateCostModel(doc);
  sampleMemory();

  const split = await time(() => splitCostModel(model));
  const trace = await time(() => auditTrace(model, split.result));
  const view = await time(() => traceBody(model, split.result, []));
  const heapBeforeFile = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  const file = await auditTraceXlsx({
    generatedOn: '2026-11-30',
    source: { label: 'Fördelningskörning (bench)', description: null, period: null, amount: null },
    splitRun: null,
    model: { name: 'Bench', year: 2026, kind: 'budget', status: 'draft' },
    decision: null,
    ...view.result,
  });
  const xlsxMs = Number(process.hrtime.bigint() - start) / 1e6;
  sampleMemory();

  const audit = trace.result;
  const poolParts = audit.services.reduce((n, s) => n + s.pools.length, 0);
  const consumerLines = audit.consumers.reduce((n, c) => n + c.lines.length, 0);
  // Each service's pool parts add up to its total (the trace's own check, printed).
  const adds = audit.services.every(
    (s) => s.pools.reduce((x, part) => x + part.amount.ore, 0n) === s.total.ore,
  );
  const whole = split.ms + trace.ms;
  const rows: [string, string][] = [
    [
      'model',
      `${doc.consumers.length} consumers, ${doc.services.length} services (${p.supportServices} support, ${model.reciprocalGroups.length} reciprocal group), ${doc.pools.length} pools, ${poolLines} pool lines`,
    ],
    ['splitCostModel (baseline)', ms(split.ms)],
    [
      'auditTrace (whole model)',
      `${ms(trace.ms)}, ${poolParts} service pool parts, ${consumerLines} consumer lines`,
    ],
    ['auditTrace ÷ split', `${(trace.ms / split.ms).toFixed(2)}×`],
    ['split + auditTrace', `${ms(whole)} (under 2 s: ${whole < 2000 ? 'yes' : 'NO'})`],
    ['traceBody (JSON view, incl. auditTrace)', ms(view.ms)],
    ['auditTraceXlsx (once)', `${ms(xlsxMs)}, ${mb(file.length)}, heap before ${mb(heapBeforeFile)}`],
    ['service pools add up to totals', adds ? 'yes' : 'NO'],
    ['peak rss / heapUsed (sampled)', `${mb(peak.rss)} / ${mb(peak.heapUsed)}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`trace (median of ${RUNS} runs after 1 warm-up, seed ${SEED})\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
  if (!adds) process.exitCode = 1;
}
