/**
 * Service-level follow-up throughput (DOMAIN.md 8.1), `node --expose-gc scripts/bench.js service-levels`.
 * 200 000 tickets and 500 000 calls of 2025-T1 (seeded; opened uniform over the tertial's days,
 * 70 % in support hours; resolved 5 min – 10 days later, 2 % open) and a survey answer for every
 * 4th closed ticket, followed up for two municipalities by computeServiceLevels (deadlines cached
 * per day). Baselines: merely iterating the rows (the floor), and the one-working-day measure alone
 * timed twice: with the per-day cache, and with SupportCalendar.solvedWithinOneWorkingDay per
 * ticket (the calendar's own walk to the next working days, no per-day cache). Prints figures;
 * asserts nothing. `--tickets=N`, `--calls=N` resize it.
 */
import {
  CallRecord,
  computeServiceLevels,
  defaultServiceLevelTargets,
  OneWorkingDayDeadlines,
  parseTertial,
  SupportCalendar,
  SurveyAnswerRecord,
  TicketRecord,
} from '@it-samverkan/domain';
import { seededRandom } from '@it-samverkan/config/seeded-random';

const SEED = 20_250_501;
const MS_PER_MINUTE = 60_000;
const MUNICIPALITIES = ['tranemo', 'ulricehamn'];
const T1_START = Date.UTC(2024, 11, 31, 23, 0); // 2025-01-01 00:00 Stockholm
const T1_END = Date.UTC(2025, 3, 29, 22, 0); // 2025-04-30 00:00 Stockholm: last day left for resolution

function generate(
  tickets: number,
  calls: number,
): { tickets: TicketRecord[]; calls: CallRecord[]; answers: SurveyAnswerRecord[] } {
  const random = seededRandom(SEED);
  const days = Math.floor((T1_END - T1_START) / 86_400_000);
  const ticketRows: TicketRecord[] = new Array(tickets);
  const answers: SurveyAnswerRecord[] = [];
  for (let i = 0; i < tickets; i++) {
    const day = T1_START + Math.floor(random() * days) * 86_400_000;
    const minute = random() < 0.7 ? 7 * 60 + 30 + Math.floor(random() * 540) : Math.floor(random() * 1440);
    const opened = day + minute * MS_PER_MINUTE;
    const open = random() < 0.02;
    const firstLine = !open && random() < 0.58;
    const resolved = open ? null : opened + (5 + Math.floor(random() * 10 * 1440)) * MS_PER_MINUTE;
    const municipality = MUNICIPALITIES[random() < 0.65 ? 1 : 0];
    ticketRows[i] = {
      id: `SD-${i}`,
      municipality,
      opened,
      resolved,
      line: firstLine ? 1 : random() < 0.8 ? 2 : 3,
      firstLine,
      ordinary: random() < 0.85,
    };
    if (resolved !== null && i % 4 === 3)
      answers.push({ municipality, answeredAt: resolved + 86_400_000, satisfied: random() < 0.94 });
  }
  const callRows: CallRecord[] = new Array(calls);
  for (let i = 0; i < calls; i++) {
    const time = T1_START + Math.floor(random() * (T1_END - T1_START));
    const answered = random() < 0.94;
    callRows[i] = {
      municipality: MUNICIPALITIES[random() < 0.65 ? 1 : 0],
      time,
      waitSeconds: Math.floor(random() * random() * 300),
      answered,
    };
  }
  return { tickets: ticketRows, calls: callRows, answers };
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

/** Yields the rows and samples memory every 64k rows, so the peak is seen while the computation runs. */
function* sampled<T>(rows: T[], peak: Peak): Generator<T> {
  for (let i = 0; i < rows.length; i++) {
    if ((i & 0xffff) === 0) samplePeak(peak);
    yield rows[i];
  }
}

function seconds<T>(work: () => T): { seconds: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = work();
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, value };
}

const grouped = (n: number) => Math.round(n).toLocaleString('sv-SE');
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.split('=')[1]) : fallback;
}

/** Runs the benchmark and prints its figures. */
export async function run(): Promise<void> {
  const ticketCount = option('tickets', 200_000);
  const callCount = option('calls', 500_000);
  const data = generate(ticketCount, callCount);
  const tertial = parseTertial('2025-T1');
  const targets = defaultServiceLevelTargets(2025);
  const asOf = Date.UTC(2025, 4, 15);
  (globalThis as { gc?: () => void }).gc?.();
  const peak: Peak = { rss: 0, heapUsed: 0 };
  samplePeak(peak);
  const heapBefore = process.memoryUsage().heapUsed;

  const follow = (memory: Peak | null) =>
    computeServiceLevels({
      tertial,
      targets,
      asOf,
      municipalities: MUNICIPALITIES,
      tickets: memory ? sampled(data.tickets, memory) : data.tickets,
      calls: memory ? sampled(data.calls, memory) : data.calls,
      answers: data.answers,
    });
  follow(null); // warm-up
  const timed = seconds(() => follow(null));
  follow(peak); // a second run, sampling memory while it computes
  samplePeak(peak);

  const floor = seconds(() => {
    let sum = 0;
    for (const t of data.tickets) sum += t.opened + (t.resolved ?? 0) + (t.firstLine ? 1 : 0);
    for (const c of data.calls) sum += c.time + c.waitSeconds;
    return sum;
  });

  const calendar = new SupportCalendar(targets.calendar);
  const measureAlone = (solved: (opened: number, resolved: number) => boolean) => () => {
    let within = 0;
    for (const t of data.tickets)
      if (t.ordinary && t.resolved !== null && solved(t.opened, t.resolved)) within++;
    return within;
  };
  const deadlines = new OneWorkingDayDeadlines(calendar);
  const cachedAlone = seconds(measureAlone((o, r) => deadlines.solvedWithin(o, r)));
  const naive = seconds(measureAlone((o, r) => calendar.solvedWithinOneWorkingDay(new Date(o), new Date(r))));
  const total = timed.value.total;
  const cached = total.counts.ordinaryWithin;
  const rows = ticketCount + callCount + data.answers.length;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const lines = [
    `data: ${grouped(ticketCount)} tickets, ${grouped(callCount)} calls, ${grouped(data.answers.length)} survey answers in 2025-T1, 2 municipalities, seed ${SEED}`,
    `follow-up (computeServiceLevels, deadlines cached per day): ${timed.seconds.toFixed(3)} s = ${grouped(rows / timed.seconds)} rows/s`,
    `baseline, iterating the rows only:                          ${floor.seconds.toFixed(3)} s`,
    `one-working-day measure alone, deadlines cached per day (OneWorkingDayDeadlines): ${cachedAlone.seconds.toFixed(3)} s`,
    `baseline, the same measure with SupportCalendar.solvedWithinOneWorkingDay per ticket: ${naive.seconds.toFixed(3)} s (${(naive.seconds / cachedAlone.seconds).toFixed(1)}×)`,
    `  both agree with the follow-up on tickets within one working day: ${naive.value === cached && cachedAlone.value === cached ? 'yes' : 'NO'} (${grouped(cached)} of ${grouped(total.counts.ordinaryCounted)} counted)`,
    `total: ${total.measures.map((m) => `${m.measure} ${m.share}%`).join(', ')}`,
    `peak memory: rss ${mb(peak.rss)} (maxRSS ${mb(maxRss)}), heapUsed ${mb(peak.heapUsed)} (${mb(heapBefore)} before the follow-up, with the generated rows)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  run().catch((e) => {
    process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
    process.exit(1);
  });
}
