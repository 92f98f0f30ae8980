import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_ON_CALL_TARIFF } from '@it-samverkan/config/demo/on-call';

/** The DOMAIN.md 6.1 tariff document (the demo tariff), with fields overridden. */
export function tariffDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...JSON.parse(JSON.stringify(DEMO_ON_CALL_TARIFF)), ...overrides };
}

/** The JSON body of one incident (POST on-call/incidents). */
export function incidentBody(id: string, start: string, end: string, consumer = 'tra-kl') {
  return { id, start, end, consumer, system: 'Verksamhetssystem', description: `Ärende ${id}` };
}

/** An incident CSV: header and rows joined with `separator`, optionally with a BOM and CRLF. */
export function incidentCsv(
  rows: string[][],
  options: { separator?: ',' | ';'; bom?: boolean; crlf?: boolean } = {},
): string {
  const sep = options.separator ?? ',';
  const eol = options.crlf ? '\r\n' : '\n';
  const lines = [['id', 'start', 'end', 'consumer', 'system', 'description'], ...rows].map((r) =>
    r.join(sep),
  );
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

/** The four worked examples of DOMAIN.md 6.3, as CSV rows for `consumer`. */
export function workedExampleRows(prefix: string, consumer: string): string[][] {
  return [
    [`${prefix}-1`, '2025-03-11 16:00', '2025-03-11 16:50', consumer, 'Skolplattform', 'Kvällsärende'],
    [`${prefix}-2`, '2025-06-20 15:00', '2025-06-20 17:10', consumer, 'Lönesystem', 'Midsommarafton'],
    [
      `${prefix}-3`,
      '2025-03-14 21:40',
      '2025-03-15 00:20',
      consumer,
      'Trygghetslarm',
      'Fredag kväll till lördag',
    ],
    [`${prefix}-4`, '2025-03-12 09:00', '2025-03-12 10:00', consumer, 'Lönesystem', 'Inom supporttid'],
  ];
}

/** Writes files into a fresh temporary directory and returns their paths. */
export function writeTempFiles(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'its-on-call-'));
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content, 'utf8');
      return [name, path];
    }),
  );
}

/** Runs `npm run --silent cli -- <args>` in the repository, as a user would. */
export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    // The command needs no database: one that cannot be opened proves it never tries.
    env: { ...process.env, DATABASE_URL: 'sqlite:/nonexistent/dir/never-opened.sqlite' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
