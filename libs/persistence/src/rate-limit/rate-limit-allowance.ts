import type { RateLimitCounter, RateLimitWindow } from './rate-limit-counter';

export interface RateLimitAllowanceOptions {
  /** How many API processes to plan for: each spends at most 1/(2 × this) of what remains. */
  processes: number;
  /** A process sends what it counted locally at the latest this long after its last answer. */
  syncEveryMs: number;
}

/** By default four processes are planned for and local counts are sent within a second. */
export const RATE_LIMIT_ALLOWANCE: RateLimitAllowanceOptions = { processes: 4, syncEveryMs: 1000 };

/**
 * How many requests one window may let through in all, at most, when `processes` API processes
 * share a limit of `limit`: the limit itself, plus what each process may have spent locally and
 * not yet sent when the shared count reaches the limit (see RateLimitAllowance).
 */
export function rateLimitCeiling(limit: number, processes: number, options = RATE_LIMIT_ALLOWANCE): number {
  return limit + processes * localAllowance(limit, 0, options.processes);
}

/** The requests a process may count without asking, knowing `shared` of `limit` are used. */
function localAllowance(limit: number, shared: number, processes: number): number {
  return Math.max(0, Math.floor((limit - shared) / (2 * processes)));
}

interface KeyState {
  endsAt: number;
  windowMs: number;
  /** The shared count in the latest answer from the store (this process's sent hits included). */
  shared: number;
  /** Hits let through here and not yet sent. */
  pending: number;
  /** Hits (local and synchronous) on their way to the store, not yet in `shared`. */
  sending: number;
  /** When the latest answer came. */
  syncedAt: number;
}

/**
 * A shared rate-limit counter that does not ask the store on every request. While the last
 * known shared count plus what this process has counted since is well under the limit — at
 * most ⌊(limit − shared) / (2 × P)⌋ requests between answers, P the processes planned for —
 * a request is counted here only; the local count is sent in one statement together with the
 * request that would exceed that allowance, with the first request after `syncEveryMs`, by
 * `flushDue` (a timer) and on `close`. Near the limit (less than 2 × P left) every request asks
 * the store, exactly as without this class.
 *
 * The bound: a request the store refused is refused here too, and a process's requests that
 * the shared count does not hold when it passes the limit (sent late, or never, because the
 * window ended first) were all let through under one allowance, at most ⌊limit / (2P)⌋. So
 * with n processes (one restarted within the window counting again) one window lets through at
 * most limit + n × ⌊limit / (2P)⌋ requests (`rateLimitCeiling`); with n ≤ P that is at most
 * 1.5 × limit. A request is refused only when the store's count passes the limit, so while all
 * requests together stay within it nothing is refused. Counts that reach the store late in a window that has ended are dropped,
 * or land in the next window (counting early there, never late).
 */
export class RateLimitAllowance {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly store: RateLimitCounter,
    private readonly options: RateLimitAllowanceOptions = RATE_LIMIT_ALLOWANCE,
  ) {}

  /** Counts one request against `limit` in the key's window; refused when `hits` > `limit`. */
  async hit(key: string, windowMs: number, limit: number, now: number): Promise<RateLimitWindow> {
    const state = this.keys.get(key);
    if (
      state &&
      now < state.endsAt &&
      now - state.syncedAt < this.options.syncEveryMs &&
      state.pending + state.sending + 1 <= localAllowance(limit, state.shared, this.options.processes)
    ) {
      state.pending += 1;
      return { hits: state.shared + state.sending + state.pending, endsAt: state.endsAt };
    }
    return this.send(key, windowMs, now, 1);
  }

  /** Sends the local counts that have waited `syncEveryMs` or longer; forgets ended windows. */
  async flushDue(now: number): Promise<void> {
    const due: Promise<RateLimitWindow>[] = [];
    for (const [key, state] of this.keys) {
      if (now >= state.endsAt) {
        if (state.sending === 0) this.keys.delete(key);
      } else if (state.pending > 0 && now - state.syncedAt >= this.options.syncEveryMs) {
        due.push(this.send(key, state.windowMs, now, 0));
      }
    }
    await Promise.all(due);
  }

  /** Sends every local count whose window has not ended, then closes the store. */
  async close(now: number): Promise<void> {
    const pending: Promise<RateLimitWindow>[] = [];
    for (const [key, state] of this.keys)
      if (state.pending > 0 && now < state.endsAt) pending.push(this.send(key, state.windowMs, now, 0));
    await Promise.all(pending);
    this.keys.clear();
    await this.store.close();
  }

  /** Adds this process's local count (if its window is still on) and `extra` to the store. */
  private async send(key: string, windowMs: number, now: number, extra: number): Promise<RateLimitWindow> {
    const before = this.keys.get(key);
    // Requests counted in a window that has ended are forgotten with it.
    const live = before && now < before.endsAt ? before : undefined;
    const count = (live?.pending ?? 0) + extra;
    if (live) {
      live.pending = 0;
      live.sending += count;
    }
    let answer: RateLimitWindow;
    try {
      answer = await this.store.add(key, count, windowMs, now);
    } catch (error) {
      // Not counted: the local part is sent again with the next request.
      if (live) live.pending += count - extra;
      throw error;
    } finally {
      if (live) live.sending -= count;
    }
    const state = this.keys.get(key);
    if (!state || answer.endsAt > state.endsAt) {
      this.keys.set(key, {
        endsAt: answer.endsAt,
        windowMs,
        shared: answer.hits,
        pending: 0,
        sending: 0,
        syncedAt: now,
      });
    } else if (answer.endsAt === state.endsAt) {
      state.shared = Math.max(state.shared, answer.hits);
      state.syncedAt = Math.max(state.syncedAt, now);
    }
    return answer;
  }
}
