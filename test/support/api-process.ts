import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The API as its own operating-system process (main.ts run from the sources with swc), as production runs it. */
export interface ApiProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the output contains the text. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code when the process has ended. */
  exited: Promise<number | null>;
  /** Ends the process if it still runs (SIGKILL after SIGTERM had 10 s). */
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node apps/api/src/main.ts` with the environment given and waits until it listens. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './scripts/register.js', 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOAD_DEMO: 'false',
      SESSION_COOKIE_SECURE: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const w of [...waiters]) if (output.includes(w.text)) w.resolve();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForOutput = (text: string, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      if (output.includes(text)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`"${text}" did not appear within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      const entry = {
        text,
        resolve: () => {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(entry), 1);
          resolve();
        },
      };
      waiters.push(entry);
      void exited.then(() => {
        if (!output.includes(text)) {
          clearTimeout(timer);
          reject(new Error(`the API process ended before "${text}":\n${output}`));
        }
      });
    });
  await waitForOutput('lyssnar på');
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    waitForOutput,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
