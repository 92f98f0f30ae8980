import {
  ApiTokenEntity,
  CompanyEntity,
  CooperationAgreementEntity,
  MunicipalityEntity,
  PersonEntity,
  SessionEntity,
} from '@it-samverkan/persistence';
import { cachePerDataSource, GenerationalCache } from './cache-invalidation';

/**
 * How long this process trusts what it read about who a request is (a session or token and its
 * person) and about the parties access decisions need, without asking the database again. Every
 * write to those tables through this process — logout, token revocation, deactivating a person,
 * changing the organisation or the cooperation agreement — and every committed transaction
 * empties the cache at once, so in one process a revocation holds on the very next request.
 * Another API process on the same database sees it within this many milliseconds.
 */
export const READ_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/** The tables whose rows the cache holds (or derives from): a write to any of them empties it. */
const CACHED_TABLES = new Set<unknown>([
  SessionEntity,
  ApiTokenEntity,
  PersonEntity,
  CooperationAgreementEntity,
  MunicipalityEntity,
  CompanyEntity,
]);

/**
 * Per-data-source cache of per-request reads (authentication, the access directory). Loads are
 * tagged with a generation: a load that started before an invalidation is never stored, so a
 * lookup racing a revocation cannot put the revoked row back.
 */
export class ReadCache extends GenerationalCache {
  private readonly entries = new Map<string, { value: unknown; until: number }>();

  constructor(private readonly ttlMs = READ_CACHE_TTL_MS) {
    super();
  }

  /** The cached value for `key`, or `load()`'s result (stored unless it is null or the cache was emptied meanwhile). */
  async get<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as T;
    const generation = this.currentGeneration();
    const value = await load();
    if (value !== null && this.isCurrent(generation) && this.ttlMs > 0) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  protected forget(): void {
    this.entries.clear();
  }
}

/**
 * The read cache of a data source, subscribed on first use to entity writes of the cached tables
 * and to every commit (raw statements inside a transaction pass no entity events).
 */
export const readCacheOf = cachePerDataSource(() => new ReadCache(), { entities: CACHED_TABLES });
