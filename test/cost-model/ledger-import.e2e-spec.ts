import { exampleModel } from '../factories/cost-model';
import {
  EXAMPLE_LEDGER_CSV,
  EXAMPLE_LEDGER_LINES,
  exampleActualWithMapping,
  exampleLedgerSie,
  sha256,
} from '../factories/ledger';
import { binaryBody } from '../support/finance-files';
import { walkOneRowPages } from '../support/paged-list';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Costs from the ledger (issue 14, item 1) through the API, figures of test/factories/ledger.ts
 * by hand: personal 1 100 000.00, licenser 300 000.00, lokaler 100 000.00; unmapped −9 250.00.
 */
describe('Ledger import into a draft model version', () => {
  let t: TestApp;
  let tjf: string;
  let actualId: string;

  const upload = (id: string, body: Buffer | string, query: string, token = tjf) =>
    t.http
      .post(`/api/v1/cost-models/${id}/ledger-imports?${query}`)
      .set(t.auth(token))
      .set('Content-Type', typeof body === 'string' ? 'text/csv' : 'application/octet-stream')
      .send(body);

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2026-01-20T09:00:00Z') });
    tjf = await t.token('tjanstefiering');
    actualId = (
      await t.http.post('/api/v1/cost-models?kind=actual').set(t.auth(tjf)).send(exampleActualWithMapping())
    ).body.id;
  });
  afterAll(() => t.close());

  it('refuses an unreadable file whole, every problem at its line, and stores nothing', async () => {
    const broken = [...EXAMPLE_LEDGER_LINES];
    broken[29] = '   #TRANS 5010 {1 "1150"} 600000,00'; // decimal comma is not SIE
    broken[41] = '   #TRANS 6540 {1} 310000.00'; // object list without its object
    const res = await upload(actualId, exampleLedgerSie(broken), 'format=sie4&fileName=trasig.se');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('SIE_UNREADABLE');
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([
      'rad 30',
      'rad 33',
      'rad 42',
      'rad 44',
    ]);
    expect(res.body.details[1].message).toContain('balanserar inte');
    const list = await t.http.get(`/api/v1/cost-models/${actualId}/ledger-imports`).set(t.auth(tjf));
    expect(list.body).toMatchObject({ items: [], total: 0, pages: 1, next: null });
    const version = await t.http.get(`/api/v1/cost-models/${actualId}`).set(t.auth(tjf));
    expect(version.body.document.pools.map((p: { amount: string }) => p.amount)).toEqual([
      '1000000.00',
      '300000.00',
      '100000.00',
    ]);
  });

  it('sets the pools from a SIE 4 file and reconciles to the öre, unmapped amounts listed', async () => {
    const bytes = exampleLedgerSie();
    const res = await upload(actualId, bytes, 'format=sie4&fileName=huvudbok-it-2025.se');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      modelVersionId: actualId,
      format: 'sie4',
      fileName: 'huvudbok-it-2025.se',
      fileHash: sha256(bytes),
      fileSize: bytes.length,
      source: 'vouchers',
      importedAt: '2026-01-20T09:00:00.000Z',
      companyName: 'Ulricehamns kommun',
      scopeTotal: '1490750.00',
      mappedTotal: '1500000.00',
      unmappedTotal: '-9250.00',
      reconciled: true,
      rows: 16,
      outsideScope: { rows: 8, total: '-1490750.00' },
      otherYears: { rows: 2, total: '0.00' },
    });
    expect(res.body.checksum).toMatch(/^\d+$/);
    expect(
      res.body.pools.map((p: Record<string, unknown>) => [
        p.poolId,
        p.poolName,
        p.previousAmount,
        p.amount,
        p.rules,
      ]),
    ).toEqual([
      ['personal', 'Personalkostnader', '1000000.00', '1100000.00', [0]],
      ['licenser', 'Licenser', '300000.00', '300000.00', [1]],
      ['lokaler', 'Lokaler', '100000.00', '100000.00', [2]],
    ]);
    expect(res.body.unmapped).toEqual([
      {
        account: '3590',
        accountName: 'Övriga försäljningsintäkter',
        objects: { responsibility: '1150' },
        amount: '-12500.00',
        vouchers: [
          {
            series: 'F',
            number: '1',
            date: '2025-09-30',
            text: 'Försäljning av begagnade datorer',
            amount: '-12500.00',
          },
        ],
      },
      {
        account: '6071',
        accountName: 'Representation',
        objects: { responsibility: '1150' },
        amount: '3250.00',
        vouchers: [
          { series: 'L', number: '4', date: '2025-11-15', text: 'Representation', amount: '3250.00' },
        ],
      },
    ]);
    const version = await t.http.get(`/api/v1/cost-models/${actualId}`).set(t.auth(tjf));
    expect(version.body.document.pools.map((p: { amount: string }) => p.amount)).toEqual([
      '1100000.00',
      '300000.00',
      '100000.00',
    ]);
    expect(version.body.documentHash).toBe(res.body.documentHashAfter);
    expect(res.body.documentHashBefore).not.toBe(res.body.documentHashAfter);
  });

  it('traces each pool to its accounts and vouchers (poolSources)', async () => {
    const res = await t.http.get(`/api/v1/cost-models/${actualId}/pool-sources`).set(t.auth(tjf));
    expect(res.status).toBe(200);
    expect(res.body.map((p: { poolId: string }) => p.poolId)).toEqual(['personal', 'licenser', 'lokaler']);
    expect(res.body[0].accounts).toEqual([
      {
        account: '5010',
        accountName: 'Månadslön',
        objects: { responsibility: '1150' },
        amount: '837500.00',
        vouchers: [
          { series: 'A', number: '1', date: '2025-01-25', text: 'Löner januari', amount: '600000.00' },
          {
            series: 'A',
            number: '2',
            date: '2025-06-25',
            text: 'Löner juni med sociala avgifter',
            amount: '237500.00',
          },
        ],
      },
      {
        account: '5410',
        accountName: 'Sociala avgifter',
        objects: { responsibility: '1150' },
        amount: '262500.00',
        vouchers: [
          {
            series: 'A',
            number: '2',
            date: '2025-06-25',
            text: 'Löner juni med sociala avgifter',
            amount: '262500.00',
          },
        ],
      },
    ]);
    // The #RTRANS counts once with its own text; the #BTRANS not at all.
    expect(res.body[1].accounts[0].vouchers).toEqual([
      { series: 'L', number: '1', date: '2025-02-10', text: 'Microsoft 365, årslicens', amount: '310000.00' },
      { series: 'L', number: '2', date: '2025-03-01', text: 'Rättat belopp', amount: '-10000.00' },
    ]);
  });

  it('reads the same ledger as a semicolon CSV (decimal comma) to the same pools', async () => {
    const res = await upload(actualId, EXAMPLE_LEDGER_CSV, 'fileName=huvudbok-it-2025.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'csv', mappedTotal: '1500000.00', unmappedTotal: '-9250.00' });
    expect(res.body.pools.map((p: { amount: string }) => p.amount)).toEqual([
      '1100000.00',
      '300000.00',
      '100000.00',
    ]);
    expect(res.body.outsideScope).toEqual({ rows: 1, total: '40000.00' });
    const list = await t.http.get(`/api/v1/cost-models/${actualId}/ledger-imports`).set(t.auth(tjf));
    expect(
      list.body.items.map((i: { fileName: string; sequence: number }) => `${i.sequence} ${i.fileName}`),
    ).toEqual(['2 huvudbok-it-2025.csv', '1 huvudbok-it-2025.se']);
    const one = await t.http
      .get(`/api/v1/cost-models/${actualId}/ledger-imports/${list.body.items[1].id}`)
      .set(t.auth(tjf));
    expect(one.body.pools[0].accounts[0].amount).toBe('837500.00');
  });

  it('lists the imports a page at a time, newest first (page, pageSize, total, next)', async () => {
    const path = `/api/v1/cost-models/${actualId}/ledger-imports`;
    const ids = await walkOneRowPages(t, path, tjf);
    const whole = (await t.http.get(path).set(t.auth(tjf)).expect(200)).body;
    // the SIE file, then the CSV: two imports, the CSV (sequence 2) first
    expect([whole.total, whole.items.map((i: { sequence: number }) => i.sequence)]).toEqual([2, [2, 1]]);
    expect(whole.items.map((i: { id: string }) => i.id)).toEqual(ids);
  });

  it('lists every bad CSV row with its line and field', async () => {
    const csv = [
      'Konto;Ansvar;Verksamhet;Belopp;Datum;Verifikation;Text',
      '5010;1150;;1 000,005;2025-01-25;A 1;x',
      'konto;1150;;10,00;25-01-2025;A 2;x',
    ].join('\n');
    const res = await upload(actualId, csv, 'format=csv&fileName=fel.csv');
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([
      'line 2.Belopp',
      'line 3.Konto',
      'line 3.Datum',
    ]);
  });

  it('refuses an approved version (409), a version without mapping (422), other roles (403), bad queries (400)', async () => {
    const styrgrupp = await t.token('styrgrupp');
    const approved = (
      await t.http.post('/api/v1/cost-models?kind=actual').set(t.auth(tjf)).send(exampleActualWithMapping())
    ).body.id;
    await t.http
      .post(`/api/v1/cost-models/${approved}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decision: { date: '2026-02-10', paragraph: '3', subject: 'Utfall 2025' } })
      .expect(200);
    const sie = exampleLedgerSie();
    expect((await upload(approved, sie, 'format=sie4&fileName=a.se')).body.error).toBe('COST_MODEL_APPROVED');
    const plain = (await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth(tjf)).send(exampleModel()))
      .body.id;
    const noMapping = await upload(plain, sie, 'format=sie4&fileName=a.se');
    expect([noMapping.status, noMapping.body.error]).toEqual([422, 'LEDGER_MAPPING_MISSING']);
    const finance = await t.token('finance');
    expect((await upload(actualId, sie, 'format=sie4&fileName=a.se', finance)).status).toBe(403);
    const bad = await upload(actualId, sie, 'format=pdf&fileName=');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['fileName', 'format']);
    const json = await t.http
      .post(`/api/v1/cost-models/${actualId}/ledger-imports?format=sie4&fileName=a.se`)
      .set(t.auth(tjf))
      .send({ a: 1 });
    expect([json.status, json.body.error]).toEqual([400, 'UNSUPPORTED_CONTENT']);
    expect((await t.http.get(`/api/v1/cost-models/${plain}/pool-sources`).set(t.auth(tjf))).body).toEqual([]);
  });

  it('keeps the pool mapping through the model workbook (XLSX export and import)', async () => {
    const xlsx = await t.http
      .get(`/api/v1/cost-models/${actualId}/model.xlsx`)
      .set(t.auth(tjf))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const again = await t.http
      .post('/api/v1/cost-models?kind=actual')
      .set(t.auth(tjf))
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(xlsx.body as Buffer)
      .expect(201);
    expect(again.body.document.ledgerMapping).toEqual(exampleActualWithMapping().ledgerMapping);
    await t.http.delete(`/api/v1/cost-models/${again.body.id}`).set(t.auth(tjf)).expect(204);
  });

  it('splits the imported model to the figures worked out by hand', async () => {
    const res = await t.http.post(`/api/v1/cost-models/${actualId}/splits`).set(t.auth(tjf));
    expect(res.status).toBe(201);
    const consumers = res.body.result.consumers as { id: string; total: string }[];
    // Settlement spec's actual 2025: personal 1 100 000.00 → 951 162.79 / 424 418.61 / 124 418.60.
    expect(consumers.map((c) => `${c.id} ${c.total}`)).toEqual([
      'ulr-ks 951162.79',
      'tra-oms 424418.61',
      'bolag-b1 124418.60',
    ]);
  });
});
