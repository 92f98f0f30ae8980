import { DataSource } from 'typeorm';
import { CostModelVersionEntity, openDatabase } from '@it-samverkan/persistence';
import { freshDatabase } from '../support/database';
import { runCli, writeTempFiles } from '../forums/forum-fixtures';

/** The command line on a real database: a mapping saved, a device register imported into the demo's draft. */
describe('CLI: register mapping save and register import on the database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let actualId: string;
  const files = writeTempFiles({
    'rules.json': JSON.stringify([
      { match: { Ansvar: '1100' }, consumer: 'ulr-ks' },
      { match: { Ansvar: '4000' }, consumer: 'ulr-vof' },
    ]),
    'datorer.csv': 'Serienummer;Ansvar\nPC-1;1100\nPC-2;4000\nPC-3;4000\nPC-4;9999\n',
    'trasig.csv': 'Serienummer;Kod\nPC-1;1100\n',
  });

  beforeAll(async () => {
    db = await freshDatabase();
    expect(runCli(['demo'], db.url).status).toBe(0);
    dataSource = await openDatabase(db.url);
    actualId = (
      await dataSource.getRepository(CostModelVersionEntity).findOneByOrFail({ kind: 'actual', year: 2025 })
    ).id;
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('saves a mapping, imports a register into the draft and lists the import', async () => {
    const saved = runCli(['register', 'mapping', 'save', 'Ansvar Ulricehamn', files['rules.json']], db.url);
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toContain('Mappningen "Ansvar Ulricehamn" sparad (2 regler)');
    const args = [
      'register',
      'import',
      actualId,
      files['datorer.csv'],
      '--driver',
      'devices',
      '--kind',
      'devices',
    ];
    const run = runCli(
      [...args, '--snapshot', '2025-10-01', '--mapping', 'Ansvar Ulricehamn', '--json'],
      db.url,
    );
    expect(run.stderr).toBe('');
    const view = JSON.parse(run.stdout);
    expect(view.volumes).toEqual([
      { consumer: 'ulr-ks', volume: '1', rows: 1 },
      { consumer: 'ulr-vof', volume: '2', rows: 2 },
    ]);
    expect(view.unmatched).toEqual([
      { line: 5, value: '9999', reason: 'Ingen regel i mappningen passar värdet' },
    ]);
    const doc = (await dataSource.getRepository(CostModelVersionEntity).findOneByOrFail({ id: actualId }))
      .document as any;
    expect(doc.volumes.devices).toEqual({ 'ulr-ks': '1', 'ulr-vof': '2' });
    const table = runCli(['register', 'list', actualId], db.url);
    expect(table.stdout).toMatch(/devices\s+devices\s+2025-10-01\s+datorer\.csv\s+3\s+4/);
  });

  it('budget next-year drafts 2026 from the approved 2025 budget and budget changes shows the table', async () => {
    const budgetId = (
      await dataSource.getRepository(CostModelVersionEntity).findOneByOrFail({ kind: 'budget', year: 2025 })
    ).id;
    const run = runCli(
      ['budget', 'next-year', budgetId, '--index', 'personal=3.5', '--index', 'licenser=6', '--json'],
      db.url,
    );
    expect(run.stderr).toBe('');
    const view = JSON.parse(run.stdout);
    expect(view.changes.total).toMatchObject({
      last: '26300000.00',
      next: '27121000.00',
      change: '821000.00',
    });
    const table = runCli(['budget', 'changes', view.version.id], db.url);
    expect(table.stdout).toMatch(
      /personal\s+Personalkostnader\s+14200000\.00\s+14697000\.00\s+497000\.00\s+3\.5 %/,
    );
    const bad = runCli(['budget', 'next-year', budgetId, '--index', 'personal'], db.url);
    expect(bad.status).toBe(2);
  });

  it('refuses an unreadable register with exit code 2 and the problem on stderr', () => {
    const run = runCli(
      [
        'register',
        'import',
        actualId,
        files['trasig.csv'],
        '--driver',
        'devices',
        '--kind',
        'devices',
        '--snapshot',
        '2025-10-01',
        '--mapping',
        'Ansvar Ulricehamn',
      ],
      db.url,
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Fel (REGISTER_UNREADABLE)');
    expect(run.stderr).toContain('line 1: Rad 1: kolumnen "Ansvar" saknas');
  });
});
