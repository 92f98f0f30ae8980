import type { ScaleFigures } from './scale-data';
/** What the api-load bench's server processes and the bench share. */
export const BENCH_ADMIN_TOKEN = 'its_bench-admin-token-0123456789abcdef';
export const BENCH_PASSWORD = 'bench-demo-losenord-2025';

/** The message a server process sends its parent once it listens. */
export interface ServerReady {
  port: number;
  /** What the scaled data set added (the API with BENCH_SCALE), null otherwise. */
  scaled?: ScaleFigures | null;
}

/** Asked of a server process: what it did since the last ask. */
export const STATS_ASKED = 'stats';
export interface ServerStats {
  /** SQL statements run (the API process; the bare app runs none). */
  queries: number;
  statements: Statement[];
  /** CPU time the process spent (user + system), in microseconds: contention on a shared machine barely moves it. */
  cpuMicros: number;
}

/** One SQL statement as the driver got it. */
export interface Statement {
  sql: string;
  parameters: unknown[];
}

/** Counts SQL statements for the stats answers (the API process feeds it from its data source's logger). */
export class StatementCounter {
  count = 0;
  statements: Statement[] = [];

  seen(sql: string, parameters: unknown[] = []): void {
    this.count++;
    if (this.statements.length < 200) this.statements.push({ sql, parameters });
  }
}

/** Answers the parent's stats requests with the counter's and the process's figures since the last answer. */
export function answerStats(counter: StatementCounter = new StatementCounter()): void {
  let cpu = process.cpuUsage();
  process.on('message', (message) => {
    if (message !== STATS_ASKED) return;
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const stats: ServerStats = {
      queries: counter.count,
      statements: counter.statements,
      cpuMicros: used.user + used.system,
    };
    process.send?.(stats);
    counter.count = 0;
    counter.statements = [];
  });
}
