import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The split result document of DOMAIN.md 5.4 for the model of 5.1, written out in full with the figures of 5.3. */
export const EXAMPLE_SPLIT_RESULT = {
  format: 'it-samverkan/split-result@1',
  model: 'Tjänstefiering 2025, budget',
  year: 2025,
  total: '1400000.00',
  services: [
    {
      id: 'ledning',
      direct: '200000.00',
      received: '0.00',
      total: '200000.00',
      driver: null,
      volume: null,
      unitPrice: null,
    },
    {
      id: 'arbetsplats',
      direct: '800000.00',
      received: '133333.33',
      total: '933333.33',
      driver: 'devices',
      volume: '1000',
      unitPrice: '933.33',
    },
    {
      id: 'servicedesk',
      direct: '400000.00',
      received: '66666.67',
      total: '466666.67',
      driver: 'users',
      volume: '1000',
      unitPrice: '466.67',
    },
  ],
  consumers: [
    {
      id: 'ulr-ks',
      municipality: 'ulricehamn',
      total: '886666.67',
      services: { arbetsplats: '560000.00', servicedesk: '326666.67' },
    },
    {
      id: 'tra-oms',
      municipality: 'tranemo',
      total: '396666.67',
      services: { arbetsplats: '280000.00', servicedesk: '116666.67' },
    },
    {
      id: 'bolag-b1',
      municipality: 'ulricehamn',
      total: '116666.66',
      services: { arbetsplats: '93333.33', servicedesk: '23333.33' },
    },
  ],
  municipalities: [
    { id: 'ulricehamn', total: '1003333.33' },
    { id: 'tranemo', total: '396666.67' },
  ],
};

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
