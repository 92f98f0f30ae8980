import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { COST_ENGINE_VERSION } from '@it-samverkan/domain';
import { CostModelVersionEntity, SplitRunEntity } from '@it-samverkan/persistence';
import { SPLIT_XLSX_HEADING_ROW, XLSX_MIME } from '@it-samverkan/application';
import { cloneDocument, exampleModel } from '../factories/cost-model';
import { startTestApp, TestApp } from '../support/test-app';
import { EXAMPLE_SPLIT_RESULT, oreOf } from './example-split-result';

/** supertest collects a binary body into a Buffer with this parser. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

describe('Split runs: stored, exported, traced, reproduced; the stateless split; XLSX import', () => {
  let t: TestApp;
  let tjf: string;
  let versionId: string;
  let runId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tjf = await t.token('tjanstefiering');
    versionId = (await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth(tjf)).send(exampleModel()))
      .body.id;
  });
  afterAll(() => t.close());

  it('runs and stores a split of a version: the result is the document of 5.4, with engine version and hashes', async () => {
    const res = await t.http.post(`/api/v1/cost-models/${versionId}/splits`).set(t.auth(tjf));
    expect(res.status).toBe(201);
    runId = res.body.id;
    expect(res.body.result).toEqual(EXAMPLE_SPLIT_RESULT);
    expect(res.body.engineVersion).toBe(COST_ENGINE_VERSION);
    const version = await t.http.get(`/api/v1/cost-models/${versionId}`).set(t.auth());
    expect(res.body.inputHash).toBe(version.body.documentHash);
    expect(res.body.resultHash).toMatch(/^[0-9a-f]{64}$/);
    expect(res.body.model).toMatchObject({ id: versionId, status: 'draft', decision: null });

    const got = await t.http.get(`/api/v1/splits/${runId}`).set(t.auth());
    expect(got.body.result).toEqual(EXAMPLE_SPLIT_RESULT);
    expect((await t.http.get(`/api/v1/splits/${runId}/input`).set(t.auth())).body).toEqual(exampleModel());
    const runs = await t.http.get(`/api/v1/cost-models/${versionId}/splits`).set(t.auth());
    expect(runs.body.items.map((r: any) => r.id)).toEqual([runId]);
    // A draft with a stored run keeps it reproducible: it cannot be deleted.
    expect((await t.http.delete(`/api/v1/cost-models/${versionId}`).set(t.auth())).status).toBe(409);
  });

  it('the CSV result: semicolons, UTF-8 BOM, Swedish headings; its lines add up to every consumer and the total', async () => {
    const res = await t.http
      .get(`/api/v1/splits/${runId}/result.csv`)
      .set(t.auth())
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = (res.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(rows[0]).toEqual([
      'Förbrukare',
      'Förbrukarens namn',
      'Kommun',
      'Tjänst',
      'Tjänstens namn',
      'Belopp',
    ]);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['Skapad', '2025-04-02']);
    const totalRow = rows.at(-2)!;
    const lines = rows.slice(1, -2);
    expect(totalRow[0]).toBe('Totalt');
    expect(lines.reduce((s, r) => s + oreOf(r[5]), 0n)).toBe(oreOf(totalRow[5]));
    expect(oreOf(totalRow[5])).toBe(oreOf(EXAMPLE_SPLIT_RESULT.total));
    for (const c of EXAMPLE_SPLIT_RESULT.consumers) {
      expect(lines.filter((r) => r[0] === c.id).reduce((s, r) => s + oreOf(r[5]), 0n)).toBe(oreOf(c.total));
    }
    expect(lines[0]).toEqual([
      'ulr-ks',
      'Ulricehamn kommunstyrelsens förvaltning',
      'ulricehamn',
      'arbetsplats',
      'Arbetsplatstjänst',
      '560000,00',
    ]);
  });

  it('the XLSX result: Tjänster, Förbrukare, Kommuner with a date; each SUM formula caches the exact total of its cells', async () => {
    const res = await t.http
      .get(`/api/v1/splits/${runId}/result.xlsx`)
      .set(t.auth())
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const wb = await workbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tjänster', 'Förbrukare', 'Kommuner']);
    const first = SPLIT_XLSX_HEADING_ROW + 1;
    for (const ws of wb.worksheets) {
      expect(ws.getCell(2, 1).value).toBe('Skapad');
      expect(ws.getCell(2, 2).value).toBe('2025-04-02');
      const last = ws.rowCount;
      const sumRow = ws.getRow(last);
      sumRow.eachCell((cell, col) => {
        const value = cell.value as any;
        if (!value?.formula) return;
        let cells = 0n;
        for (let r = first; r < last; r++)
          cells += oreOf((ws.getCell(r, col).value as any)?.result ?? ws.getCell(r, col).value ?? 0);
        expect(oreOf(value.result)).toBe(cells);
      });
    }
    const services = wb.getWorksheet('Tjänster')!;
    expect(services.getRow(SPLIT_XLSX_HEADING_ROW).values).toEqual([
      undefined,
      'Tjänst',
      'Direkt från pooler',
      'Mottaget från tjänster',
      'Totalt',
      'Fördelningsnyckel',
      'Volym',
      'À-pris',
      'Tjänstens id',
    ]);
    expect(oreOf((services.getCell(services.rowCount, 2).value as any).result)).toBe(140000000n);
    const consumers = wb.getWorksheet('Förbrukare')!;
    // names first (the consumer, its municipality), the ids last for traceability
    expect(consumers.getRow(SPLIT_XLSX_HEADING_ROW).values).toEqual([
      undefined,
      'Förbrukare',
      'Kommun',
      'Arbetsplatstjänst',
      'Servicedesk',
      'Totalt',
      'Förbrukarens id',
      'Kommunens id',
    ]);
    EXAMPLE_SPLIT_RESULT.consumers.forEach((c, i) => {
      const total = consumers.getCell(first + i, 5).value as any;
      expect(total.formula).toBe(`SUM(C${first + i}:D${first + i})`);
      expect(oreOf(total.result)).toBe(oreOf(c.total));
      expect(consumers.getCell(first + i, 6).value).toBe(c.id);
      expect(consumers.getCell(first + i, 7).value).toBe(c.municipality);
    });
    expect(oreOf((consumers.getCell(consumers.rowCount, 5).value as any).result)).toBe(140000000n);
    const kommuner = wb.getWorksheet('Kommuner')!;
    // this test has no organisation: a municipality nobody names shows its id capitalised
    expect(kommuner.getCell(first, 1).value).toBe('Ulricehamn');
    expect(kommuner.getCell(first, 3).value).toBe('ulricehamn');
    expect(oreOf(kommuner.getCell(first, 2).value as number)).toBe(100333333n);
    expect(oreOf((kommuner.getCell(first + 2, 2).value as any).result)).toBe(140000000n);
  });

  it('traces a consumer from pools through services; the paths add up to its total', async () => {
    const res = await t.http.get(`/api/v1/splits/${runId}/trace/bolag-b1`).set(t.auth());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      consumerId: 'bolag-b1',
      name: 'Exempelbolaget AB',
      municipality: 'ulricehamn',
      total: '116666.66',
    });
    // Licences reach bolag-b1 only through arbetsplats: its 10 % of 300 000.00 by devices.
    expect(res.body.paths).toContainEqual({ pool: 'licenser', via: ['arbetsplats'], amount: '30000.00' });
    const routes = res.body.paths.map((p: any) => `${p.pool}>${p.via.join('>')}`).sort();
    expect(routes).toEqual(
      [
        'licenser>arbetsplats',
        'lokaler>ledning>arbetsplats',
        'lokaler>ledning>servicedesk',
        'personal>arbetsplats',
        'personal>ledning>arbetsplats',
        'personal>ledning>servicedesk',
        'personal>servicedesk',
      ].sort(),
    );
    for (const c of EXAMPLE_SPLIT_RESULT.consumers) {
      const trace = await t.http.get(`/api/v1/splits/${runId}/trace/${c.id}`).set(t.auth());
      expect(trace.body.paths.reduce((s: bigint, p: any) => s + oreOf(p.amount), 0n)).toBe(oreOf(c.total));
    }
    expect((await t.http.get(`/api/v1/splits/${runId}/trace/okand`).set(t.auth())).status).toBe(404);
  });

  it('reproduces a stored run from its input (hash match), and notices a stored result that was altered', async () => {
    const res = await t.http.post(`/api/v1/splits/${runId}/reproduce`).set(t.auth(await t.token('readonly')));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      matches: true,
      inputIntact: true,
      resultIntact: true,
      engineVersion: COST_ENGINE_VERSION,
      differences: [],
    });
    expect(res.body.resultHash).toBe(res.body.storedResultHash);

    const repo = t.dataSource.getRepository(SplitRunEntity);
    const run = (await repo.findOneByOrFail({ id: runId })) as any;
    const original = JSON.parse(JSON.stringify(run.result));
    run.result.splitResult.consumers[2].total = '116666.67';
    await repo.update({ id: runId }, { result: run.result });
    const alteredResult = await t.http.post(`/api/v1/splits/${runId}/reproduce`).set(t.auth());
    expect(alteredResult.body).toMatchObject({ matches: true, inputIntact: true, resultIntact: false });
    expect(alteredResult.body.differences).toEqual([
      { consumerId: 'bolag-b1', stored: '116666.67', recomputed: '116666.66' },
    ]);

    const input = JSON.parse(JSON.stringify(run.input));
    input.pools[0].amount = '1000001.00';
    await repo.update({ id: runId }, { result: original, input });
    const alteredInput = await t.http.post(`/api/v1/splits/${runId}/reproduce`).set(t.auth());
    expect(alteredInput.body).toMatchObject({ matches: false, inputIntact: false, resultIntact: true });
    expect(alteredInput.body.differences.length).toBeGreaterThan(0);
  });

  it('the stateless split answers with the document of 5.4 and stores nothing; an invalid model gets 400', async () => {
    const count = async () => [
      await t.dataSource.getRepository(SplitRunEntity).count(),
      await t.dataSource.getRepository(CostModelVersionEntity).count(),
    ];
    const before = await count();
    const readonly = await t.token('readonly');
    const res = await t.http.post('/api/v1/cost-models/split').set(t.auth(readonly)).send(exampleModel());
    expect(res.status).toBe(200);
    expect(res.body).toEqual(EXAMPLE_SPLIT_RESULT);
    const bad = await t.http
      .post('/api/v1/cost-models/split')
      .set(t.auth(readonly))
      .send({ ...exampleModel(), services: [] });
    expect(bad.status).toBe(400);
    expect(await count()).toEqual(before);
    expect((await t.http.post(`/api/v1/cost-models/${versionId}/splits`).set(t.auth(readonly))).status).toBe(
      403,
    );
  });

  it('imports the template filled with the example of 5.1 (XLSX upload) and splits it to the same result', async () => {
    const template = await t.http
      .get('/api/v1/cost-models/template.xlsx')
      .set(t.auth())
      .buffer(true)
      .parse(binary);
    expect(template.status).toBe(200);
    const wb = await workbook(template.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Instruktioner',
      'Modell',
      'Förbrukare',
      'Fördelningsnycklar',
      'Kostnadspooler',
      'Tjänster',
      'Volymer',
    ]);
    const doc = exampleModel();
    const model = wb.getWorksheet('Modell')!;
    model.getCell('B3').value = doc.name;
    model.getCell('B4').value = doc.year;
    for (const c of doc.consumers) wb.getWorksheet('Förbrukare')!.addRow([c.id, c.name, c.municipality]);
    for (const d of doc.drivers) wb.getWorksheet('Fördelningsnycklar')!.addRow([d.id, d.name, d.unit]);
    const pools = wb.getWorksheet('Kostnadspooler')!;
    ['ledning', 'arbetsplats', 'servicedesk'].forEach((id, k) => (pools.getCell(1, 4 + k).value = id));
    pools.addRow(['personal', 'Personalkostnader', 1000000, 10, 50, 40]);
    pools.addRow(['licenser', 'Licenser', 300000, null, 1, null]);
    pools.addRow(['lokaler', 'Lokaler', '100000,00', 1, null, null]);
    const services = wb.getWorksheet('Tjänster')!;
    services.addRow([
      'ledning',
      'Ledning och administration',
      'proportional',
      null,
      'arbetsplats; servicedesk',
    ]);
    services.addRow(['arbetsplats', 'Arbetsplatstjänst', 'driver', 'devices', null]);
    services.addRow(['servicedesk', 'Servicedesk', 'driver', 'users', null]);
    const volumes = wb.getWorksheet('Volymer')!;
    volumes.getCell(1, 2).value = 'devices';
    volumes.getCell(1, 3).value = 'users';
    volumes.addRow(['ulr-ks', 600, 700]);
    volumes.addRow(['tra-oms', 300, 250]);
    volumes.addRow(['bolag-b1', { formula: '50+50', result: 100 }, 50]);
    const upload = Buffer.from(await wb.xlsx.writeBuffer());

    const res = await t.http
      .post('/api/v1/cost-models?kind=budget')
      .set(t.auth(tjf))
      .set('Content-Type', XLSX_MIME)
      .send(upload);
    expect(res.status).toBe(201);
    expect(res.body.document.pools[2]).toEqual({
      id: 'lokaler',
      name: 'Lokaler',
      amount: '100000.00',
      to: { ledning: '1' },
    });
    const split = await t.http.post(`/api/v1/cost-models/${res.body.id}/splits`).set(t.auth(tjf));
    expect(split.body.result).toEqual(EXAMPLE_SPLIT_RESULT);

    // The version exported as XLSX reads back to the same split.
    const exported = await t.http
      .get(`/api/v1/cost-models/${versionId}/model.xlsx`)
      .set(t.auth())
      .buffer(true)
      .parse(binary);
    const again = await t.http
      .post('/api/v1/cost-models/split')
      .set(t.auth())
      .set('Content-Type', XLSX_MIME)
      .send(exported.body);
    expect(again.body).toEqual(EXAMPLE_SPLIT_RESULT);
  });

  it('an invalid workbook gets 400 with every problem pointing at sheet and row, and nothing is stored', async () => {
    const before = await t.dataSource.getRepository(CostModelVersionEntity).count();
    const doc = cloneDocument(exampleModel());
    const exported = await t.http
      .get(`/api/v1/cost-models/${versionId}/model.xlsx`)
      .set(t.auth())
      .buffer(true)
      .parse(binary);
    const wb = await workbook(exported.body);
    wb.getWorksheet('Kostnadspooler')!.getCell('C3').value = '300000.005';
    wb.getWorksheet('Tjänster')!.getCell('D3').value = 'skrivare';
    const res = await t.http
      .post('/api/v1/cost-models?kind=budget')
      .set(t.auth(tjf))
      .set('Content-Type', XLSX_MIME)
      .send(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    const messages = res.body.details.map((d: any) => `${d.path}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pools\[1\]\.amount: .*\(blad Kostnadspooler, rad 3\)$/),
        expect.stringMatching(/^services\[1\]\.allocate\.driver: .*\(blad Tjänster, rad 3\)$/),
      ]),
    );
    const garbage = await t.http
      .post('/api/v1/cost-models?kind=budget')
      .set(t.auth(tjf))
      .set('Content-Type', XLSX_MIME)
      .send(Buffer.from('inte en arbetsbok'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toBe('XLSX_UNREADABLE');
    expect(await t.dataSource.getRepository(CostModelVersionEntity).count()).toBe(before);
    expect(doc).toEqual(exampleModel());
  });
});
