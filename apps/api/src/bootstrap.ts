import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenService } from '@it-samverkan/application';
import type { AppEnv } from '@it-samverkan/config/env';
import { openDatabase } from '@it-samverkan/persistence';
import { AppModule } from './app.module';
import { toErrorBody } from './common/exception.filter';
import { cookieName } from './common/session-cookie';
import { Clock, systemClock } from './common/tokens';
import { guardJsonBody } from './common/json-safety';
import { createValidationPipe } from './common/validation';
import { securityHeaders, serveWebApp, webAppDirectory } from './web-app';

export const API_PREFIX = 'api/v1';

export interface CreateAppOptions {
  env: AppEnv;
  dataSource?: DataSource;
  clock?: Clock;
  logger?: LogLevel[] | false;
  /** The built browser application to serve at `/`; by default dist/web when it has been built. */
  webDirectory?: string | null;
}

export interface CreatedApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  /** The first admin token, when this start created it; print it once. */
  bootstrapToken: string | null;
}

/**
 * Builds the HTTP application exactly as it runs: database and migrations, helmet, body limit,
 * validation, the error filter, guards and OpenAPI. main.ts and the end-to-end tests both use it.
 */
export async function createApp(options: CreateAppOptions): Promise<CreatedApp> {
  const { env } = options;
  const clock = options.clock ?? systemClock;
  const dataSource = options.dataSource ?? (await openDatabase(env.databaseUrl, { logging: env.logSql }));
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ env, dataSource, clock }),
    {
      bodyParser: false,
      logger: options.logger ?? ['error', 'warn'],
    },
  );
  app.use(securityHeaders());
  // Answers under the API carry who-may-see-what data: never stored by a browser or proxy.
  app.use(`/${API_PREFIX}`, (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  const webDirectory = options.webDirectory === undefined ? webAppDirectory() : options.webDirectory;
  if (webDirectory) serveWebApp(app, webDirectory);
  app.useBodyParser('json', { limit: env.bodyLimit });
  app.use(guardJsonBody);
  app.useBodyParser('text', { limit: env.bodyLimit, type: ['text/csv', 'text/plain'] });
  app.useBodyParser('raw', {
    limit: env.bodyLimit,
    type: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // Answers are no-store (above), so an ETag would only cost a hash of every body.
  app.set('etag', false);
  // The client address counts failed logins and rate limits; behind a proxy it is in X-Forwarded-For.
  if (env.trustProxyHops > 0) app.set('trust proxy', env.trustProxyHops);
  app.set('query parser', 'extended');

  const config = new DocumentBuilder()
    .setTitle('it-samverkan')
    .setDescription(
      'Avtal, tjänstefiering och kostnadsfördelning för kommunal IT-samverkan. Alla anrop utom /health och ' +
        'inloggningen kräver `Authorization: Bearer <token>` (system och skript) eller sessionskakan från ' +
        '`POST /api/v1/auth/login` (personer); med kakan kräver varje ändring rubriken `X-CSRF-Token`. ' +
        'Fel har formen {error, message, details[{path, message}], correlationId}.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth(cookieName(env.session))
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  await app.init();
  // Errors raised before Nest's router (body parser: too large, malformed JSON) get the same body.
  app.use(
    (
      error: unknown,
      request: Request & { correlationId?: string },
      response: Response,
      _next: NextFunction,
    ) => {
      const { status, body } = toErrorBody(error, request.correlationId ?? randomUUID());
      if (status >= 500) Logger.error(`${body.correlationId} ${(error as Error)?.stack ?? error}`, 'Fel');
      response.status(status).json(body);
    },
  );
  const bootstrapToken = await app.get(TokenService).ensureBootstrapToken(clock.now(), env.bootstrapToken);
  return { app, dataSource, bootstrapToken };
}
