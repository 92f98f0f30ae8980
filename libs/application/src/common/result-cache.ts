import { cachePerDataSource, GenerationalCache } from './cache-invalidation';

/**
 * How long this process keeps a computed read (an invoice list, a split result, a scenario
 * comparison, a service-level report…) for the same principal and the same URL. Every write this
 * process makes to the database empties the cache at once, so here a write is visible on the
 * next read; another API process on the same database sees it within this many milliseconds.
 */
export const RESULT_CACHE_TTL_MS = 2_000;
/** Results can be large (a split of every consumer); beyond this many the oldest is dropped. */
const MAX_ENTRIES = 500;
/**
 * A value asked for when this share of its TTL has passed is still answered, and computed again
 * beside the answer, so a read asked for all the time is never waited for when it expires.
 */
const REFRESH_AFTER = 3 / 4;

/**
 * Statements that change nothing the cached reads show: the rate-limit counters (about one a
 * second per client and process) and a session's last-seen time (at most once a minute per session). Any
 * other statement that is not plainly a read empties the cache.
 */
const BOOKKEEPING_TABLES = new Set(['rate_limit_counter', 'session']);
const READ_ONLY =
  /^\s*\(?\s*(?:SELECT|SHOW|EXPLAIN|PRAGMA|BEGIN|START\s+TRANSACTION|SET\s+TRANSACTION|SAVEPOINT|RELEASE|ROLLBACK|COMMIT)\b/i;
const WRITTEN_TABLE = /^\s*(?:INSERT\s+(?:IGNORE\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)/i;

/** True when a statement may change data a cached read shows. */
export function changesCachedData(sql: string): boolean {
  if (READ_ONLY.test(sql)) return false;
  const table = WRITTEN_TABLE.exec(sql)?.[1];
  return !table || !BOOKKEEPING_TABLES.has(table.toLowerCase());
}

interface Entry {
  value: unknown;
  /** Wall-clock expiry (Date.now()). */
  until: number;
  /** The application clock's time the value was computed at (tests move it). */
  at: number;
}

interface Pending {
  promise: Promise<unknown>;
  generation: number;
  at: number;
}

/**
 * Per-data-source cache of computed reads, keyed by whoever asks and what they ask. Loads are
 * tagged with a generation: a load under way when the cache is emptied is never stored, and a
 * request that comes after a write never joins a load that started before it. Concurrent asks
 * for the same key share one load, so an expired entry is recomputed once, not by every waiter;
 * an entry asked for in the last quarter of its TTL is recomputed in the background while it is
 * still answered (what is answered is still never older than the TTL nor than the last write).
 */
export class ResultCache extends GenerationalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly ttlMs = RESULT_CACHE_TTL_MS,
    private readonly wallClock: () => number = Date.now,
  ) {
    super();
  }

  /**
   * The value for `key`, computed at most `ttlMs` before `at` (the application clock's now) and
   * since the last write, or `load()`'s result. A failed load is not stored, nor one `keep` refuses.
   */
  async get<T>(
    key: string,
    at: number,
    load: () => Promise<T>,
    keep: (value: T) => boolean = () => true,
  ): Promise<T> {
    const fresh = (since: number) => at >= since && at - since < this.ttlMs;
    const hit = this.entries.get(key);
    const wall = this.wallClock();
    const running = this.pending.get(key);
    const joinable = running && this.isCurrent(running.generation) && fresh(running.at);
    if (hit && hit.until > wall && fresh(hit.at)) {
      const refreshAt = this.ttlMs * REFRESH_AFTER;
      if (!joinable && (at - hit.at >= refreshAt || wall >= hit.until - this.ttlMs + refreshAt))
        // Its failure is the next asker's, once the entry has expired.
        this.load(key, at, load, keep).catch(() => undefined);
      return hit.value as T;
    }
    if (joinable) return running.promise as Promise<T>;
    return this.load(key, at, load, keep);
  }

  /** Runs `load()` as the key's pending load and stores its value if no write came meanwhile. */
  private async load<T>(
    key: string,
    at: number,
    load: () => Promise<T>,
    keep: (value: T) => boolean,
  ): Promise<T> {
    const generation = this.currentGeneration();
    const promise = load();
    const mine: Pending = { promise, generation, at };
    this.pending.set(key, mine);
    try {
      const value = await promise;
      if (this.isCurrent(generation) && this.ttlMs > 0 && keep(value)) {
        if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
        this.entries.delete(key);
        this.entries.set(key, { value, until: this.wallClock() + this.ttlMs, at });
      }
      return value;
    } finally {
      if (this.pending.get(key) === mine) this.pending.delete(key);
    }
  }

  /** Loads under way are not stored (their generation is past) and not joined. */
  protected forget(): void {
    this.entries.clear();
    this.pending.clear();
  }
}

/**
 * The result cache of a data source, subscribed on first use to every statement that may change
 * data (entity writes, raw and bulk statements alike, inside a transaction or not) and to every
 * commit, so a read that ran beside a transaction and saw its data before the commit is not kept either.
 */
export const resultCacheOf = cachePerDataSource(() => new ResultCache(), {
  statements: changesCachedData,
});
