import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  AuditEntryEntity,
  InvoiceCounterEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  openDatabase,
} from '@it-samverkan/persistence';
import { freshDatabase } from '../support/database';
import { databaseSnapshot } from '../support/db-snapshot';
import { startTestApp, TestApp } from '../support/test-app';
import { insertDrafts } from '../invoicing/support';

const ROOT = join(__dirname, '..', '..');
const WORKERS = 6;
/** Each command-line run starts a Node process; on a busy machine that takes seconds. */
jest.setTimeout(120_000);

/** The command line as its own process, so the API in this process keeps serving meanwhile. */
function cli(
  url: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/cli.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Rows as they are stored, keyed by id, for comparing two databases. */
async function rowsById<T extends { id: string | number }>(
  db: DataSource,
  entity: new () => T,
): Promise<Map<string, string>> {
  const rows = await db.getRepository(entity).find();
  return new Map(
    rows.map((r) => [String(r.id), JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))]),
  );
}

describe('backup while the API writes, restore into an empty database', () => {
  let t: TestApp;
  let finance: string;
  let folder: string;
  const restored: { db: DataSource; drop: () => Promise<void> }[] = [];

  const restore = async (file: string): Promise<DataSource> => {
    const target = await freshDatabase();
    const run = await cli(target.url, 'restore', file);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const db = await openDatabase(target.url);
    restored.push({ db, drop: target.drop });
    return db;
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    finance = await t.token('finance');
    folder = mkdtempSync(join(tmpdir(), 'its-backup-'));
  });
  afterAll(async () => {
    for (const r of restored) {
      await r.db.destroy();
      await r.drop();
    }
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a backup taken under load is one committed state; one taken at rest is identical', async () => {
    const drafts = await insertDrafts(t.dataSource, 40, '2025-12');
    const lines: string[] = [];
    let issued = 0;
    let credited = 0;
    let backupDone = false;
    let afterBackup = 0;
    // Each worker issues a draft while there are drafts, else credits 1.00 of an issued line,
    // until the backup has finished and it has done one more round after it (so the final state
    // is surely later than the backup).
    const worker = async (w: number) => {
      for (let round = 0, roundsAfter = 0; roundsAfter < 1; round++) {
        if (backupDone) roundsAfter++;
        const id = drafts.shift();
        if (id) {
          const res = await t.http
            .post(`/api/v1/invoices/${id}/issue`)
            .set(t.auth(finance))
            .send({})
            .expect(200);
          lines.push(`${id} ${res.body.lines[0].id}`);
          issued++;
        } else {
          const [invoiceId, lineId] = lines[(w * 7 + round) % lines.length].split(' ');
          await t.http
            .post(`/api/v1/invoices/${invoiceId}/credit`)
            .set(t.auth(finance))
            .send({ reason: 'Rättelse', lines: [{ lineId, amount: '1.00' }] })
            .expect(201);
          credited++;
        }
        if (backupDone) afterBackup++;
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    while (issued < 5) await new Promise((r) => setTimeout(r, 20));
    const midFile = join(folder, 'under-last.backup');
    const mid = await cli(t.env.databaseUrl, 'backup', midFile);
    backupDone = true;
    expect([mid.code, mid.stderr]).toEqual([0, '']);
    expect(mid.stdout).toMatch(
      /^Säkerhetskopia \((sqlite|mysql)\) skriven till .+under-last\.backup, [\d\s]+ kB\.\n$/,
    );
    await load;
    expect(afterBackup).toBeGreaterThanOrEqual(WORKERS);

    const atRestFile = join(folder, 'i-vila.backup');
    expect((await cli(t.env.databaseUrl, 'backup', atRestFile)).code).toBe(0);

    // At rest: every table, row for row, is the source's.
    const atRest = await restore(atRestFile);
    expect(await databaseSnapshot(atRest)).toBe(await databaseSnapshot(t.dataSource));
    expect(await atRest.getRepository(InvoiceEntity).countBy({ kind: 'credit-note' })).toBe(credited);
    expect(
      await atRest
        .getRepository(InvoiceEntity)
        .countBy({ period: '2025-12', status: 'issued', kind: 'invoice' }),
    ).toBe(issued);

    // Under load: a committed state, earlier than the end. Every invoice and line it holds is the
    // source's (issued documents never change), every audit entry is the source's, and nothing
    // is half there: each issued invoice has its issue audit entry, each credit note its credit entry.
    const underLoad = await restore(midFile);
    const sourceInvoices = await rowsById(t.dataSource, InvoiceEntity);
    const midInvoices = await rowsById(underLoad, InvoiceEntity);
    const midIssued = [...midInvoices.values()].filter((r) => JSON.parse(r).status === 'issued');
    expect(midIssued.length).toBeGreaterThan(0);
    for (const row of midIssued) expect(sourceInvoices.get(JSON.parse(row).id)).toBe(row);
    const sourceLines = await rowsById(t.dataSource, InvoiceLineEntity);
    for (const [id, row] of await rowsById(underLoad, InvoiceLineEntity))
      expect(sourceLines.get(id)).toBe(row);
    const sourceAudit = await rowsById(t.dataSource, AuditEntryEntity);
    const midAudit = await rowsById(underLoad, AuditEntryEntity);
    for (const [id, row] of midAudit) expect(sourceAudit.get(id)).toBe(row);
    expect(midAudit.size).toBeLessThan(sourceAudit.size);
    const audits = async (action: string) => underLoad.getRepository(AuditEntryEntity).countBy({ action });
    const docs = async (kind: 'invoice' | 'credit-note') =>
      underLoad.getRepository(InvoiceEntity).countBy({ kind, status: 'issued', issuerId: 'ulricehamn' });
    expect(await audits('issue')).toBe(await docs('invoice'));
    expect(await audits('credit')).toBe(await docs('credit-note'));

    // The number series: gapless from 1 to the counter, in the backup as in the source.
    for (const db of [underLoad, t.dataSource]) {
      const counter = await db
        .getRepository(InvoiceCounterEntity)
        .findOneByOrFail({ issuerId: 'ulricehamn', year: 2025 });
      const numbers = (
        await db.getRepository(InvoiceEntity).findBy({ issuerId: 'ulricehamn', status: 'issued' })
      )
        .map((i) => Number(/-(\d+)$/.exec(i.number!)![1]))
        .sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: counter.lastNumber }, (_, i) => i + 1));
    }
  }, 300_000);

  it('refuses to restore into a database that is not empty, and changes nothing', async () => {
    const before = await databaseSnapshot(t.dataSource);
    const run = await cli(t.env.databaseUrl, 'restore', join(folder, 'i-vila.backup'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Fel \(RESTORE_TARGET_NOT_EMPTY\): Databasen .+ är inte tom \(\d+ tabeller\); återställ bara till en ny, tom databas\n$/,
    );
    expect(await databaseSnapshot(t.dataSource)).toBe(before);
  });

  it('never overwrites an existing backup file', async () => {
    const run = await cli(t.env.databaseUrl, 'backup', join(folder, 'i-vila.backup'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('BACKUP_FILE_EXISTS');
  });
});
