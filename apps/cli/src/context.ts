import { DataSource } from 'typeorm';
import { loadEnv } from '@it-samverkan/config/env';
import { openDatabase } from '@it-samverkan/persistence';

/** What commands share: the database, opened on first use and closed at exit. */
export class CliContext {
  private dataSource: DataSource | null = null;

  async db(): Promise<DataSource> {
    if (!this.dataSource) {
      const env = loadEnv();
      this.dataSource = await openDatabase(env.databaseUrl);
    }
    return this.dataSource;
  }

  async close(): Promise<void> {
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
  }

  /** Today's date, or the one given with IT_SAMVERKAN_NOW (for reproducible scripts). */
  now(): Date {
    const fixed = process.env.IT_SAMVERKAN_NOW;
    return fixed ? new Date(fixed) : new Date();
  }
}

/** Writes a value as one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(
    `${JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`,
  );
}

/** Writes a plain text table: columns padded, numbers right-aligned. */
export function printTable(headers: string[], rows: (string | number)[][], rightAlign: number[] = []): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (rightAlign.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(cells[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`);
}

/** A problem with the command line's own input (a missing file, an unknown format): exit code 2. */
export class InputError extends Error {}
