import ExcelJS from 'exceljs';
import { AuditEntryEntity, CostModelVersionEntity, RegisterImportEntity } from '@it-samverkan/persistence';
import { walkOneRowPages } from '../support/paged-list';
import { startTestApp, TestApp } from '../support/test-app';

/** The demo consumers by municipality and responsibility code (config/demo/organisation.ts); 3000 is in both. */
const RULES = [
  { match: { Kommun: 'Ulricehamn', Ansvar: '1100' }, consumer: 'ulr-ks' },
  { match: { Kommun: 'Ulricehamn', Ansvar: '3000' }, consumer: 'ulr-bou' },
  { match: { Kommun: 'Ulricehamn', Ansvar: '4000' }, consumer: 'ulr-vof' },
  { match: { Kommun: 'Tranemo', Ansvar: '1000' }, consumer: 'tra-kl' },
  { match: { Kommun: 'Tranemo', Ansvar: '3000' }, consumer: 'tra-utb' },
  { match: { Kommun: 'Tranemo', Ansvar: '5000' }, consumer: 'tra-oms' },
  { match: { Kommun: 'Ulricehamns Energi AB', Ansvar: '' }, consumer: 'bolag-ue' },
];

const DEVICES_CSV = [
  'Serienummer;Modell;Kommun;Ansvar',
  'PC-001;Dell 5440;Ulricehamn;1100',
  'PC-002;Dell 5440;Ulricehamn;3000',
  'PC-003;Dell 5440;Ulricehamn;3000',
  'PC-004;HP 840;Tranemo;3000',
  'PC-005;HP 840;Tranemo;5000',
  'PC-006;HP 840;Tranemo;7777',
  'PC-007;HP 840;;',
  'PC-008;Dell 5440;ulricehamn; 4000 ',
].join('\r\n');

describe('Register imports: a dated register counted through a stored mapping into a draft', () => {
  let t: TestApp;
  let tjf: string;
  let actualId: string;
  let budgetId: string;
  let mappingId: string;
  const stored = async (id: string) =>
    (await t.dataSource.getRepository(CostModelVersionEntity).findOneByOrFail({ id })).document as any;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    tjf = await t.token('tjanstefiering', 'ulricehamn');
    const list = await t.http.get('/api/v1/cost-models?year=2025').set(t.auth(tjf));
    actualId = list.body.items.find((v: any) => v.kind === 'actual').id;
    budgetId = list.body.items.find((v: any) => v.kind === 'budget').id;
  });
  afterAll(() => t.close());

  it('stores a mapping for the organisation and refuses a bad one with every problem', async () => {
    const bad = await t.http
      .post('/api/v1/register-mappings')
      .set(t.auth(tjf))
      .send({ name: ' ', rules: [{ match: {}, consumer: 'ulr-ks' }, { match: { Ansvar: '1' } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path)).toEqual(['name', 'rules[0].match', 'rules[1].consumer']);
    const created = await t.http
      .post('/api/v1/register-mappings')
      .set(t.auth(tjf))
      .send({ name: 'Ansvarskoder 2025', rules: RULES.slice(0, 6) });
    expect(created.status).toBe(201);
    mappingId = created.body.id;
    const again = await t.http
      .post('/api/v1/register-mappings')
      .set(t.auth(tjf))
      .send({ name: 'Ansvarskoder 2025', rules: RULES });
    expect(again.status).toBe(400);
    expect((await t.http.get('/api/v1/register-mappings').set(t.auth(tjf))).body.total).toBe(1);
  });

  it('a dry run counts and stores nothing', async () => {
    const before = await stored(actualId);
    const res = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=devices&kind=devices&asOf=2025-10-01&mapping=${mappingId}&dryRun=true`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send(DEVICES_CSV);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: null,
      applied: false,
      totalRows: 8,
      countedRows: 6,
      totalVolume: '6',
    });
    expect(await stored(actualId)).toEqual(before);
    expect(await t.dataSource.getRepository(RegisterImportEntity).count()).toBe(0);
  });

  it('replaces the driver volumes of a draft, lists uncounted rows, and records the snapshot', async () => {
    const res = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=devices&kind=devices&asOf=2025-10-01&mapping=${mappingId}&fileName=datorer.csv`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send(DEVICES_CSV);
    expect(res.status).toBe(200);
    expect(res.body.volumes).toEqual([
      { consumer: 'ulr-ks', volume: '1', rows: 1 },
      { consumer: 'ulr-bou', volume: '2', rows: 2 },
      { consumer: 'ulr-vof', volume: '1', rows: 1 },
      { consumer: 'tra-utb', volume: '1', rows: 1 },
      { consumer: 'tra-oms', volume: '1', rows: 1 },
    ]);
    expect(res.body.unmatched).toEqual([
      { line: 7, value: 'Tranemo / 7777', reason: 'Ingen regel i mappningen passar värdet' },
      { line: 8, value: ' / ', reason: 'Raden saknar värde i Kommun, Ansvar' },
    ]);
    expect(res.body.consumersWithoutRows).toEqual(['tra-kl', 'bolag-ue', 'lonenamnd']);
    expect(res.body.previous[0]).toEqual({ consumer: 'ulr-ks', volume: '431' });
    expect(res.body).toMatchObject({
      applied: true,
      asOf: '2025-10-01',
      fileName: 'datorer.csv',
      driver: 'devices',
    });
    const doc = await stored(actualId);
    expect(doc.volumes.devices).toEqual({
      'ulr-ks': '1',
      'ulr-bou': '2',
      'ulr-vof': '1',
      'tra-utb': '1',
      'tra-oms': '1',
    });
    expect(doc.volumes.users['ulr-ks']).toBe(522);
    const imports = await t.http.get(`/api/v1/cost-models/${actualId}/register-imports`).set(t.auth(tjf));
    expect(imports.body).toMatchObject({ total: 1, page: 1, pageSize: 50, pages: 1, next: null });
    expect(imports.body.items[0]).toMatchObject({
      id: res.body.id,
      asOf: '2025-10-01',
      totalRows: 8,
      countedRows: 6,
    });
    const audit = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findOneByOrFail({ action: 'register-import', entityId: actualId });
    expect((audit.after as any).registerImportId).toBe(res.body.id);
    // The split of the changed draft runs: 6 devices share arbetsplats.
    const split = await t.http.post(`/api/v1/cost-models/${actualId}/splits`).set(t.auth(tjf));
    expect(split.status).toBe(201);
  });

  it('sums a licence list from XLSX by its quantity column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Licenser');
    ws.addRow(['Produkt', 'Kommun', 'Ansvar', 'Antal']);
    ws.addRow(['Visma', 'Ulricehamn', '4000', 120]);
    ws.addRow(['Procapita', 'Ulricehamn', 4000, 35]);
    ws.addRow(['Tieto', 'Tranemo', '5000', '12']);
    ws.addRow(['Office', 'Mark', '1000', 40]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=licenses&kind=licences&asOf=2025-09-30&mapping=${mappingId}`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(file);
    expect(res.status).toBe(200);
    expect(res.body.volumes).toEqual([
      { consumer: 'ulr-vof', volume: '155', rows: 2 },
      { consumer: 'tra-oms', volume: '12', rows: 1 },
    ]);
    expect(res.body.unmatched).toEqual([
      { line: 5, value: 'Mark / 1000', reason: 'Ingen regel i mappningen passar värdet' },
    ]);
    expect((await stored(actualId)).volumes.licenses).toEqual({ 'ulr-vof': '155', 'tra-oms': '12' });
  });

  it('lists the snapshots a page at a time, newest first (page, pageSize, total, next)', async () => {
    const path = `/api/v1/cost-models/${actualId}/register-imports`;
    await walkOneRowPages(t, path, tjf);
    const whole = (await t.http.get(path).set(t.auth(tjf)).expect(200)).body;
    // the device register, then the licence list, both at the test clock's one instant: the licence
    // list, stored last, first (walkOneRowPages checked the pages follow this order)
    const snapshots = whole.items.map((i: { driver: string; asOf: string }) => `${i.driver} ${i.asOf}`);
    expect(snapshots).toEqual(['licenses 2025-09-30', 'devices 2025-10-01']);
  });

  it('refuses an unreadable file whole, every problem at its row, and writes nothing', async () => {
    const before = await stored(actualId);
    const missing = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=users&kind=accounts&asOf=2025-10-01&mapping=${mappingId}&statusColumn=Status`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send('Konto;Kommun\nanna;Ulricehamn\n');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('REGISTER_UNREADABLE');
    expect(missing.body.details.map((d: any) => d.message)).toEqual([
      'Rad 1: kolumnen "Ansvar" saknas; rubrikraden ska vara Kommun;Ansvar;Status',
      'Rad 1: kolumnen "Status" saknas; rubrikraden ska vara Kommun;Ansvar;Status',
    ]);
    const quantities = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=licenses&kind=licences&asOf=2025-10-01&mapping=${mappingId}`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send('Kommun;Ansvar;Antal\nUlricehamn;1100;tio\nUlricehamn;1100;3;extra\nTranemo;1000;-1\n');
    expect(quantities.status).toBe(400);
    expect(quantities.body.details.map((d: any) => d.path)).toEqual(['line 3']);
    const bad = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=licenses&kind=licences&asOf=2025-10-01&mapping=${mappingId}`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send('Kommun;Ansvar;Antal\nUlricehamn;1100;tio\nTranemo;1000;-1\n');
    expect(bad.body.details.map((d: any) => d.path)).toEqual(['line 2.Antal', 'line 3.Antal']);
    const query = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=okand&kind=skrivare&asOf=2025-13-01&mapping=${mappingId}`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send(DEVICES_CSV);
    expect(query.status).toBe(400);
    expect(query.body.details.map((d: any) => d.path).sort()).toEqual(['kind']);
    const date = await t.http
      .post(
        `/api/v1/cost-models/${actualId}/register-imports?driver=okand&kind=devices&asOf=2025-13-01&mapping=${mappingId}`,
      )
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send(DEVICES_CSV);
    expect(date.body.details.map((d: any) => d.path)).toEqual(['asOf', 'driver']);
    expect(await stored(actualId)).toEqual(before);
  });

  it('an approved version refuses the import (409); other roles and the partner are refused (403)', async () => {
    const url = `/api/v1/cost-models/${budgetId}/register-imports?driver=devices&kind=devices&asOf=2025-10-01&mapping=${mappingId}`;
    const approved = await t.http
      .post(url)
      .set(t.auth(tjf))
      .set('Content-Type', 'text/csv')
      .send(DEVICES_CSV);
    expect(approved.status).toBe(409);
    expect(approved.body.error).toBe('COST_MODEL_APPROVED');
    const finance = await t.token('finance', 'ulricehamn');
    expect(
      (await t.http.post(url).set(t.auth(finance)).set('Content-Type', 'text/csv').send(DEVICES_CSV)).status,
    ).toBe(403);
    const partner = await t.token('tjanstefiering', 'tranemo');
    expect(
      (await t.http.post(url).set(t.auth(partner)).set('Content-Type', 'text/csv').send(DEVICES_CSV)).status,
    ).toBe(403);
    expect((await t.http.get('/api/v1/register-mappings').set(t.auth(partner))).status).toBe(200);
  });

  it('imports stored at one instant list in reverse order of storing; the first is where the volumes come from', async () => {
    const path = `/api/v1/cost-models/${actualId}/register-imports`;
    const before = (await t.http.get(`${path}?pageSize=500`).set(t.auth(tjf)).expect(200)).body.items;
    // five more device registers at the test clock's one instant, the k-th with k more PCs of ulr-ks
    const stored5: string[] = [];
    for (let k = 1; k <= 5; k++) {
      const extra = Array.from({ length: k }, (_, i) => `PC-1${k}${i};Dell 5440;Ulricehamn;1100`);
      const res = await t.http
        .post(`${path}?driver=devices&kind=devices&asOf=2025-10-0${k + 1}&mapping=${mappingId}`)
        .set(t.auth(tjf))
        .set('Content-Type', 'text/csv')
        .send([DEVICES_CSV, ...extra].join('\r\n'));
      expect([res.status, res.body.createdAt]).toEqual([200, t.now.value.toISOString()]);
      stored5.push(res.body.id);
    }
    const ids = await walkOneRowPages(t, path, tjf);
    expect(ids).toEqual([...stored5.reverse(), ...before.map((i: { id: string }) => i.id)]);
    const first = (await t.http.get(`${path}?pageSize=1`).set(t.auth(tjf)).expect(200)).body.items[0];
    // the last stored had 1 + 5 PCs of ulr-ks, and the draft's devices are its volumes
    expect([first.asOf, first.volumes[0]]).toEqual([
      '2025-10-06',
      { consumer: 'ulr-ks', volume: '6', rows: 6 },
    ]);
    expect((await stored(actualId)).volumes.devices['ulr-ks']).toBe('6');
    const rows = await t.dataSource
      .getRepository(RegisterImportEntity)
      .find({ where: { modelVersionId: actualId }, order: { sequence: 'ASC' } });
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
