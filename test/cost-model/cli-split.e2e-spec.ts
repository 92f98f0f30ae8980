import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { costModelToXlsx, SPLIT_XLSX_HEADING_ROW } from '@it-samverkan/application';
import { cloneDocument, exampleModel } from '../factories/cost-model';
import { EXAMPLE_SPLIT_RESULT, oreOf, runCli } from './example-split-result';

describe('CLI: split and settle (no database)', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const write = (name: string, value: unknown) => {
    writeFileSync(file(name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return file(name);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'its-cli-split-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('split --json prints exactly the split-result document of 5.4 for the model of 5.1', () => {
    const run = runCli(['split', write('model.json', exampleModel()), '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXAMPLE_SPLIT_RESULT);
    // Field for field in model order, formatted as JSON.stringify(doc, null, 2).
    expect(run.stdout).toBe(`${JSON.stringify(EXAMPLE_SPLIT_RESULT, null, 2)}\n`);
  });

  it('split prints a readable Swedish table by default', () => {
    const run = runCli(['split', file('model.json')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tjänster');
    expect(run.stdout).toMatch(
      /arbetsplats\s+Arbetsplatstjänst\s+800\u00a0000,00\s+133\u00a0333,33\s+933\u00a0333,33\s+devices\s+1000\s+933,33/,
    );
    expect(run.stdout).toMatch(/bolag-b1\s+Exempelbolaget AB\s+ulricehamn\s+116\u00a0666,66/);
    expect(run.stdout).toMatch(/ulricehamn\s+1\u00a0003\u00a0333,33/);
    expect(run.stdout).toContain('Totalt: 1\u00a0400\u00a0000,00 kr');
  });

  it('an invalid model: exit 2, every problem on stderr as "path: message", nothing on stdout', () => {
    const doc = cloneDocument(exampleModel()) as any;
    doc.pools[0].amount = '1000000.001';
    doc.pools[1].to = { okand: 1 };
    doc.volumes.devices['ulr-ks'] = -5;
    const run = runCli(['split', write('bad.json', doc), '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\s*pools\[0\]\.amount: .+$/m);
    expect(run.stderr).toMatch(/^\s*pools\[1\]\.to\.okand: .+$/m);
    expect(run.stderr).toMatch(/^\s*volumes\.devices\.ulr-ks: .+$/m);
  });

  it('a missing file, an unknown extension and broken JSON: exit 2 with a clear message', () => {
    const missing = runCli(['split', file('finns-inte.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('finns inte');
    const unknown = runCli(['split', write('model.txt', 'x')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('okänd filändelse');
    const broken = runCli(['split', write('broken.json', '{"format": ')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('inte giltig JSON');
  });

  it('--csv and --xlsx write files whose sums equal the totals', async () => {
    const run = runCli(['split', file('model.json'), '--csv', file('r.csv'), '--xlsx', file('r.xlsx')]);
    expect(run.status).toBe(0);
    const csv = readFileSync(file('r.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFFörbrukare;Förbrukarens namn;Kommun;Tjänst;Tjänstens namn;Belopp\r\n')).toBe(
      true,
    );
    const rows: string[][] = parse(csv.slice(1), { delimiter: ';' });
    const lines = rows.slice(1, -2);
    expect(lines).toHaveLength(6);
    expect(rows.at(-2)).toEqual(['Totalt', '', '', '', '', '1400000,00']);
    expect(rows.at(-1)![0]).toBe('Skapad');
    expect(rows.at(-1)![1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(lines.reduce((s, r) => s + oreOf(r[5]), 0n)).toBe(140000000n);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file('r.xlsx')) as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tjänster', 'Förbrukare', 'Kommuner']);
    const kommuner = wb.getWorksheet('Kommuner')!;
    expect(kommuner.getCell(2, 1).value).toBe('Skapad');
    expect(kommuner.getCell(2, 2).value).toBe('2026-02-10');
    const sum = kommuner.getCell(SPLIT_XLSX_HEADING_ROW + 3, 2).value as { formula: string; result: number };
    expect(sum.formula).toBe('SUM(B5:B6)');
    expect(oreOf(sum.result)).toBe(140000000n);
  });

  it('split reads the model from an XLSX workbook and gives the same document', async () => {
    writeFileSync(
      file('model.xlsx'),
      await costModelToXlsx(exampleModel(), new Date('2026-02-10T09:00:00Z')),
    );
    const run = runCli(['split', file('model.xlsx'), '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(EXAMPLE_SPLIT_RESULT);
  });

  it('an invalid workbook: exit 2 and the problems point at sheet and row', async () => {
    const doc = cloneDocument(exampleModel());
    doc.consumers[2].municipality = 'Ulricehamn kommun';
    writeFileSync(file('bad.xlsx'), await costModelToXlsx(doc, new Date()));
    const run = runCli(['split', file('bad.xlsx')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/consumers\[2\]\.municipality: .*\(blad Förbrukare, rad 4\)/);
  });

  it('settle: charged (JSON or CSV) against the actual model, exact to the öre (values by hand)', () => {
    // Actual 2025: personal 1 100 000.00 instead of 1 000 000.00, otherwise the model of 5.1.
    // ledning 210 000.00 → arbetsplats 138 372.09, servicedesk 71 627.91 (the .697 fraction takes the öre);
    // arbetsplats 988 372.09 by devices: 593 023.25 / 296 511.63 / 98 837.21;
    // servicedesk 511 627.91 by users: 358 139.54 / 127 906.98 / 25 581.39.
    const actual = cloneDocument(exampleModel());
    actual.name = 'Tjänstefiering 2025, utfall';
    actual.pools[0].amount = '1100000.00';
    write('actual.json', actual);
    write('charged.json', {
      'ulr-ks': '960000.00',
      'tra-oms': '424418.61',
      'bolag-b1': '100000.00',
      'gammal-enhet': '5000.00',
    });
    const run = runCli(['settle', file('actual.json'), file('charged.json'), '--json']);
    expect(run.stderr).toBe('');
    const doc = JSON.parse(run.stdout);
    expect(doc.created).toBe('2026-02-10');
    expect(doc.lines).toEqual([
      {
        consumer: 'ulr-ks',
        name: 'Ulricehamn kommunstyrelsens förvaltning',
        municipality: 'ulricehamn',
        charged: '960000.00',
        actual: '951162.79',
        difference: '-8837.21',
        kind: 'kreditering',
      },
      {
        consumer: 'tra-oms',
        name: 'Tranemo omsorgssektionen',
        municipality: 'tranemo',
        charged: '424418.61',
        actual: '424418.61',
        difference: '0.00',
        kind: 'ingen',
      },
      {
        consumer: 'bolag-b1',
        name: 'Exempelbolaget AB',
        municipality: 'ulricehamn',
        charged: '100000.00',
        actual: '124418.60',
        difference: '24418.60',
        kind: 'slutfaktura',
      },
      {
        consumer: 'gammal-enhet',
        name: null,
        municipality: null,
        charged: '5000.00',
        actual: '0.00',
        difference: '-5000.00',
        kind: 'kreditering',
      },
    ]);
    expect(doc.totals).toEqual({
      charged: '1489418.61',
      actual: '1500000.00',
      difference: '10581.39',
      slutfaktura: '24418.60',
      kreditering: '-13837.21',
    });

    const csv = write(
      'charged.csv',
      '\uFEFFFörbrukare;Belopp\r\nulr-ks;960 000,00\r\ntra-oms;424418,61\r\nbolag-b1;60000,00\r\nbolag-b1;40000,00\r\ngammal-enhet;5000\r\n',
    );
    const fromCsv = runCli(['settle', file('actual.json'), csv, '--json']);
    expect(fromCsv.stderr).toBe('');
    expect(JSON.parse(fromCsv.stdout).lines).toEqual(doc.lines);

    const table = runCli(['settle', file('actual.json'), csv]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(
      /bolag-b1\s+ulricehamn\s+100\u00a0000,00\s+124\u00a0418,60\s+24\u00a0418,60\s+slutfaktura/,
    );
  });

  it('settle with an invalid charged amount: exit 2 naming the field', () => {
    write('bad-charged.json', { 'ulr-ks': '12.345' });
    const run = runCli(['settle', file('actual.json'), file('bad-charged.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-charged\.json\.ulr-ks: /);
  });
});
