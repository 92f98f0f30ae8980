import type { Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface ShutdownOptions {
  /** Longest wait for requests in flight before their connections are cut. */
  timeoutMs: number;
  log: (line: string) => void;
}

/**
 * Graceful shutdown on SIGTERM and SIGINT (a deploy, a scale-in, Ctrl-C): stop accepting
 * connections at once, let every request in flight finish and be answered (each answer says
 * `Connection: close`, so keep-alive clients reconnect to another process), then run the
 * application's shutdown hooks, close the database and exit 0. Requests still running after the
 * timeout are cut and the exit code is 1.
 */
export function shutDownGracefully(
  app: INestApplication,
  dataSource: DataSource,
  options: ShutdownOptions,
): void {
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    if (stopping && !response.headersSent) response.setHeader('Connection', 'close');
    response.on('close', () => inFlight.delete(response));
  });

  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    let exitCode = 0;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Said once the listening socket is closed, so whoever reads it finds new connections refused.
    options.log(
      `${signal}: tar inte emot nya anslutningar; väntar på ${inFlight.size} pågående förfrågningar.`,
    );
    server.closeIdleConnections();
    // Keep-alive connections that finish their request become idle: close those as they appear.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
    });
    if ((await Promise.race([drained, timedOut])) === 'timeout') {
      options.log(
        `${inFlight.size} förfrågningar pågick fortfarande efter ${options.timeoutMs} ms; avbryts.`,
      );
      server.closeAllConnections();
      exitCode = 1;
    }
    clearInterval(idle);
    clearTimeout(timer);
    try {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    } catch (error) {
      options.log(`Fel vid avstängning: ${(error as Error)?.stack ?? String(error)}`);
      exitCode = 1;
    }
    options.log('Avstängd.');
    process.exit(exitCode);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
}
