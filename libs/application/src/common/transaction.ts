import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyRecordEntity } from '@it-samverkan/persistence';
import { isUniqueViolation } from './unique-violation';

/**
 * SQLite's one writer: the transactions of a data source, each started when the one before it has
 * ended; `pending` counts those queued or running.
 */
interface WriterQueue {
  last: Promise<unknown>;
  pending: number;
}
const sqliteQueues = new WeakMap<DataSource, WriterQueue>();

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
 *
 * Every write on SQLite must go through this queue (or {@link writeOnItsOwn}): a statement sent
 * on the data source outside it runs on the same connection, so while a transaction is open (an
 * import of seconds) it becomes part of that transaction and commits or rolls back with it.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const claim = claims.getStore();
  const claimed = claim && !claim.taken ? claimingFirst(claim, work) : work;
  if (dataSource.options.type === 'mysql') return dataSource.transaction('READ COMMITTED', claimed);
  return onSqliteWriter(dataSource, () => dataSource.transaction(claimed));
}

/** Runs `work` when every transaction queued before it on SQLite's writer has ended. */
function onSqliteWriter<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  let queue = sqliteQueues.get(dataSource);
  if (!queue) sqliteQueues.set(dataSource, (queue = { last: Promise.resolve(), pending: 0 }));
  const q = queue;
  q.pending++;
  const next = q.last.catch(() => undefined).then(work);
  const ended = () => void q.pending--;
  void next.then(ended, ended);
  q.last = next;
  return next;
}

/**
 * How many transactions hold or wait for SQLite's one writer (always 0 on MySQL, whose
 * transactions each take a connection of the pool).
 */
export function transactionsPending(dataSource: DataSource): number {
  return sqliteQueues.get(dataSource)?.pending ?? 0;
}

/**
 * Writes what is no part of a change (a session's last-seen time) on its own: `statement` gets
 * a manager outside any transaction and commits by itself, never with a transaction that
 * happens to be open, and never takes the request's idempotency key. MySQL runs it at once on a
 * connection of the pool. SQLite runs it once the transactions queued on its one writer have
 * ended: sent at once it would join a transaction held open there (an import) and roll back with
 * it. The promise settles when the statement has committed, except on SQLite while another
 * transaction holds the writer: then it settles at once, so a request never waits for an import,
 * and the statement follows in the queue (a failure is then reported as a process warning; a
 * statement whose data source has closed meanwhile is dropped).
 */
export async function writeOnItsOwn(
  dataSource: DataSource,
  statement: (manager: EntityManager) => Promise<unknown>,
): Promise<void> {
  if (dataSource.options.type === 'mysql') {
    await statement(dataSource.manager);
    return;
  }
  const busy = transactionsPending(dataSource) > 0;
  const written = onSqliteWriter(dataSource, async () => {
    if (dataSource.isInitialized) await statement(dataSource.manager);
  });
  if (!busy) return written;
  written.catch((error: unknown) => process.emitWarning(`A queued write failed: ${String(error)}`));
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
