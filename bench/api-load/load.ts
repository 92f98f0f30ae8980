import autocannon from 'autocannon';
import type { ServerProcess } from './processes';

/** One read of the bench: a path, or a sequence of paths a page asks for in turn, with its login. */
export interface Read {
  name: string;
  paths: string[];
  headers: Record<string, string>;
}

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, and connection errors or timeouts: a row with any is not a valid figure. */
  failures: number;
  /** The server process's CPU time per answered request, in ms. */
  cpuMs: number;
}

/** Drives one read on a server with `connections` concurrent connections for `seconds`. */
export async function measure(
  server: ServerProcess,
  read: Read,
  connections: number,
  seconds: number,
): Promise<Measured> {
  await server.stats();
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers: read.headers,
    requests: read.paths.map((path) => ({ method: 'GET', path })),
  });
  const stats = await server.stats();
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMs: result.requests.total > 0 ? stats.cpuMicros / 1000 / result.requests.total : 0,
  };
}

export interface Row {
  read: string;
  connections: number;
  measured: Measured;
  baseline: Measured;
  /** SQL statements per request of the read (a page's sequence: per call), measured alone. */
  sqlPerRequest: number | null;
}

/**
 * The figures as a table: req/s, p50 and p99 latency, req/s as a share of the bare app's at the
 * same concurrency, failed answers, the server's CPU time per request and SQL statements per request.
 */
export function formatTable(title: string, rows: Row[]): string {
  const head = [
    'anrop',
    'anslutn.',
    'req/s',
    'p50 ms',
    'p99 ms',
    'mot bas',
    'fel',
    'CPU ms/anrop',
    'SQL/anrop',
  ];
  // A row where no answer came within the measurement has no latency to show.
  const answered = (r: Row, value: number) => (r.measured.requestsPerSecond > 0 ? value.toFixed(0) : '–');
  const body = rows.map((r) => [
    r.read,
    String(r.connections),
    r.measured.requestsPerSecond.toFixed(0),
    answered(r, r.measured.p50),
    answered(r, r.measured.p99),
    `${((100 * r.measured.requestsPerSecond) / r.baseline.requestsPerSecond).toFixed(1)} %`,
    String(r.measured.failures),
    r.measured.requestsPerSecond > 0 ? r.measured.cpuMs.toFixed(2) : '–',
    r.sqlPerRequest === null ? '' : r.sqlPerRequest.toFixed(1),
  ]);
  return table(title, head, body);
}

/**
 * The same reads on the demo and on the scaled data set side by side: p50 and p99 of each and
 * the scaled p99 as a multiple of the demo's (the aim: within 2×), SQL statements per request of each.
 */
export function formatComparison(title: string, scale: number, demo: Row[], scaled: Row[]): string {
  const head = [
    'anrop',
    'anslutn.',
    'demo p50',
    'demo p99',
    `${scale}× p50`,
    `${scale}× p99`,
    'p99 kvot',
    'fel',
    'SQL demo/skala',
  ];
  const ms = (m: Measured, value: number) => (m.requestsPerSecond > 0 ? value.toFixed(0) : '–');
  const body = demo.flatMap((d) => {
    const s = scaled.find((r) => r.read === d.read && r.connections === d.connections);
    if (!s) return [];
    const ratio =
      d.measured.p99 > 0 && s.measured.requestsPerSecond > 0
        ? `${(s.measured.p99 / d.measured.p99).toFixed(2)}×`
        : '–';
    const sql = (r: Row) => (r.sqlPerRequest === null ? '' : r.sqlPerRequest.toFixed(1));
    return [
      [
        d.read,
        String(d.connections),
        ms(d.measured, d.measured.p50),
        ms(d.measured, d.measured.p99),
        ms(s.measured, s.measured.p50),
        ms(s.measured, s.measured.p99),
        ratio,
        String(d.measured.failures + s.measured.failures),
        d.sqlPerRequest === null ? '' : `${sql(d)}/${sql(s)}`,
      ],
    ];
  });
  return table(title, head, body);
}

/** Columns padded to their widest cell: the first left-aligned, the figures right-aligned. */
function table(title: string, head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  return [title, line(head), ...body.map(line)].join('\n') + '\n';
}
