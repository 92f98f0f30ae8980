import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { from, Observable, of, switchMap } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError } from '@it-samverkan/domain';
import { IdempotencyRecordEntity } from '@it-samverkan/persistence';
import type { AppRequest } from './request';
import { CLOCK, Clock, DATA_SOURCE } from './tokens';

const IDEMPOTENT = 'it-samverkan:idempotent';

/** Marks a POST that creates money documents: an Idempotency-Key header makes a retry safe. */
export const Idempotent = () => SetMetadata(IDEMPOTENT, true);

/**
 * The same key (per token) returns the stored result; the same key with another request body
 * is refused with 422 rather than silently doing something else.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<AppRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    if (typeof header !== 'string' || header === '') return next.handle();
    if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(header)) {
      throw new DomainError(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key får innehålla högst 100 tecken A–Z, 0–9, _ . : -',
        'invalid',
      );
    }
    const key = `${request.principal?.id ?? 'anon'}:${header}`;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const repo = this.db.getRepository(IdempotencyRecordEntity);
    return from(repo.findOneBy({ key })).pipe(
      switchMap((stored) => {
        if (stored) {
          if (stored.requestHash !== hash) {
            throw new DomainError(
              'IDEMPOTENCY_KEY_REUSED',
              'Idempotency-Key har redan använts för en annan begäran',
              'unprocessable',
            );
          }
          response.status(stored.status);
          response.setHeader('Idempotent-Replayed', 'true');
          return of(stored.response);
        }
        return next.handle().pipe(
          switchMap((result) =>
            from(
              repo
                .insert({
                  key,
                  requestHash: hash,
                  status: response.statusCode,
                  response: result as object,
                  createdAt: this.clock.now(),
                })
                .then(() => result),
            ),
          ),
        );
      }),
    );
  }
}
