import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { AppRequest } from './request';

/** Gives every request a correlation id (or keeps a sane incoming X-Correlation-Id) and echoes it. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: AppRequest, response: Response, next: NextFunction): void {
    const incoming = request.headers['x-correlation-id'];
    const id =
      typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    request.correlationId = id;
    response.setHeader('X-Correlation-Id', id);
    next();
  }
}
