type DriverError = { code?: string; errno?: number; driverError?: { code?: string; errno?: number } };

/** True when a database error is a primary-key or unique-index violation (SQLite or MySQL/MariaDB). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as DriverError;
  const code = e?.driverError?.code ?? e?.code ?? '';
  const errno = e?.driverError?.errno ?? e?.errno;
  return (
    code === 'ER_DUP_ENTRY' ||
    errno === 1062 ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

/** True when MySQL/MariaDB chose this transaction as a deadlock victim; nothing of it was stored. */
export function isDeadlock(error: unknown): boolean {
  const e = error as DriverError;
  return (
    (e?.driverError?.code ?? e?.code) === 'ER_LOCK_DEADLOCK' || (e?.driverError?.errno ?? e?.errno) === 1213
  );
}
