import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Principal, resultCacheOf } from '@it-samverkan/application';
import type { AppRequest } from './request';
import { CLOCK, Clock, DATA_SOURCE } from './tokens';

/** Whom a cached answer belongs to: every field of the principal that access or scoping reads. */
function principalKey(p: Principal): string {
  return JSON.stringify([p.via ?? null, p.id, p.personId ?? null, p.role, p.scope, p.tokenName ?? null]);
}

/**
 * Answers a repeated GET from the result cache (result-cache.ts): the same principal and the
 * same URL within RESULT_CACHE_TTL_MS and with no write since get the answer computed before.
 * Runs after the guards, so authentication, revocation, the rate limit and the access decision
 * are checked on every request; only the handler's work (queries, computation, serialisation)
 * is reused. An error is never cached.
 */
@Injectable()
export class CachedReadInterceptor implements NestInterceptor {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AppRequest>();
    if (request.method !== 'GET' || !request.principal) return next.handle();
    const key = `${principalKey(request.principal)} ${request.originalUrl}`;
    const response = context.switchToHttp().getResponse<Response>();
    // Stored as the JSON text sent: a repeated read is not serialised again.
    const json = resultCacheOf(this.dataSource).get(key, this.clock.now().getTime(), async () => {
      const value: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
      return value === undefined || value === null ? null : JSON.stringify(value);
    });
    return from(
      json.then((text) => {
        if (text === null) return null;
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        return text;
      }),
    );
  }
}

/** A read whose JSON answer may be reused briefly for the same principal (see CachedReadInterceptor). */
export const CachedRead = () => UseInterceptors(CachedReadInterceptor);
