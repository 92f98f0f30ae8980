import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { MunicipalityEntity } from '@it-samverkan/persistence';

/** Ulricehamn and Tranemo only (no demo data), so a tertial holds exactly what a test imports. */
export async function seedMunicipalities(dataSource: DataSource): Promise<void> {
  const row = (id: string, name: string, orgNo: string, code: string) => ({
    id,
    name,
    orgNo,
    vatNo: `SE${orgNo.replace('-', '')}01`,
    peppolId: `0007:${orgNo.replace('-', '')}`,
    street: 'Box 1',
    postalCode: '523 21',
    city: name,
    bankgiro: null,
    counterpartyCode: code,
  });
  await dataSource
    .getRepository(MunicipalityEntity)
    .insert([
      row('ulricehamn', 'Ulricehamns kommun', '212000-1561', '81-ULR'),
      row('tranemo', 'Tranemo kommun', '212000-1538', '81-TRA'),
    ]);
}

/** A CSV: header and rows joined with `separator`, optionally with a BOM and CRLF. */
export function csv(
  header: string[],
  rows: string[][],
  options: { separator?: ',' | ';'; bom?: boolean; crlf?: boolean } = {},
): string {
  const sep = options.separator ?? ',';
  const eol = options.crlf ? '\r\n' : '\n';
  return `${options.bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => r.join(sep)).join(eol)}${eol}`;
}

export const TICKET_HEADER = ['id', 'opened', 'resolved', 'municipality', 'line', 'firstLine', 'ordinary'];
export const CALL_HEADER = ['id', 'time', 'municipality', 'waitSeconds', 'answered'];
export const SURVEY_HEADER = ['id', 'ticketId', 'satisfied', 'answeredAt'];

/**
 * The hand-computed T1 2025 (the same tickets as libs/domain/src/service-levels/
 * service-levels-tertial-example.spec.ts, where each deadline is worked out).
 */
export const HAND_TICKETS = [
  ['T-00', '2024-12-30 10:00', '2025-01-02 10:00', 'ulricehamn', '1', 'ja', 'ja'],
  ['T-01', '2025-01-08 09:00', '2025-01-08 11:00', 'ulricehamn', '1', 'ja', 'ja'],
  ['T-02', '2025-01-08 10:00', '2025-01-10 09:00', 'ulricehamn', '2', 'nej', 'ja'],
  ['T-03', '2025-03-14 16:00', '2025-03-17 10:00', 'ulricehamn', '1', 'ja', 'ja'], // Friday 16:00 → Monday 10:00
  ['T-04', '2025-03-14 16:45', '2025-03-18 16:00', 'ulricehamn', '2', 'nej', 'ja'],
  ['T-05', '2025-01-05 12:00', '2025-01-08 16:29', 'ulricehamn', '1', 'ja', 'ja'],
  ['T-06', '2025-02-03 09:00', '2025-02-20 10:00', 'ulricehamn', '3', 'nej', 'nej'],
  ['T-07', '2025-04-28 10:00', '', 'ulricehamn', '1', 'nej', 'ja'],
  ['T-08', '2025-04-30 15:00', '2025-05-02 09:00', 'ulricehamn', '1', 'ja', 'ja'],
  ['TR-1', '2025-02-10 08:00', '2025-02-10 09:00', 'tranemo', '1', 'ja', 'ja'],
];

export const HAND_CALLS = [
  ['C-01', '2025-01-08 08:00:00', 'ulricehamn', '5', 'ja'],
  ['C-02', '2025-01-08 08:05:00', 'ulricehamn', '10', 'ja'],
  ['C-03', '2025-01-08 08:10:00', 'ulricehamn', '11', 'ja'],
  ['C-04', '2025-02-03 09:00:00', 'ulricehamn', '30', 'ja'],
  ['C-05', '2025-02-03 09:30:00', 'ulricehamn', '60', 'ja'],
  ['C-06', '2025-02-03 10:00:00', 'ulricehamn', '61', 'ja'],
  ['C-07', '2025-03-03 10:00:00', 'ulricehamn', '0', 'ja'],
  ['C-08', '2025-03-03 10:05:00', 'ulricehamn', '45', 'nej'],
  ['C-09', '2025-04-01 13:00:00', 'ulricehamn', '8', 'ja'],
  ['C-10', '2025-04-01 13:10:00', 'ulricehamn', '120', 'nej'],
  ['C-11', '2025-05-02 08:00:00', 'ulricehamn', '3', 'ja'],
];

export const HAND_ANSWERS = [
  ['S-1', 'T-00', 'ja', '2025-01-03 09:00'],
  ['S-2', 'T-02', 'nej', '2025-01-13 10:00'],
  ['S-3', 'T-04', 'ja', '2025-03-19 08:00'],
];

/** Writes files into a fresh temporary directory and returns their paths. */
export function writeTempFiles(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'its-forums-'));
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content, 'utf8');
      return [name, path];
    }),
  );
}

/** Runs `npm run --silent cli -- <args>` against a database, with a fixed "now". */
export function runCli(
  args: string[],
  databaseUrl: string,
  now = '2025-05-05T06:00:00Z',
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, IT_SAMVERKAN_NOW: now },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
