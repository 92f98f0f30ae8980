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
import { catchError, from, map, Observable, of, switchMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { IdempotencyClaim, IdempotencyKeyTaken, withIdempotencyClaim } from '@it-samverkan/application';
import { DomainError } from '@it-samverkan/domain';
import { IdempotencyRecordEntity } from '@it-samverkan/persistence';
import type { AppRequest } from './request';
import { CLOCK, Clock, DATA_SOURCE } from './tokens';

const IDEMPOTENT = 'it-samverkan:idempotent';

/** Marks a POST that creates money documents: an Idempotency-Key header makes a retry safe. */
export const Idempotent = () => SetMetadata(IDEMPOTENT, true);

/**
 * The same key (per token) returns the stored result; the same key with another request body
 * is refused with 422 rather than silently doing something else. The key is claimed inside the
 * use case's transaction (see inTransaction), so a concurrent request with the same key waits for
 * the first and replays its answer; the work runs once.
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
    const answer = (stored: IdempotencyRecordEntity | null): unknown => {
      if (!stored || stored.status === 0) {
        // Only a row that is not yet committed lacks its answer: nothing of it is visible to us.
        throw new DomainError(
          'IDEMPOTENCY_KEY_BUSY',
          'En begäran med samma Idempotency-Key pågår; inget sparades. Försök igen.',
          'conflict',
        );
      }
      if (stored.requestHash !== hash) {
        throw new DomainError(
          'IDEMPOTENCY_KEY_REUSED',
          'Idempotency-Key har redan använts för en annan begäran',
          'unprocessable',
        );
      }
      response.status(stored.status);
      response.setHeader('Idempotent-Replayed', 'true');
      return stored.response;
    };
    return from(repo.findOneBy({ key })).pipe(
      switchMap((stored) => {
        // SQLite's one connection also sees a row another request has not yet committed
        // (status 0); that request is then claimed against below and waits in the queue.
        if (stored && stored.status !== 0) return of(answer(stored));
        const claim: IdempotencyClaim = {
          key,
          requestHash: hash,
          status: response.statusCode,
          now: this.clock.now(),
          taken: false,
        };
        const handled = new Observable<unknown>((subscriber) =>
          withIdempotencyClaim(claim, () => next.handle().subscribe(subscriber)),
        );
        return handled.pipe(
          map((result) => {
            if (!claim.taken) throw new Error('An @Idempotent handler must do its work in inTransaction');
            return result;
          }),
          catchError((error: unknown) =>
            error instanceof IdempotencyKeyTaken
              ? from(repo.findOneBy({ key })).pipe(map(answer))
              : throwError(() => error),
          ),
        );
      }),
    );
  }
}
