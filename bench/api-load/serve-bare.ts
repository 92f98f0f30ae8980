/**
 * Child process of the api-load bench: the baseline, a bare NestJS application (same framework
 * and HTTP adapter, nothing else) answering `GET /health` with `{"status":"ok"}`.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { answerStats, ServerReady } from './protocol';

@Controller('health')
class BareController {
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error'] });
  answerStats();
  await app.listen(0, '127.0.0.1');
  const ready: ServerReady = { port: (app.getHttpServer().address() as AddressInfo).port };
  process.send?.(ready);
  process.on('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
