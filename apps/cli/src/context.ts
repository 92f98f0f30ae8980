import { DataSource } from 'typeorm';
import { Actor, cliActor, PersonService, personPrincipal, TokenService } from '@it-samverkan/application';
import { loadEnv } from '@it-samverkan/config/env';
import { openDatabase } from '@it-samverkan/persistence';

/** What commands share: the database, opened on first use and closed at exit. */
export class CliContext {
  private dataSource: DataSource | null = null;
  /** The person named with --as, whom the audit trail then names. */
  actingAs: string | null = null;

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

  /**
   * Who acts: the person named with --as, else the owner of the token in IT_SAMVERKAN_TOKEN, else
   * the local user as `cli:<user>` with admin rights.
   */
  async actor(): Promise<Actor> {
    if (this.actingAs) {
      const person = await new PersonService(await this.db()).find(this.actingAs);
      if (!person.active) throw new InputError(`--as: personen "${person.username}" är inaktiverad`);
      return { principal: personPrincipal(person, 'cli'), correlationId: null };
    }
    const token = process.env.IT_SAMVERKAN_TOKEN?.trim();
    if (token) {
      const principal = await new TokenService(await this.db()).authenticate(token, this.now());
      if (!principal) throw new InputError('IT_SAMVERKAN_TOKEN: ogiltig, utgången eller återkallad token');
      return { principal, correlationId: null };
    }
    return cliActor();
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
