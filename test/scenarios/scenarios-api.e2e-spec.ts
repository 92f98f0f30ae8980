import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import {
  AuditEntryEntity,
  CostModelVersionEntity,
  InternalChargeEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  ScenarioEntity,
  ServiceFundingEntity,
} from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import { DEMO_SCENARIO_BASE, MARK_JOINS, ULRICEHAMN_TO_INTERNAL_CHARGE } from './scenario-fixtures';

/** Stores the fixture as an approved 2025 budget version and returns its id. */
async function storeApprovedBase(db: DataSource): Promise<string> {
  const id = randomUUID();
  await db.getRepository(CostModelVersionEntity).insert({
    id,
    name: DEMO_SCENARIO_BASE.name,
    year: 2025,
    kind: 'budget',
    status: 'approved',
    document: DEMO_SCENARIO_BASE,
    documentHash: 'a'.repeat(64),
    decisionId: null,
    approvedAt: new Date('2024-11-20T12:00:00Z'),
    createdAt: new Date('2024-11-01T08:00:00Z'),
    updatedAt: new Date('2024-11-20T12:00:00Z'),
  });
  return id;
}

/** Rows in the tables a scenario must never write to. */
async function untouchable(db: DataSource) {
  const base = await db.getRepository(CostModelVersionEntity).find({ order: { id: 'ASC' } });
  return {
    invoices: await db.getRepository(InvoiceEntity).count(),
    lines: await db.getRepository(InvoiceLineEntity).count(),
    internalCharges: await db.getRepository(InternalChargeEntity).count(),
    versions: base.map((v) => [v.id, v.status, v.documentHash, JSON.stringify(v.document)]),
  };
}

/**
 * Every sheet's cell values as written in the file, by address: a formula's cached result, a
 * number, or the text of an inline or shared string.
 */
async function cachedValues(xlsx: Buffer): Promise<Map<string, string>[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const sharedXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const shared = [...sharedXml.matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(''),
  );
  const sheets: Map<string, string>[] = [];
  for (let i = 1; zip.file(`xl/worksheets/sheet${i}.xml`); i++) {
    const xml = await zip.file(`xl/worksheets/sheet${i}.xml`)!.async('string');
    const cells = new Map<string, string>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const value =
        /<v>(.*?)<\/v>/s.exec(m[3] ?? '')?.[1] ?? (/<v\/>|<v><\/v>/.test(m[3] ?? '') ? '' : undefined);
      if (value === undefined) continue;
      cells.set(m[1], / t="s"/.test(m[2]) ? shared[Number(value)] : value);
    }
    sheets.push(cells);
  }
  return sheets;
}

type Row = {
  id: string;
  base: string;
  scenario: string;
  difference: string;
  differencePercent: string | null;
};

describe('scenarios over the API: "Mark ansluter" and "Ulricehamn går från anslag till interndebitering"', () => {
  let t: TestApp;
  let baseId: string;
  let styrgrupp: string;
  const ids: Record<string, string> = {};
  let before: Awaited<ReturnType<typeof untouchable>>;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    baseId = await storeApprovedBase(t.dataSource);
    styrgrupp = await t.token('styrgrupp');
    before = await untouchable(t.dataSource);
  });
  afterAll(async () => t.close());

  it('saves "Mark ansluter" and answers with the comparison per municipality, as computed by hand', async () => {
    const res = await t.http
      .post('/api/v1/scenarios')
      .set(t.auth(styrgrupp))
      .send({
        name: 'Mark ansluter',
        description: 'Två förvaltningar i Mark',
        baseModelVersionId: baseId,
        changes: [MARK_JOINS],
      })
      .expect(201);
    ids.mark = res.body.id;
    const c = res.body.comparison;
    expect(c.format).toBe('it-samverkan/scenario-comparison@1');
    expect(c.created).toBe('2025-04-02');
    expect(c.baseModelVersion).toMatchObject({ id: baseId, status: 'approved', kind: 'budget' });
    // 1 250 devices: 640.00 each; 1 250 accounts: 160.00 each. Ulricehamn's 700 devices and 700
    // accounts: 448 000.00 + 112 000.00 = 560 000.00; Tranemo's 300 + 300: 192 000.00 + 48 000.00;
    // Mark's 250 + 250: 160 000.00 + 40 000.00.
    expect(c.municipalities).toEqual([
      {
        id: 'ulricehamn',
        base: '700000.00',
        scenario: '560000.00',
        difference: '-140000.00',
        differencePercent: '-20.0',
      },
      {
        id: 'tranemo',
        base: '300000.00',
        scenario: '240000.00',
        difference: '-60000.00',
        differencePercent: '-20.0',
      },
      { id: 'mark', base: '0.00', scenario: '200000.00', difference: '200000.00', differencePercent: null },
    ]);
    expect(c.totals).toEqual({
      base: '1000000.00',
      scenario: '1000000.00',
      difference: '0.00',
      differencePercent: '0.0',
    });
    expect(c.consumers.find((r: Row) => r.id === 'mark-kl')).toMatchObject({
      base: '0.00',
      scenario: '80000.00',
    });
    // The organisation: ulr-bou and ulr-vof charged internally for 2 services × 4 quarters (16);
    // Tranemo, the bolag and the lönenämnd invoiced each quarter (12). Mark: one invoice a quarter more.
    expect(c.administrativeLoad.base).toMatchObject({ internalCharges: 16, invoices: 12 });
    expect(c.administrativeLoad.scenario).toMatchObject({ internalCharges: 16, invoices: 16 });
    expect(c.administrativeLoad.assumptions.join('\n')).toMatch(
      /mark-kl finns inte i organisationen: extern faktura/,
    );
  });

  it('saves "Ulricehamn går från anslag till interndebitering": equal amounts, more internal charges', async () => {
    const res = await t.http
      .post('/api/v1/scenarios')
      .set(t.auth(styrgrupp))
      .send({
        name: 'Ulricehamn går från anslag till interndebitering',
        baseModelVersionId: baseId,
        changes: [ULRICEHAMN_TO_INTERNAL_CHARGE],
      })
      .expect(201);
    ids.ulricehamn = res.body.id;
    const c = res.body.comparison;
    for (const row of [c.totals, ...c.municipalities, ...c.consumers, ...c.services])
      expect(row.difference).toBe('0.00');
    // ulr-ks (the only unit of Ulricehamn on appropriation) adds 2 services × 4 quarters.
    expect(c.administrativeLoad.scenario).toMatchObject({ internalCharges: 24, invoices: 12 });
    expect(c.administrativeLoad.scenario.byMode.appropriation).toEqual({
      consumers: 0,
      amount: '0.00',
      internalCharges: 0,
      invoices: 0,
    });
    expect(c.fundingSwitches).toEqual([{ consumer: 'ulr-ks', from: 'appropriation', to: 'internal-charge' }]);
  });

  it('lists, reads and recomputes saved scenarios', async () => {
    const list = await t.http.get('/api/v1/scenarios?pageSize=100').set(t.auth(styrgrupp)).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([ids.mark, ids.ulricehamn]),
    );
    const one = await t.http.get(`/api/v1/scenarios/${ids.mark}`).set(t.auth(styrgrupp)).expect(200);
    expect(one.body).toMatchObject({
      name: 'Mark ansluter',
      baseModelVersionId: baseId,
      createdBy: 'test-styrgrupp',
    });
    expect(one.body.changes).toMatchObject({
      format: 'it-samverkan/scenario-changes@1',
      changes: [MARK_JOINS],
    });
    const comparison = await t.http
      .get(`/api/v1/scenarios/${ids.mark}/comparison`)
      .set(t.auth(styrgrupp))
      .expect(200);
    expect(comparison.body.municipalities[2]).toMatchObject({ id: 'mark', scenario: '200000.00' });
    // the organisation names its parties; the joining Mark is named by its change
    expect(comparison.body.municipalityNames).toEqual({
      ulricehamn: 'Ulricehamns kommun',
      tranemo: 'Tranemo kommun',
      mark: 'Marks kommun',
    });
    const stored = await t.dataSource.getRepository(ScenarioEntity).findOneByOrFail({ id: ids.mark });
    const { scenarioId: _s, baseModelVersion: _b, municipalityNames: _n, ...document } = comparison.body;
    expect(stored.lastResult).toEqual(document);
    const audit = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findOneByOrFail({ entityType: 'scenario', entityId: ids.mark });
    expect(audit).toMatchObject({ action: 'create', actorName: 'test-styrgrupp' });
  });

  it('compares both scenarios side by side against the one base', async () => {
    const res = await t.http
      .post('/api/v1/scenarios/compare')
      .set(t.auth(styrgrupp))
      .send({ baseModelVersionId: baseId, scenarioIds: [ids.mark, ids.ulricehamn] })
      .expect(200);
    expect(res.body.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'Mark ansluter',
      'Ulricehamn går från anslag till interndebitering',
    ]);
    expect(res.body.municipalities).toEqual([
      {
        id: 'ulricehamn',
        base: '700000.00',
        scenarios: [
          { scenario: ids.mark, amount: '560000.00', difference: '-140000.00', differencePercent: '-20.0' },
          { scenario: ids.ulricehamn, amount: '700000.00', difference: '0.00', differencePercent: '0.0' },
        ],
      },
      {
        id: 'tranemo',
        base: '300000.00',
        scenarios: [
          { scenario: ids.mark, amount: '240000.00', difference: '-60000.00', differencePercent: '-20.0' },
          { scenario: ids.ulricehamn, amount: '300000.00', difference: '0.00', differencePercent: '0.0' },
        ],
      },
      {
        id: 'mark',
        base: '0.00',
        scenarios: [
          { scenario: ids.mark, amount: '200000.00', difference: '200000.00', differencePercent: null },
          { scenario: ids.ulricehamn, amount: '0.00', difference: '0.00', differencePercent: null },
        ],
      },
    ]);
    expect(res.body.municipalityNames).toMatchObject({
      ulricehamn: 'Ulricehamns kommun',
      mark: 'Marks kommun',
    });
    expect(res.body.administrativeLoad).toEqual({
      base: { internalCharges: 16, invoices: 12 },
      scenarios: [
        { scenario: ids.mark, internalCharges: 16, invoices: 16 },
        { scenario: ids.ulricehamn, internalCharges: 24, invoices: 12 },
      ],
    });
  });

  it('exports the comparison as a workbook for the meeting, formulas cached with the exact figures', async () => {
    const res = await t.http
      .get(`/api/v1/scenarios/${ids.mark}/comparison.xlsx`)
      .set(t.auth(styrgrupp))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Sammanfattning',
      'Förbrukare',
      'Tjänster',
      'Administration',
    ]);
    const summary = wb.getWorksheet('Sammanfattning')!;
    expect(summary.getCell('A2').value).toBe('Skapad 2025-04-02');
    expect(summary.getRow(4).values).toEqual([
      undefined,
      'Kommun',
      'Bas',
      'Scenario',
      'Skillnad kr',
      'Skillnad %',
      'Kommunens id',
    ]);
    // names first, ids last; the changes in words with names
    expect([5, 6, 7].map((r) => [summary.getCell(r, 1).value, summary.getCell(r, 6).value])).toEqual([
      ['Ulricehamns kommun', 'ulricehamn'],
      ['Tranemo kommun', 'tranemo'],
      ['Marks kommun', 'mark'],
    ]);
    expect(summary.getCell(11, 1).value).toBe(
      'Marks kommun kommunledningsförvaltningen (Marks kommun), Marks kommun barn och utbildning (Marks kommun) ansluter',
    );
    // set up to print: title and date in the page header (no approving decision on this base)
    for (const sheet of wb.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '4:4' });
      expect(sheet.headerFooter.oddHeader).toMatch(/^&L&BMark ansluter – jämfört med .*&RSkapad 2025-04-02$/);
      expect(sheet.headerFooter.oddFooter).toBe('&L&RSida &P av &N');
    }
    // Cached formula results as stored in the file (exceljs' reader drops a cached 0 or "").
    const stored = await cachedValues(res.body as Buffer);
    const cached = (sheet: number, r: number, col: number) =>
      stored[sheet].get(`${String.fromCharCode(64 + col)}${r}`);
    const rows = [5, 6, 7, 8].map((r) => [1, 2, 3, 4, 5].map((col) => cached(0, r, col)));
    expect(rows).toEqual([
      ['Ulricehamns kommun', '700000', '560000', '-140000', '-20'],
      ['Tranemo kommun', '300000', '240000', '-60000', '-20'],
      ['Marks kommun', '0', '200000', '200000', ''],
      ['Summa', '1000000', '1000000', '0', '0'],
    ]);
    expect((summary.getCell('D5').value as ExcelJS.CellFormulaValue).formula).toBe('C5-B5');
    expect((summary.getCell('B8').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(B5:B7)');
    const load = wb.getWorksheet('Administration')!;
    expect(load.getRow(4).values).toEqual([
      undefined,
      'Finansiering',
      'Förbrukare bas',
      'Förbrukare scenario',
      'Interndebiteringar bas',
      'Interndebiteringar scenario',
      'Fakturor bas',
      'Fakturor scenario',
    ]);
    expect([5, 6, 7, 8].map((r) => [1, 2, 3, 4, 5, 6, 7].map((col) => cached(3, r, col)))).toEqual([
      ['Anslag', '1', '1', '0', '0', '0', '0'],
      ['Interndebitering', '2', '2', '16', '16', '0', '0'],
      ['Extern faktura', '5', '7', '0', '0', '12', '16'],
      ['Summa', '8', '10', '16', '16', '12', '16'],
    ]);
    const consumers = wb.getWorksheet('Förbrukare')!;
    expect(consumers.getRow(4).values).toEqual([
      undefined,
      'Förbrukare',
      'Kommun',
      'Bas',
      'Scenario',
      'Skillnad kr',
      'Skillnad %',
      'Förbrukarens id',
      'Kommunens id',
    ]);
    const markRow = consumers.getRow(consumers.rowCount - 2);
    expect([1, 2, 7, 8].map((c) => markRow.getCell(c).value)).toEqual([
      'Marks kommun kommunledningsförvaltningen',
      'Marks kommun',
      'mark-kl',
      'mark',
    ]);
    const services = wb.getWorksheet('Tjänster')!;
    // the drivers by name: devices and users of the fixture
    expect([1, 2, 3, 10].map((c) => services.getCell(5, c).value)).toEqual([
      'Arbetsplatstjänst',
      DEMO_SCENARIO_BASE.drivers[0].name,
      DEMO_SCENARIO_BASE.drivers[0].name,
      'arbetsplats',
    ]);
    expect(wb.getWorksheet('Tjänster')!.getCell('A2').value).toBe('Skapad 2025-04-02');
  });

  it('reports every problem of the changes with its path, and stores nothing', async () => {
    const count = await t.dataSource.getRepository(ScenarioEntity).count();
    const res = await t.http
      .post('/api/v1/scenarios')
      .set(t.auth(styrgrupp))
      .send({
        name: 'Fel',
        baseModelVersionId: baseId,
        changes: [
          { type: 'set-volume', driver: 'printers', consumer: 'ulr-ks', value: 1 },
          { type: 'set-pool-amount', pool: 'personal', amount: '1.001' },
          { type: 'switch-funding', consumer: 'tra-kl', from: 'appropriation', to: 'internal-charge' },
        ],
      })
      .expect(400);
    expect(res.body.error).toBe('SCENARIO_INVALID');
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([
      'changes[0].driver',
      'changes[1].amount',
      'changes[2].consumer',
    ]);
    const unknownBase = await t.http
      .post('/api/v1/scenarios')
      .set(t.auth(styrgrupp))
      .send({ name: 'X', baseModelVersionId: randomUUID(), changes: [] });
    expect(unknownBase.status).toBe(422);
    expect(unknownBase.body.details[0].path).toBe('baseModelVersionId');
    await t.http.get(`/api/v1/scenarios/${randomUUID()}/comparison`).set(t.auth(styrgrupp)).expect(404);
    expect(await t.dataSource.getRepository(ScenarioEntity).count()).toBe(count);
  });

  it('lets tjänstefiering save, readonly only read', async () => {
    const readonly = await t.token('readonly');
    const body = { name: 'Läsare', baseModelVersionId: baseId, changes: [] };
    await t.http.post('/api/v1/scenarios').set(t.auth(readonly)).send(body).expect(403);
    await t.http.post('/api/v1/scenarios/preview').set(t.auth(readonly)).send(body).expect(403);
    await t.http.get(`/api/v1/scenarios/${ids.mark}/comparison`).set(t.auth(readonly)).expect(200);
    await t.http
      .post('/api/v1/scenarios')
      .set(t.auth(await t.token('tjanstefiering')))
      .send({ ...body, name: 'Oförändrat' })
      .expect(201);
  });

  it('comparing saved scenarios side by side is a read: every party of the cooperation may, a bolag and no login may not', async () => {
    const compare = { baseModelVersionId: baseId, scenarioIds: [ids.mark, ids.ulricehamn] };
    const allowed = [
      await t.token('readonly'),
      await t.token('finance', 'tranemo'),
      await t.token('drift', 'ulricehamn'),
      await t.token('utveckling', 'tranemo'),
    ];
    for (const token of allowed) {
      const res = await t.http.post('/api/v1/scenarios/compare').set(t.auth(token)).send(compare);
      expect(res.status).toBe(200);
      // Mark's 250 devices + 250 accounts: 160 000.00 + 40 000.00 = 200 000.00 (as computed above)
      expect(res.body.municipalities[2]).toMatchObject({
        id: 'mark',
        scenarios: [
          { scenario: ids.mark, amount: '200000.00' },
          { scenario: ids.ulricehamn, amount: '0.00' },
        ],
      });
    }
    // a bolag's user reads only what is its own (DOMAIN.md 9), and Svenljunga is no party of the
    // demo's cooperation agreement: neither reads the cooperation's scenarios, so neither compares them
    for (const token of [await t.token('finance', 'bolag-ue'), await t.token('styrgrupp', 'svenljunga')]) {
      const refused = await t.http.post('/api/v1/scenarios/compare').set(t.auth(token)).send(compare);
      expect([403, 404]).toContain(refused.status);
      expect(refused.body.municipalities).toBeUndefined();
      const read = await t.http.get(`/api/v1/scenarios/${ids.mark}/comparison`).set(t.auth(token));
      expect(read.status).toBe(refused.status);
    }
    await t.http.post('/api/v1/scenarios/compare').send(compare).expect(401);
    // reading does not widen writing: the same readers still may not save or preview
    await t.http
      .post('/api/v1/scenarios')
      .set(t.auth(allowed[1]))
      .send({ name: 'Ekonomi', baseModelVersionId: baseId, changes: [] })
      .expect(403);
  });

  it('counts a service the unit funds otherwise by its own mode, and the switch moves it too', async () => {
    // ulr-ks (appropriation) has its servicedesk on internal charge: 4 more charges a year in the base.
    await t.dataSource
      .getRepository(ServiceFundingEntity)
      .insert({ consumerId: 'ulr-ks', serviceId: 'servicedesk', fundingMode: 'internal-charge' });
    const c = (
      await t.http.get(`/api/v1/scenarios/${ids.ulricehamn}/comparison`).set(t.auth(styrgrupp)).expect(200)
    ).body;
    expect(c.administrativeLoad.base).toMatchObject({ internalCharges: 20, invoices: 12 });
    // ulr-ks's servicedesk share (100 accounts × 200.00) is internal charge, its arbetsplats (80 000.00) appropriation.
    expect(c.administrativeLoad.base.byMode.appropriation).toMatchObject({
      consumers: 1,
      amount: '80000.00',
    });
    expect(c.administrativeLoad.scenario).toMatchObject({ internalCharges: 24, invoices: 12 });
    await t.dataSource
      .getRepository(ServiceFundingEntity)
      .delete({ consumerId: 'ulr-ks', serviceId: 'servicedesk' });
  });

  it('never changes the base and never writes a charge or an invoice', async () => {
    expect(await untouchable(t.dataSource)).toEqual(before);
  });
});
