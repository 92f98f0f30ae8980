import { ExecutionContext, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  normalizeIp,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
} from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import type { AppEnv } from '@it-samverkan/config/env';
import { DomainError } from '@it-samverkan/domain';
import {
  databaseRateLimitCounter,
  MemoryRateLimitCounter,
  RATE_LIMIT_ALLOWANCE,
  RateLimitAllowance,
} from '@it-samverkan/persistence';
import type { AppRequest } from './request';
import type { Clock } from './tokens';

const WINDOW_MS = 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Whom a request counts against: its principal when authenticated, else its client address. */
export function rateLimitTracker(request: AppRequest): string {
  const id = request.principal?.id;
  if (id) return `principal:${id}`;
  // Express resolves request.ip through TRUST_PROXY_HOPS ('trust proxy'); an IPv6 client counts per /64.
  return `ip:${normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * Request counts in fixed one-minute windows, kept where every API process sees them (the
 * database by default), so a person is limited the same whichever process answers. Far from the
 * limit a process counts locally and sends its count at least every second (RateLimitAllowance:
 * no statement for most requests, the limit exceeded by a stated bound at most); a timer sends
 * counts that wait, and shutdown sends the rest.
 */
@Injectable()
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly counter: RateLimitAllowance,
    private readonly clock: Clock,
  ) {
    // A failed send keeps the count; the next request sends it again and reports the failure.
    this.timer = setInterval(
      () => void this.counter.flushDue(this.clock.now().getTime()).catch(() => undefined),
      RATE_LIMIT_ALLOWANCE.syncEveryMs,
    ).unref();
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    const { hits, endsAt } = await this.counter.hit(key, ttl, limit, now);
    const seconds = Math.max(1, Math.ceil((endsAt - now) / 1000));
    return { totalHits: hits, timeToExpire: seconds, isBlocked: hits > limit, timeToBlockExpire: seconds };
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.counter.close(this.clock.now().getTime());
  }
}

/** The throttler's options: per principal or per address, counted in the configured store. */
export function rateLimitOptions(env: AppEnv, dataSource: DataSource, clock: Clock): ThrottlerModuleOptions {
  const counter =
    env.rateLimitStore === 'memory' ? new MemoryRateLimitCounter() : databaseRateLimitCounter(dataSource);
  return {
    storage: new SharedThrottlerStorage(new RateLimitAllowance(counter), clock),
    getTracker: (request) => rateLimitTracker(request as AppRequest),
    // One budget per client across every route, not one per route.
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    throttlers: [
      {
        name: 'default',
        ttl: WINDOW_MS,
        limit: (context: ExecutionContext) =>
          context.switchToHttp().getRequest<AppRequest>().principal?.id
            ? env.rateLimitPerMinute
            : env.rateLimitAnonymousPerMinute,
      },
    ],
  };
}

/**
 * The rate limit, applied after authentication so an authenticated request counts against its
 * person (or system token) rather than the address it comes from: everyone behind one
 * municipality's proxy shares that address. Refuses with 429, Retry-After and a Swedish message.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = detail.timeToBlockExpire;
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `För många förfrågningar (högst ${detail.limit} per minut); försök igen om ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}.`,
      'too-many',
    );
  }
}
