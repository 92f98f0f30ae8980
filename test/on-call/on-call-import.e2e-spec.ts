import { startTestApp, TestApp } from '../support/test-app';
import { incidentCsv, workedExampleRows } from './on-call-fixtures';

type Billing = {
  consumers: Array<{ consumer: string; total: string; incidents: Array<{ id: string }> }>;
  total: string;
};

describe('On-call CSV import (DOMAIN.md 6.4), billing per period and scoped reading', () => {
  let t: TestApp;
  let drift: string;
  const importCsv = (csv: string, token?: string) =>
    t.http
      .post('/api/v1/on-call/incidents/import')
      .set(t.auth(token ?? drift))
      .set('Content-Type', 'text/csv')
      .send(csv);
  const billing = async (period: string, token?: string): Promise<Billing> =>
    (await t.http.get(`/api/v1/on-call/billing?period=${period}`).set(t.auth(token)).expect(200)).body;
  const totals = (b: Billing) => Object.fromEntries(b.consumers.map((c) => [c.consumer, c.total]));

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    drift = await t.token('drift');
  });
  afterAll(async () => t.close());

  it('bills the demo incidents of 2025-Q1 per consumer with exact totals', async () => {
    const q1 = await billing('2025-Q1');
    // tra-oms 2 300 + 3 950; lonenamnd 2 300 + 0; bolag-ue 1 850 + 1 700 (DST night); ulr-bou 2 300 + 1 400
    expect(totals(q1)).toEqual({
      'bolag-ue': '3550.00',
      lonenamnd: '2300.00',
      'tra-oms': '6250.00',
      'ulr-bou': '3700.00',
    });
    expect(q1).toMatchObject({
      period: '2025-Q1',
      months: ['2025-01', '2025-02', '2025-03'],
      total: '15800.00',
    });
    expect(q1).toMatchObject({ incidentCount: 8, billedCount: 7 });
    expect(totals(await billing('2025-03'))).toEqual({
      'bolag-ue': '1700.00',
      lonenamnd: '0.00',
      'tra-oms': '3950.00',
      'ulr-bou': '1400.00',
    });
    expect((await billing('2025')).total).toBe('20800.00');
  });

  it('a token scoped to a municipality sees only its consumers (units, owned companies, joint committees it is in)', async () => {
    const tranemo = await t.token('readonly', 'tranemo');
    expect(totals(await billing('2025-Q1', tranemo))).toEqual({ lonenamnd: '2300.00', 'tra-oms': '6250.00' });
    const list = await t.http
      .get('/api/v1/on-call/incidents?period=2025-Q1')
      .set(t.auth(tranemo))
      .expect(200);
    expect(new Set(list.body.items.map((i: { consumer: string }) => i.consumer))).toEqual(
      new Set(['tra-oms', 'lonenamnd']),
    );
    await t.http.get('/api/v1/on-call/incidents/BER-2025-0005').set(t.auth(tranemo)).expect(404);
    await t.http.get('/api/v1/on-call/incidents/BER-2025-0007').set(t.auth(tranemo)).expect(200);
    const ulricehamn = await t.token('readonly', 'ulricehamn');
    expect(Object.keys(totals(await billing('2025-Q1', ulricehamn)))).toEqual([
      'bolag-ue',
      'lonenamnd',
      'ulr-bou',
    ]);
    const svenljunga = await t.token('readonly', 'svenljunga');
    expect((await billing('2025-Q1', svenljunga)).total).toBe('2300.00');
  });

  it('rejects a semicolon file with a BOM and one bad row with its line number, and stores nothing', async () => {
    const before = await billing('2025');
    const csv = incidentCsv(
      [
        ['IMP-1', '2025-03-11 16:00', '2025-03-11 16:50', 'tra-utb', 'Skolplattform', 'ok'],
        ['IMP-2', '2025-03-11 18:00', '2025-03-11 19:00', 'okand-enhet', 'Skolplattform', 'fel förbrukare'],
        ['IMP-3', '2025-03-14 21:40', '2025-03-15 00:20', 'tra-utb', 'Trygghetslarm', 'ok'],
      ],
      { separator: ';', bom: true, crlf: true },
    );
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('INCIDENT_CSV_INVALID');
    expect(res.body.details).toEqual([
      { path: 'line 3.consumer', message: 'Rad 3: okänd förbrukare "okand-enhet"' },
    ]);
    await t.http.get('/api/v1/on-call/incidents/IMP-1').set(t.auth()).expect(404);
    expect(await billing('2025')).toEqual(before);
  });

  it('reports every bad line at once: times that do not exist, exist twice, have seconds, precede every tariff', async () => {
    const res = await importCsv(
      incidentCsv([
        ['BAD-1', '2025-03-30 02:30', '2025-03-30 04:00', 'tra-utb', 'X', 'finns inte'],
        ['BAD-2', '2025-10-26 02:30', '2025-10-26 04:00', 'tra-utb', 'X', 'två gånger'],
        ['BAD-3', '2025-03-11 16:00:15', '2025-03-11 17:00', 'tra-utb', 'X', 'sekunder'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual([
      'line 2.start',
      'line 3.start',
      'line 4.start',
    ]);
    expect(res.body.details[0].message).toContain('2025-03-30 02:30 finns inte');
    expect(res.body.details[1].message).toContain('2025-10-26 02:30 finns två gånger');
    const early = await importCsv(
      incidentCsv([
        ['OK-1', '2025-03-11 16:00', '2025-03-11 16:50', 'tra-utb', 'X', 'ok'],
        ['EARLY-1', '2024-12-30 20:00', '2024-12-30 21:00', 'tra-utb', 'X', 'före taxan'],
      ]),
    );
    expect(early.status).toBe(400);
    expect(early.body.details).toEqual([
      {
        path: 'line 3.start',
        message: expect.stringMatching(/^Rad 3: Ingen beredskapstaxa gäller 2024-12-30/),
      },
    ]);
    await t.http.get('/api/v1/on-call/incidents/OK-1').set(t.auth()).expect(404);
  });

  it('imports a file once: a second import skips every row and bills nothing twice', async () => {
    const csv = incidentCsv(workedExampleRows('IMP', 'tra-utb'), { separator: ';', bom: true });
    const first = await importCsv(csv).expect(200);
    expect(first.body).toMatchObject({ imported: 4, skipped: 0 });
    expect(
      first.body.incidents.map((i: { id: string; line: number; status: string; amount: string }) => [
        i.id,
        i.line,
        i.status,
        i.amount,
      ]),
    ).toEqual([
      ['IMP-1', 2, 'imported', '1400.00'],
      ['IMP-2', 3, 'imported', '5000.00'],
      ['IMP-3', 4, 'imported', '3950.00'],
      ['IMP-4', 5, 'imported', '0.00'],
    ]);
    const afterFirst = await billing('2025');
    expect(totals(afterFirst)['tra-utb']).toBe('10350.00');
    expect(afterFirst.total).toBe('31150.00');
    const auditBefore = (await t.http.get('/api/v1/audit?entityType=incident&pageSize=500').set(t.auth()))
      .body.total;

    const again = await importCsv(csv).expect(200);
    expect(again.body).toMatchObject({ imported: 0, skipped: 4 });
    expect(again.body.incidents.map((i: { status: string }) => i.status)).toEqual([
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(await billing('2025')).toEqual(afterFirst);
    expect(
      (await t.http.get('/api/v1/audit?entityType=incident&pageSize=500').set(t.auth())).body.total,
    ).toBe(auditBefore);

    const mixed = await importCsv(
      incidentCsv([
        ['IMP-1', '2025-03-11 16:00', '2025-03-11 16:50', 'tra-utb', 'Skolplattform', 'igen'],
        ['IMP-5', '2025-03-22 10:00', '2025-03-22 10:20', 'tra-utb', 'Skolplattform', 'lördag'],
      ]),
    ).expect(200);
    expect(mixed.body).toMatchObject({ imported: 1, skipped: 1 });
    expect(mixed.body.incidents[1]).toMatchObject({
      id: 'IMP-5',
      status: 'imported',
      minutes: { weekend: 60 },
      amount: '1700.00',
    });
    expect(totals(await billing('2025'))['tra-utb']).toBe('12050.00');
  });

  it('two imports of one file at the same time store each incident once', async () => {
    const csv = incidentCsv([
      ['PAR-1', '2025-02-11 18:00', '2025-02-11 19:00', 'tra-kl', 'X', 'samtidigt'],
      ['PAR-2', '2025-02-15 10:00', '2025-02-15 11:00', 'tra-kl', 'X', 'samtidigt'],
    ]);
    const results = await Promise.all([importCsv(csv), importCsv(csv), importCsv(csv)]);
    for (const r of results) expect([200, 409]).toContain(r.status);
    const imported = results.filter((r) => r.status === 200).reduce((n, r) => n + r.body.imported, 0);
    expect(imported).toBe(2);
    // 18:00–19:00 Tuesday evening 900.00 + 500.00; Saturday hour 1 200.00 + 500.00
    expect(totals(await billing('2025-02'))['tra-kl']).toBe('3100.00');
  });

  it('the role readonly cannot import (403); a scoped token cannot report for another municipality', async () => {
    const csv = incidentCsv([['RO-1', '2025-03-11 16:00', '2025-03-11 16:50', 'tra-utb', 'X', 'y']]);
    const reader = await t.token('readonly');
    const res = await importCsv(csv, reader);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('FORBIDDEN');
    const tranemoDrift = await t.token('drift', 'tranemo');
    const other = await importCsv(
      incidentCsv([['SC-1', '2025-03-11 16:00', '2025-03-11 16:50', 'ulr-bou', 'X', 'y']]),
      tranemoDrift,
    );
    expect(other.status).toBe(400);
    expect(other.body.details).toEqual([
      { path: 'line 2.consumer', message: 'Rad 2: okänd förbrukare "ulr-bou"' },
    ]);
    await importCsv(csv, tranemoDrift).expect(200);
  });

  it('asks for the file as text/csv when the body is something else', async () => {
    const res = await t.http.post('/api/v1/on-call/incidents/import').set(t.auth(drift)).send({ csv: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.details[0].message).toContain('text/csv');
  });
});
