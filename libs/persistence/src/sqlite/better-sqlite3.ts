/**
 * The few parts of better-sqlite3 this project calls directly (TypeORM drives the rest): its
 * package has no type declarations of its own, and @types would be one more package for five
 * methods.
 */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqliteDatabase {
  readonly open: boolean;
  readonly inTransaction: boolean;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  exec(source: string): void;
  prepare(source: string): SqliteStatement;
  /** The online backup API: a consistent copy page by page while other connections write. */
  backup(
    destination: string,
    options?: { progress?: (p: { totalPages: number; remainingPages: number }) => number },
  ): Promise<{ totalPages: number; remainingPages: number }>;
  close(): void;
}

export interface SqliteOpenOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Milliseconds to wait for a lock (busy timeout). */
  timeout?: number;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BetterSqlite3 = require('better-sqlite3') as new (
  file: string,
  options?: SqliteOpenOptions,
) => SqliteDatabase;

/** Opens a SQLite file with its own connection. */
export function openSqlite(file: string, options: SqliteOpenOptions = {}): SqliteDatabase {
  return new BetterSqlite3(file, options);
}
