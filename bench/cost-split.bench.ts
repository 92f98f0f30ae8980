/**
 * Cost split benchmark: a generated model of 10 municipalities, 2,000 consumers, 60 services (10
 * support services in step-down, two of them a reciprocal pair), 20 drivers and 50,000 pool lines.
 * Prints validation and split times (median of 5 after a warm-up), peak memory, and the time of a
 * minimal integer-öre kernel doing the same allocations without validation, documents or trace.
 * The kernel's totals are compared with the engine's, consumer by consumer.
 * Run: `node scripts/bench.js cost-split`. Figures are printed, never asserted.
 */
import {
  allocateLargestRemainder,
  solveReciprocalGroup,
  splitCostModel,
  toSplitResultDocument,
  traceConsumer,
  validateCostModel,
  type CostModel,
  type Quantity,
} from '@it-samverkan/domain';
import { generateLargeModel, LARGE_MODEL_PARAMS } from '../test/factories/cost-model';

const SEED = 20250101;
const RUNS = 5;

// ---- the baseline: plain bigint arrays, the same allocation rule, nothing else -------------------

type KernelStep =
  | { kind: 'services'; targets: number[]; weights: bigint[] }
  | { kind: 'proportional'; targets: number[] }
  | { kind: 'consumers'; weights: bigint[] }
  | { kind: 'group'; members: { service: number; targets: number[]; weights: bigint[] }[] }
  | { kind: 'skip' };

interface KernelInput {
  consumers: number;
  pools: { amount: bigint; targets: number[]; weights: bigint[] }[];
  steps: KernelStep[];
}

/** Integer weights with one scale, prepared outside the timed part. */
function integers(qs: readonly Quantity[]): bigint[] {
  const max = Math.max(0, ...qs.map((q) => q.scale));
  return qs.map((q) => q.units * 10n ** BigInt(max - q.scale));
}

function prepareKernel(model: CostModel): KernelInput {
  const serviceIndex = new Map(model.services.map((s, i) => [s.id, i]));
  const consumerIndex = new Map(model.consumers.map((c, i) => [c.id, i]));
  const aligned = (ids: string[], weights: bigint[]) => {
    const out = new Array<bigint>(model.consumers.length).fill(0n);
    ids.forEach((id, k) => (out[consumerIndex.get(id)!] = weights[k]));
    return out;
  };
  const steps: KernelStep[] = model.services.map((s, i): KernelStep => {
    const group = model.reciprocalGroups.find((g) => g.first <= i && i <= g.last);
    if (group) {
      if (group.first !== i) return { kind: 'skip' };
      return {
        kind: 'group',
        members: group.members.map((id) => {
          const m = serviceIndex.get(id)!;
          const a = model.services[m].allocate;
          const to = a.method === 'reciprocal' ? a.to : [];
          return {
            service: m,
            targets: to.map((t) => serviceIndex.get(t.serviceId)!),
            weights: integers(to.map((t) => t.weight)),
          };
        }),
      };
    }
    const a = s.allocate;
    switch (a.method) {
      case 'weights':
      case 'reciprocal':
        return {
          kind: 'services',
          targets: a.to.map((t) => serviceIndex.get(t.serviceId)!),
          weights: integers(a.to.map((t) => t.weight)),
        };
      case 'proportional':
        return { kind: 'proportional', targets: a.to.map((id) => serviceIndex.get(id)!) };
      case 'driver': {
        const d = model.drivers.find((x) => x.id === a.driver)!;
        return {
          kind: 'consumers',
          weights: aligned(
            d.volumes.map((v) => v.consumerId),
            integers(d.volumes.map((v) => v.volume)),
          ),
        };
      }
      case 'consumer-weights':
        return {
          kind: 'consumers',
          weights: aligned(
            a.to.map((t) => t.consumerId),
            integers(a.to.map((t) => t.weight)),
          ),
        };
    }
  });
  return {
    consumers: model.consumers.length,
    pools: model.pools.map((p) => ({
      amount: p.amount.ore,
      targets: p.to.map((t) => serviceIndex.get(t.serviceId)!),
      weights: integers(p.to.map((t) => t.weight)),
    })),
    steps,
  };
}

/** Consumers' totals in öre: pools → services, step-down in order, consumer shares. */
function kernel(input: KernelInput): bigint[] {
  const held = new Array<bigint>(input.steps.length).fill(0n);
  const totals = new Array<bigint>(input.consumers).fill(0n);
  const give = (targets: number[], parts: bigint[]) => targets.forEach((t, k) => (held[t] += parts[k]));
  for (const p of input.pools) give(p.targets, allocateLargestRemainder(p.amount, p.weights));
  input.steps.forEach((step, i) => {
    switch (step.kind) {
      case 'services':
        if (held[i] !== 0n) give(step.targets, allocateLargestRemainder(held[i], step.weights));
        break;
      case 'proportional':
        if (held[i] !== 0n)
          give(
            step.targets,
            allocateLargestRemainder(
              held[i],
              step.targets.map((t) => held[t]),
            ),
          );
        break;
      case 'consumers':
        if (held[i] !== 0n)
          allocateLargestRemainder(held[i], step.weights).forEach((x, c) => (totals[c] += x));
        break;
      case 'group': {
        const solution = solveReciprocalGroup(step.members.map((m) => ({ ...m, held: held[m.service] })));
        give([...solution.outside], [...solution.parts]);
        break;
      }
      case 'skip':
        break;
    }
  });
  return totals;
}

// ---- measuring ----------------------------------------------------------------------------------

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const m = process.memoryUsage();
  peak.rss = Math.max(peak.rss, m.rss);
  peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
}

/** Median wall time in milliseconds of `runs` calls after one warm-up call. */
function time<T>(fn: () => T, runs = RUNS): { ms: number; result: T } {
  let result = fn();
  sampleMemory();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    result = fn();
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
  const generatedAt = process.hrtime.bigint();
  const doc = generateLargeModel({}, SEED);
  const generateMs = Number(process.hrtime.bigint() - generatedAt) / 1e6;
  const poolLines = doc.pools.reduce((n, pool) => n + Object.keys(pool.to).length, 0);
  sampleMemory();

  const validation = time(() => validateCostModel(doc));
  const model = validation.result;
  const split = time(() => splitCostModel(model));
  const document = time(() => toSplitResultDocument(model, split.result));
  const lastConsumer = model.consumers[model.consumers.length - 1].id;
  const trace = time(() => traceConsumer(model, split.result, lastConsumer), 1);
  const input = prepareKernel(model);
  const base = time(() => kernel(input));

  const same = split.result.consumers.every((c, i) => c.total.ore === base.result[i]);
  const ratio = split.ms / base.ms;
  const rows: [string, string][] = [
    [
      'model',
      `${p.municipalities} municipalities, ${doc.consumers.length} consumers, ${doc.services.length} services (${p.supportServices} support, ${model.reciprocalGroups.length} reciprocal group), ${doc.drivers.length} drivers, ${doc.pools.length} pools, ${poolLines} pool lines`,
    ],
    ['generate document', ms(generateMs)],
    ['validateCostModel', ms(validation.ms)],
    ['splitCostModel', ms(split.ms)],
    ['toSplitResultDocument', ms(document.ms)],
    ['traceConsumer (last consumer)', `${ms(trace.ms)}, ${trace.result.paths.length} paths pool → services`],
    ['kernel (bigint baseline)', ms(base.ms)],
    ['split ÷ kernel', `${ratio.toFixed(2)}× (aim: ≤ 5×)`],
    ['split under 2 s', split.ms < 2000 ? 'yes' : 'NO'],
    ['kernel totals = engine totals', same ? 'yes' : 'NO'],
    ['peak rss / heapUsed (sampled)', `${mb(peak.rss)} / ${mb(peak.heapUsed)}`],
    ['total split', split.result.total.toString()],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`cost-split (median of ${RUNS} runs after 1 warm-up, seed ${SEED})\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
  if (!same) process.exitCode = 1;
}

if (require.main === module) {
  run().catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
