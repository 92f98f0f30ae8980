import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@it-samverkan/domain';
import { LoginThrottleEntity } from '@it-samverkan/persistence';
import { inTransaction } from '../common/transaction';
import { isUniqueViolation } from '../common/unique-violation';

/** When repeated failed logins lock a username or an address. */
export interface LoginThrottlePolicy {
  /** Failures per username before it is locked. */
  maxFailuresPerAccount: number;
  /** Failures per client address (any username) before it is locked. */
  maxFailuresPerAddress: number;
}

const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;
/** A key whose last failure is this old starts counting again from zero. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * The end of the lock after `failures` failures, or null below the threshold: one minute at the
 * threshold, doubling with each further failure, at most one hour (exponential back-off).
 */
export function lockedUntilAfter(failures: number, threshold: number, at: Date): Date | null {
  if (failures < threshold) return null;
  const ms = Math.min(FIRST_LOCK_MS * 2 ** Math.min(failures - threshold, 16), LONGEST_LOCK_MS);
  return new Date(at.getTime() + ms);
}

export function accountKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`.slice(0, 200);
}
export function addressKey(address: string): string {
  return `ip:${address}`.slice(0, 200);
}

/** Refuses (429, in Swedish) while any of the keys is locked. */
export async function assertNotLocked(dataSource: DataSource, keys: string[], now: Date): Promise<void> {
  const rows = await dataSource.getRepository(LoginThrottleEntity).findBy(keys.map((key) => ({ key })));
  const until = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => d !== null && d.getTime() > now.getTime())
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (!until) return;
  const minutes = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  throw new DomainError(
    'LOGIN_LOCKED',
    `För många misslyckade inloggningar. Inloggningen är spärrad; försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`,
    'too-many',
  );
}

/** Counts one failed login against each key, locking those that reach their threshold. */
export async function recordLoginFailure(
  dataSource: DataSource,
  keys: { key: string; threshold: number }[],
  now: Date,
): Promise<void> {
  for (const { key, threshold } of keys) {
    for (let attempt = 0; ; attempt++) {
      try {
        await inTransaction(dataSource, async (m) => {
          const row = await m.findOneBy(LoginThrottleEntity, { key });
          const stale = row && now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
          const failures = !row || stale ? 1 : row.failures + 1;
          const values = {
            failures,
            lastFailureAt: now,
            lockedUntil: lockedUntilAfter(failures, threshold, now),
          };
          if (row) await m.update(LoginThrottleEntity, { key }, values);
          else await m.insert(LoginThrottleEntity, { key, ...values });
        });
        break;
      } catch (error) {
        // Two failures of the same new key at once: the second one counts as an update.
        if (!isUniqueViolation(error) || attempt > 0) throw error;
      }
    }
  }
}

/** Forgets the failures of a key after a successful login, in the transaction that starts the session. */
export async function clearLoginFailures(m: EntityManager, key: string): Promise<void> {
  await m.delete(LoginThrottleEntity, { key });
}
