import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyRecordEntity } from '@it-samverkan/persistence';
import { isUniqueViolation } from './unique-violation';

const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * A request's claim on an idempotency key. The first transaction the request runs takes it: the
 * key's row is inserted before the work and completed with the answer before the commit, so the
 * key and what it answers are stored together with the change or not at all.
 */
export interface IdempotencyClaim {
  readonly key: string;
  readonly requestHash: string;
  /** The HTTP status the answer is sent with (and replayed with). */
  readonly status: number;
  readonly now: Date;
  /** True while a transaction holds the claim, and after it committed. */
  taken: boolean;
}

/** Another request with the same key committed first (or is still running and has now committed). */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly key: string) {
    super(`Idempotency key ${key} is taken`);
  }
}

const claims = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs `work` with the claim, so the first `inTransaction` inside it takes the key. */
export function withIdempotencyClaim<T>(claim: IdempotencyClaim, work: () => T): T {
  return claims.run(claim, work);
}

/**
 * Runs `work` in one transaction: the change and its audit entries commit together or not at all.
 * MySQL uses READ COMMITTED so counters locked FOR UPDATE serialise cleanly. SQLite has one
 * connection and one writer, so its transactions are queued here rather than interleaved.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const claim = claims.getStore();
  const claimed = claim && !claim.taken ? claimingFirst(claim, work) : work;
  if (dataSource.options.type === 'mysql') return dataSource.transaction('READ COMMITTED', claimed);
  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(claimed));
  sqliteQueues.set(dataSource, next);
  return next;
}

/**
 * Inserts the key's row first: a concurrent request with the same key blocks on the primary key
 * until this transaction ends, then fails as a duplicate (and replays this answer) or, if this
 * one rolled back, takes the key itself. The row gets the answer before the commit.
 */
function claimingFirst<T>(
  claim: IdempotencyClaim,
  work: (manager: EntityManager) => Promise<T>,
): (manager: EntityManager) => Promise<T> {
  return async (m) => {
    claim.taken = true;
    try {
      try {
        await m.insert(IdempotencyRecordEntity, {
          key: claim.key,
          requestHash: claim.requestHash,
          status: 0,
          response: {},
          createdAt: claim.now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new IdempotencyKeyTaken(claim.key);
        throw error;
      }
      const result = await work(m);
      // Stored as it is sent: the JSON form of the answer.
      const response = JSON.parse(JSON.stringify(result ?? {})) as object;
      await m.update(IdempotencyRecordEntity, { key: claim.key }, { status: claim.status, response });
      return result;
    } catch (error) {
      // Rolled back: the key is free again, for a retry inside this request or another request.
      claim.taken = false;
      throw error;
    }
  };
}

/** Adds FOR UPDATE where the database has row locks (MySQL); SQLite's single writer needs none. */
export function lockMode(dataSource: DataSource): 'pessimistic_write' | undefined {
  return dataSource.options.type === 'mysql' ? 'pessimistic_write' : undefined;
}
