import { DataSource } from 'typeorm';
import { openSqlite, SqliteDatabase, SqliteStatement } from '../sqlite/better-sqlite3';

/** One client's requests in the current fixed window. */
export interface RateLimitWindow {
  /** Requests counted in the window, this one included. */
  hits: number;
  /** When the window ends and counting starts again from zero (epoch milliseconds). */
  endsAt: number;
}

/**
 * Counts requests per key in fixed windows, shared by every API process that uses the same
 * database: each addition is one atomic statement, so two processes never lose or double a count.
 */
export interface RateLimitCounter {
  /**
   * Adds `count` requests (0 only reads) to the key's window, starting a new window of
   * `windowMs` when the stored one ended by `now`; answers the window after the addition.
   */
  add(key: string, count: number, windowMs: number, now: number): Promise<RateLimitWindow>;
  close(): Promise<void>;
}

/** Counters whose window ended this long ago are deleted now and then. */
const FORGET_AFTER_MS = 10 * 60_000;
/** Every this many hits a process deletes forgotten counters. */
const SWEEP_EVERY = 1000;

/** Keys are stored as given; the column holds 200 characters. */
export const RATE_LIMIT_KEY_LENGTH = 200;

type CounterRow = { hits: number | string; window_ends_at: number | string };

const MYSQL_UPSERT =
  'INSERT INTO `rate_limit_counter` (`counter_key`, `hits`, `window_ends_at`) VALUES (?, ?, ?) ' +
  'ON DUPLICATE KEY UPDATE `hits` = IF(`window_ends_at` <= ?, ?, `hits` + ?), ' +
  '`window_ends_at` = IF(`window_ends_at` <= ?, ?, `window_ends_at`)';

/** MySQL rejects RETURNING as a syntax error (ER_PARSE_ERROR) before running anything. */
function isParseError(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };
  return (
    (e?.driverError?.code ?? e?.code) === 'ER_PARSE_ERROR' || (e?.driverError?.errno ?? e?.errno) === 1064
  );
}

/**
 * MySQL/MariaDB: the `rate_limit_counter` table (migration 1764106000000), updated with one
 * INSERT … ON DUPLICATE KEY UPDATE outside any transaction. MariaDB (10.5+) returns the counted
 * row from that same statement (RETURNING: one round trip per request); MySQL, which has no
 * RETURNING, reads it back with a second statement.
 */
export class MysqlRateLimitCounter implements RateLimitCounter {
  private hitsSinceSweep = 0;
  /** Whether the server takes INSERT … RETURNING; unknown until the first hit. */
  private returning: boolean | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async add(key: string, count: number, windowMs: number, now: number): Promise<RateLimitWindow> {
    const k = key.slice(0, RATE_LIMIT_KEY_LENGTH);
    const parameters = [k, count, now + windowMs, now, count, count, now, now + windowMs];
    let row: CounterRow | undefined;
    if (this.returning !== false) {
      try {
        [row] = (await this.dataSource.query(
          `${MYSQL_UPSERT} RETURNING \`hits\`, \`window_ends_at\``,
          parameters,
        )) as CounterRow[];
        this.returning = true;
      } catch (error) {
        if (this.returning === true || !isParseError(error)) throw error;
        this.returning = false;
      }
    }
    if (this.returning === false) {
      await this.dataSource.query(MYSQL_UPSERT, parameters);
      [row] = (await this.dataSource.query(
        'SELECT `hits`, `window_ends_at` FROM `rate_limit_counter` WHERE `counter_key` = ?',
        [k],
      )) as CounterRow[];
    }
    if (++this.hitsSinceSweep >= SWEEP_EVERY) {
      this.hitsSinceSweep = 0;
      await this.dataSource.query('DELETE FROM `rate_limit_counter` WHERE `window_ends_at` < ?', [
        now - FORGET_AFTER_MS,
      ]);
    }
    if (!row) throw new Error(`rate_limit_counter: no row for ${k} after counting`);
    return { hits: Number(row.hits), endsAt: Number(row.window_ends_at) };
  }

  async close(): Promise<void> {
    // The data source belongs to the application.
  }
}

/**
 * SQLite: a small database file beside the main one (`<file>-rate-limits`), with a connection of
 * its own. Counting is a write; in the main file it would wait for (or block the event loop
 * behind) the one writer while an import runs, so the counters live where no business
 * transaction ever holds the lock. Processes sharing the main file share this one too.
 */
export class SqliteRateLimitCounter implements RateLimitCounter {
  private readonly db: SqliteDatabase;
  private readonly upsert: SqliteStatement;
  private readonly sweep: SqliteStatement;
  private hitsSinceSweep = 0;

  constructor(file: string) {
    this.db = openSqlite(file, { timeout: 1000 });
    this.db.pragma('journal_mode = WAL');
    // Counters need not survive a power cut; every hit must stay fast.
    this.db.pragma('synchronous = OFF');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS rate_limit_counter (counter_key varchar(200) PRIMARY KEY NOT NULL, ' +
        'hits integer NOT NULL, window_ends_at bigint NOT NULL)',
    );
    this.upsert = this.db.prepare(
      'INSERT INTO rate_limit_counter (counter_key, hits, window_ends_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (counter_key) DO UPDATE SET ' +
        'hits = CASE WHEN window_ends_at <= ? THEN ? ELSE hits + ? END, ' +
        'window_ends_at = CASE WHEN window_ends_at <= ? THEN ? ELSE window_ends_at END ' +
        'RETURNING hits, window_ends_at',
    );
    this.sweep = this.db.prepare('DELETE FROM rate_limit_counter WHERE window_ends_at < ?');
  }

  async add(key: string, count: number, windowMs: number, now: number): Promise<RateLimitWindow> {
    const k = key.slice(0, RATE_LIMIT_KEY_LENGTH);
    const row = this.upsert.get(k, count, now + windowMs, now, count, count, now, now + windowMs) as {
      hits: number;
      window_ends_at: number;
    };
    if (++this.hitsSinceSweep >= SWEEP_EVERY) {
      this.hitsSinceSweep = 0;
      this.sweep.run(now - FORGET_AFTER_MS);
    }
    return { hits: Number(row.hits), endsAt: Number(row.window_ends_at) };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** One process's own counters, for a single process on an in-memory database (tests, trials). */
export class MemoryRateLimitCounter implements RateLimitCounter {
  private readonly windows = new Map<string, RateLimitWindow>();

  async add(key: string, count: number, windowMs: number, now: number): Promise<RateLimitWindow> {
    const current = this.windows.get(key);
    const next =
      !current || current.endsAt <= now
        ? { hits: count, endsAt: now + windowMs }
        : { hits: current.hits + count, endsAt: current.endsAt };
    this.windows.set(key, next);
    if (this.windows.size > 100_000) {
      for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
    }
    return next;
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}

/** The counter shared through the application's database. */
export function databaseRateLimitCounter(dataSource: DataSource): RateLimitCounter {
  if (dataSource.options.type === 'mysql') return new MysqlRateLimitCounter(dataSource);
  const file = String(dataSource.options.database);
  return file === ':memory:'
    ? new MemoryRateLimitCounter()
    : new SqliteRateLimitCounter(`${file}-rate-limits`);
}
