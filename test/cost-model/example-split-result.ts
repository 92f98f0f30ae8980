import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export { EXAMPLE_SPLIT_RESULT } from '../factories/example-split-result';

export const REPO_ROOT = join(__dirname, '..', '..');

/** Runs the CLI as a user would (node scripts/cli.js …) from the repository root. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('node', ['scripts/cli.js', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, IT_SAMVERKAN_NOW: '2026-02-10T09:00:00Z', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** "1 400 000,00" or "1400000,00" → "1400000.00"; sums of such amounts in öre, exactly. */
export const oreOf = (amount: string | number): bigint => {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.replace(/\s/g, '').replace(',', '.');
  const [kr, ore = ''] = text.split('.');
  const sign = kr.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(kr.replace('-', '')) * 100n + BigInt((ore + '00').slice(0, 2)));
};
