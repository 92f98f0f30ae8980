import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readSie4 } from '@it-samverkan/files';
import { freshDatabase } from '../support/database';

const ROOT = join(__dirname, '..', '..');

describe('finance scripts a quarter end with the CLI (demo cooperation)', () => {
  let url: string;
  let drop: () => Promise<void>;
  const cli = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['scripts/cli.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, IT_SAMVERKAN_NOW: '2025-04-02T08:00:00Z' },
      encoding: 'buffer',
    });
    return {
      status: run.status,
      stdout: run.stdout,
      text: run.stdout.toString('utf8'),
      stderr: run.stderr.toString('utf8'),
    };
  };
  const json = (...args: string[]) => {
    const r = cli(...args, '--json');
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.status} ${r.stderr}`);
    return JSON.parse(r.text);
  };

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
    expect(cli('demo').status).toBe(0);
  });
  afterAll(async () => drop());

  it('runs, reruns, issues, credits, closes and reports', () => {
    const run = json('invoice', 'run', '2025-Q1');
    expect(run.createdInvoices).toBe(3);
    expect(run.addedLines).toBeGreaterThan(3);
    const rerun = json('invoice', 'run', '2025-Q1');
    expect(rerun).toMatchObject({ createdInvoices: 0, addedLines: 0, addedInternalCharges: 0 });

    const drafts = json('invoice', 'list', '--period', '2025-Q1', '--status', 'draft');
    expect(drafts.map((i: { buyer: { id: string } }) => i.buyer.id).sort()).toEqual([
      'bolag-ue',
      'lonenamnd',
      'tranemo',
    ]);
    for (const inv of drafts) {
      const net = inv.lines.reduce((s: bigint, l: { net: string }) => s + BigInt(l.net.replace('.', '')), 0n);
      expect(BigInt(inv.net.replace('.', ''))).toBe(net);
      expect(BigInt(inv.vat.replace('.', ''))).toBe((net * 25n + 50n) / 100n);
    }

    // The CLI loads the whole demo: its 2024 settlement to Tranemo is ULR-2025-00001 (issued 2025-03-14).
    const issued = json('invoice', 'issue', '--period', '2025-Q1');
    expect(issued.map((i: { number: string }) => i.number).sort()).toEqual([
      'ULR-2025-00002',
      'ULR-2025-00003',
      'ULR-2025-00004',
    ]);
    const bolag = issued.find((i: { buyer: { id: string } }) => i.buyer.id === 'bolag-ue');
    const note = json('invoice', 'credit', bolag.id, '--reason', 'Avtalet justerat');
    expect(note).toMatchObject({
      kind: 'credit-note',
      number: 'ULR-2025-00005',
      gross: bolag.gross,
      creditedInvoiceId: bolag.id,
    });
    const tooMuch = cli('invoice', 'credit', bolag.id, '--reason', 'Igen');
    expect(tooMuch.status).toBe(2);
    expect(tooMuch.stderr).toMatch(/återstår|kreditera/);

    expect(cli('period', 'close', '2025-Q1').status).toBe(0);
    const closed = cli('invoice', 'run', '2025-02');
    expect(closed.status).toBe(2);
    expect(closed.stderr).toContain('PERIOD_CLOSED');

    // the periods of 2025, newest first: April holds the credit note; the closed quarter the 2024
    // settlement (37 057.44, issued 2025-03-14) and the three invoices just issued
    const ore = (amount: string) => BigInt(amount.replace('.', ''));
    const quarterOre = issued.reduce((s: bigint, i: { gross: string }) => s + ore(i.gross), ore('37057.44'));
    expect(json('period', 'list', '--year', '2025')).toEqual([
      {
        period: '2025-04',
        drafts: 0,
        issued: 0,
        creditNotes: 1,
        issuedTotal: '0.00',
        creditedTotal: bolag.gross,
        closed: false,
      },
      {
        period: '2025-Q1',
        drafts: 0,
        issued: 4,
        creditNotes: 0,
        issuedTotal: `${quarterOre / 100n}.${String(quarterOre % 100n).padStart(2, '0')}`,
        creditedTotal: '0.00',
        closed: true,
      },
    ]);
    expect(cli('period', 'list').text.split('\n')[2]).toMatch(/^2025-04 /);
    expect(cli('period', 'list', '--year', 'tjugo').status).toBe(2);

    const appropriation = json('report', 'appropriation', '2025-Q1');
    expect(appropriation.rows.length).toBeGreaterThan(0);
    const sum = appropriation.rows.reduce(
      (s: bigint, r: { amount: string }) => s + BigInt(r.amount.replace('.', '')),
      0n,
    );
    expect(BigInt(appropriation.total.replace('.', ''))).toBe(sum);
    const internal = json('report', 'internal-charges', '2025-Q1');
    expect(internal.charges.every((c: { municipalityId: string }) => c.municipalityId === 'ulricehamn')).toBe(
      true,
    );

    const sie = cli('file', 'sie', '2025-Q1', '--out', '-');
    expect(sie.status).toBe(0);
    const doc = readSie4(sie.stdout);
    // the three invoices of the quarter and the 2024 settlement booked in it
    expect(doc.vouchers.filter((v) => v.series === 'F')).toHaveLength(4);
    for (const v of doc.vouchers) expect(v.transactions.reduce((s, tr) => s + tr.amount.ore, 0n)).toBe(0n);

    // Tranemo's own booking of what it bought in 2025: the 2024 settlement and Q1, supplier invoices from Ulricehamn.
    const purchases = cli('file', 'purchases-sie', '2025', '--buyer', 'tranemo', '--out', '-');
    expect(purchases.status).toBe(0);
    const bought = readSie4(purchases.stdout);
    expect(bought.companyName).toBe('Tranemo kommun');
    const tranemo = issued.find((i: { buyer: { id: string } }) => i.buyer.id === 'tranemo');
    expect(bought.vouchers.map((v) => v.text)).toEqual([
      'Leverantörsfaktura ULR-2025-00001 Ulricehamns kommun',
      `Leverantörsfaktura ${tranemo.number} Ulricehamns kommun`,
    ]);
  });

  it('rejects a bad period with exit code 2 and the field on stderr', () => {
    const bad = cli('invoice', 'run', '2025-13');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('period');
    expect(bad.text).toBe('');
  });
});
