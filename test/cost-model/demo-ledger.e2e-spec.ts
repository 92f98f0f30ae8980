import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CostModelVersionEntity, openDatabase } from '@it-samverkan/persistence';
import { freshDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

/**
 * The demo's actual model 2025 takes its pools from config/demo/huvudbok-it-2025.se, and the CLI
 * imports it again. Totals by hand from the file: personal 11 080 000.00 (5010, 12 months) +
 * 3 483 218.40 (5410, 12 × 290 268.20) = 14 563 218.40; licenser 2 450 000.00 + 1 870 432.15 +
 * 400 000.00 + 12 000.00 (#RTRANS) + 955 000.00 = 5 687 432.15; hårdvara 4 × 738 530.00 =
 * 2 954 120.00; lokaler 4 × 228 100.00 = 912 400.00; externa 4 × 312 000.00 + 940 765.35 =
 * 2 188 765.35; samverkan 280 000.00 + 105 000.00 = 385 000.00. Mapped 26 690 935.90; unmapped
 * −48 000.00 + 4 812.50 + 12 340.00 = −30 847.50.
 */
describe('The demo ledger of 2025, from the CLI', () => {
  let url: string;
  let drop: () => Promise<void>;
  const cli = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['scripts/cli.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, IT_SAMVERKAN_NOW: '2026-01-20T08:00:00Z' },
      encoding: 'utf8',
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
    expect(cli('demo').status).toBe(0);
  });
  afterAll(async () => drop());

  it('the demo imported it onto the draft actual model, and the CLI imports it again to the same pools', async () => {
    const db = await openDatabase(url);
    const actual = await db
      .getRepository(CostModelVersionEntity)
      .findOneByOrFail({ year: 2025, kind: 'actual' });
    await db.destroy();
    const run = cli('import-ledger', actual.id, 'config/demo/huvudbok-it-2025.se', '--json');
    expect(run.status).toBe(0);
    const view = JSON.parse(run.stdout);
    expect(view).toMatchObject({
      sequence: 2,
      format: 'sie4',
      source: 'vouchers',
      mappedTotal: '26690935.90',
      unmappedTotal: '-30847.50',
      scopeTotal: '26660088.40',
      reconciled: true,
      otherYears: { rows: 2, total: '0.00' },
    });
    expect(
      view.pools.map((p: { poolId: string; previousAmount: string; amount: string }) => [
        p.poolId,
        p.previousAmount,
        p.amount,
      ]),
    ).toEqual([
      ['personal', '14563218.40', '14563218.40'],
      ['licenser', '5687432.15', '5687432.15'],
      ['hardvara', '2954120.00', '2954120.00'],
      ['lokaler', '912400.00', '912400.00'],
      ['externa', '2188765.35', '2188765.35'],
      ['samverkan', '385000.00', '385000.00'],
    ]);
    expect(view.unmapped.map((u: { account: string; amount: string }) => `${u.account} ${u.amount}`)).toEqual(
      ['3590 -48000.00', '6071 4812.50', '6990 12340.00'],
    );
    const table = cli('import-ledger', actual.id, 'config/demo/huvudbok-it-2025.se');
    expect(table.stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Mappat 26 690 935,90 + omappat -30 847,50 = 26 660 088,40 kr (stämmer på öret)',
    );
  });

  it('refuses a missing file and an unknown version with a message, exit code ≠ 0', () => {
    expect(
      cli('import-ledger', '00000000-0000-4000-8000-000000000000', 'config/demo/huvudbok-it-2025.se').status,
    ).not.toBe(0);
    const missing = cli('import-ledger', '00000000-0000-4000-8000-000000000000', 'finns-inte.se');
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringContaining('finns inte')]);
  });
});
