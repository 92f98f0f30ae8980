import { ChildProcess, fork } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ServerReady, ServerStats, STATS_ASKED } from './protocol';
import type { ScaleFigures } from './scale-data';

const ROOT = resolve(__dirname, '..', '..');

export interface ServerProcess {
  url: string;
  /** What the scaled data set added (serve-api with BENCH_SCALE), null otherwise. */
  scaled: ScaleFigures | null;
  /** What the process did since the last call: SQL statements and CPU time. */
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/**
 * Starts one of the bench's server scripts in its own Node process (so the load generator does
 * not share its event loop) and resolves once it listens. With `cpuProfileDir` the process writes
 * a V8 CPU profile there when it stops (`--cpu-prof`).
 */
export function startServer(
  script: 'serve-api' | 'serve-bare',
  env: Record<string, string>,
  cpuProfileDir?: string,
): Promise<ServerProcess> {
  const child: ChildProcess = fork(join(__dirname, `${script}.ts`), [], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    execArgv: [
      '-r',
      join(ROOT, 'scripts', 'register.js'),
      ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveReady, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} avslutades (kod ${code}) innan den lyssnade`)));
    child.once('message', (message: ServerReady) =>
      resolveReady({
        url: `http://127.0.0.1:${message.port}`,
        scaled: message.scaled ?? null,
        stats: () =>
          new Promise((answer) => {
            child.once('message', (m: ServerStats) => answer(m));
            child.send(STATS_ASKED);
          }),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      }),
    );
  });
}
