/**
 * On-call classification and billing throughput (DOMAIN.md 6.2), `node scripts/bench.js on-call`.
 * One million incidents over 2025–2029 (seeded, starts uniform in time, 10 min – 14 h) billed with
 * the segment-walking classifier, and a subset billed with the minute-by-minute reading of the
 * rules as the baseline. Prints figures; asserts nothing. `--incidents=N`, `--baseline=N` resize it.
 */
import {
  billClassification,
  billIncident,
  classifyMinuteByMinute,
  IncidentBill,
  Money,
  OnCallTariff,
  validateOnCallTariff,
} from '@it-samverkan/domain';
import { exampleTariffDocument } from '@it-samverkan/domain/on-call/on-call-tariff.fixture';
import { seededRandom } from '@it-samverkan/config/seeded-random';

const SEED = 20_250_101;
const MS_PER_MINUTE = 60_000;
const FIRST_MINUTE = Date.UTC(2025, 0, 1) / MS_PER_MINUTE;
const END_MINUTE = Date.UTC(2030, 0, 1) / MS_PER_MINUTE;
const MIN_DURATION = 10;
const MAX_DURATION = 14 * 60;
const WARM_UP = 10_000;

interface Incidents {
  start: Float64Array;
  end: Float64Array;
}

function generate(count: number): Incidents {
  const random = seededRandom(SEED);
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const minute = FIRST_MINUTE + Math.floor(random() * (END_MINUTE - FIRST_MINUTE));
    const duration = MIN_DURATION + Math.floor(random() * (MAX_DURATION - MIN_DURATION + 1));
    start[i] = minute * MS_PER_MINUTE;
    end[i] = (minute + duration) * MS_PER_MINUTE;
  }
  return { start, end };
}

interface Peak {
  rss: number;
  heapUsed: number;
}

function samplePeak(peak: Peak): void {
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak.rss = m.rss;
  if (m.heapUsed > peak.heapUsed) peak.heapUsed = m.heapUsed;
}

/** Bills incidents [0, count) and returns the seconds taken and the bills' total in öre. */
function timeBilling(
  incidents: Incidents,
  count: number,
  bill: (interval: { start: Date; end: Date }) => IncidentBill,
  peak: Peak,
  amounts?: BigInt64Array,
): { seconds: number; totalOre: bigint } {
  let totalOre = 0n;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const b = bill({ start: new Date(incidents.start[i]), end: new Date(incidents.end[i]) });
    totalOre += b.amount.ore;
    if (amounts) amounts[i] = b.amount.ore;
    if ((i & 0xffff) === 0) samplePeak(peak);
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  samplePeak(peak);
  return { seconds, totalOre };
}

const grouped = (n: number) => Math.round(n).toLocaleString('sv-SE');
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const count = option('incidents', 1_000_000);
  const baselineCount = Math.min(option('baseline', 20_000), count);
  const tariff: OnCallTariff = validateOnCallTariff(exampleTariffDocument());
  const incidents = generate(count);
  const peak: Peak = { rss: 0, heapUsed: 0 };

  const fast = (interval: { start: Date; end: Date }) => billIncident(tariff, interval);
  const naive = (interval: { start: Date; end: Date }) =>
    billClassification(tariff, classifyMinuteByMinute(tariff, interval));

  timeBilling(incidents, Math.min(WARM_UP, count), fast, peak);
  const fastAmounts = new BigInt64Array(baselineCount);
  const segment = timeBilling(incidents, count, fast, peak, undefined);
  timeBilling(incidents, baselineCount, fast, peak, fastAmounts);
  const naiveAmounts = new BigInt64Array(baselineCount);
  const baseline = timeBilling(incidents, baselineCount, naive, peak, naiveAmounts);

  let agree = 0;
  for (let i = 0; i < baselineCount; i++) if (fastAmounts[i] === naiveAmounts[i]) agree++;
  const fastRate = count / segment.seconds;
  const naiveRate = baselineCount / baseline.seconds;
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const lines = [
    `incidents: ${grouped(count)} over 2025–2029, starts uniform in time, 10 min – 14 h, seed ${SEED}`,
    `tariff: DOMAIN.md 6.1 (Europe/Stockholm), warm-up ${grouped(Math.min(WARM_UP, count))} incidents not timed`,
    `segment classifier + billing: ${grouped(count)} in ${segment.seconds.toFixed(2)} s = ${grouped(fastRate)} incidents/s`,
    `minute-by-minute baseline:    ${grouped(baselineCount)} in ${baseline.seconds.toFixed(2)} s = ${grouped(naiveRate)} incidents/s`,
    `speed-up: ${(fastRate / naiveRate).toFixed(0)}×`,
    `baseline agrees on amount: ${grouped(agree)} of ${grouped(baselineCount)}`,
    `billed in total: ${Money.ofOre(segment.totalOre).toSwedish()} kr`,
    `peak memory: rss ${mb(peak.rss)} (maxRSS ${mb(maxRss)}), heapUsed ${mb(peak.heapUsed)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  run().catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
