import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { openDatabase, TicketEntity } from '@it-samverkan/persistence';
import { freshDatabase } from '../support/database';
import { CALL_HEADER, csv, HAND_CALLS, runCli, TICKET_HEADER, writeTempFiles } from './forum-fixtures';

/** The command line on a real database: the demo's T1 report for IT-forum drift, imports and the XLSX file. */
describe('CLI: sla <tertial> and sla-import on the database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  const files = writeTempFiles({
    'bad-tickets.csv': csv(TICKET_HEADER, [
      ['CLI-1', '2025-02-03 09:00', '2025-02-03 10:00', 'tranemo', '1', 'ja', 'ja'],
      ['CLI-2', '2025-02-03 09:00', '2025-02-02 10:00', 'tranemo', '1', 'ja', 'ja'],
    ]),
    'tickets.csv': csv(
      TICKET_HEADER,
      [['CLI-1', '2025-02-03 09:00', '2025-02-03 10:00', 'tranemo', '1', 'ja', 'ja']],
      { separator: ';' },
    ),
    'calls.csv': csv(CALL_HEADER, HAND_CALLS.slice(0, 2)),
  });
  const report = () => JSON.parse(runCli(['sla', '2025-T1', '--json'], db.url).stdout);

  beforeAll(async () => {
    db = await freshDatabase();
    const demo = runCli(['demo'], db.url);
    expect(demo.stderr).toBe('');
    expect(demo.status).toBe(0);
    dataSource = await openDatabase(db.url);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('gives IT-forum drift the T1 report of the demo cooperation, per municipality and in total', () => {
    const doc = report();
    expect(doc).toMatchObject({
      tertial: '2025-T1',
      asOf: '2025-05-05T06:00:00.000Z',
      targets: { year: 2025, source: 'default' },
    });
    expect(doc.municipalities.map((m: { municipality: string }) => m.municipality)).toEqual([
      'tranemo',
      'ulricehamn',
    ]);
    expect(doc.total.counts).toMatchObject({ ticketsOpened: 300, calls: 500 });
    const sum = (key: string) =>
      doc.municipalities.reduce((n: number, m: { counts: Record<string, number> }) => n + m.counts[key], 0);
    expect(sum('ticketsOpened')).toBe(300);
    expect(doc.total.counts.surveySelected).toBe(Math.floor(doc.total.counts.ticketsResolvedInTertial / 4));
    expect(doc.total.counts.surveyAnswers).toBeGreaterThan(0);
    for (const m of doc.total.measures) expect(m.share).toMatch(/^\d{1,3}\.\d$/);

    const table = runCli(['sla', '2025-T1'], db.url);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Servicenivåer 2025-T1 (2025-01-01 – 2025-04-30)');
    expect(table.stdout).toMatch(/Samtliga\s+Ärenden lösta i första linjen\s+\d+\/\d+/);
    expect(table.stdout).toMatch(/Uppfyllt|Ej uppfyllt/);
  });

  it('sla-import rejects a file with a bad line (exit 2, line on stderr) and stores nothing; a good file is imported once', async () => {
    const tickets = () => dataSource.getRepository(TicketEntity).count();
    const before = await tickets();
    const bad = runCli(['sla-import', 'tickets', files['bad-tickets.csv']], db.url);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain(
      'Fel (TICKET_CSV_INVALID): Filen har 1 fel och lästes inte in; ingen rad har sparats',
    );
    expect(bad.stderr).toContain(
      'line 3.resolved: Rad 3: ärendet kan inte vara löst (2025-02-02 10:00) innan det öppnades (2025-02-03 09:00)',
    );
    expect(await tickets()).toBe(before);

    expect(runCli(['sla-import', 'tickets', files['tickets.csv']], db.url).stdout).toBe(
      '1 rader lästa: 1 nya, 0 ändrade, 0 oförändrade.\n',
    );
    expect(runCli(['sla-import', 'tickets', files['tickets.csv'], '--json'], db.url).stdout).toContain(
      '"unchanged": 1',
    );
    expect(await tickets()).toBe(before + 1);
    expect(runCli(['sla-import', 'phones', files['calls.csv']], db.url)).toMatchObject({
      status: 2,
      stderr: 'Fel: Okänd sort "phones": ange tickets, calls eller survey\n',
    });
    expect(runCli(['sla-import', 'calls', '/no/such.csv'], db.url)).toMatchObject({
      status: 2,
      stderr: 'Fel: Filen /no/such.csv finns inte\n',
    });
  });

  it('--xlsx writes the report file; a bad tertial exits 2', async () => {
    const path = `${files['calls.csv']}.xlsx`;
    const out = runCli(['sla', '2025-T1', '--municipality', 'tranemo', '--xlsx', path], db.url);
    expect(out.status).toBe(0);
    expect(existsSync(path)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const rows = wb
      .getWorksheet('Servicenivåer')!
      .getSheetValues()
      .slice(2)
      .map((r) => (r as ExcelJS.CellValue[])[1]);
    expect(new Set(rows)).toEqual(new Set(['Tranemo kommun']));
    const bad = runCli(['sla', '2025-13'], db.url);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('tertial: Ogiltig tertial "2025-13"');
  });

  it('utveckling list --meeting and charges <month> show the demo requests and their billable hours', () => {
    const list = runCli(['utveckling', 'list', '--meeting', '2025-02-12', '--json'], db.url);
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(3);
    const charges = JSON.parse(runCli(['utveckling', 'charges', '2025-03', '--json'], db.url).stdout);
    expect(charges.map((c: { consumerId: string; hours: string }) => [c.consumerId, c.hours])).toEqual([
      ['ulr-bou', '8'],
      ['tra-oms', '4'],
    ]);
  });
});
