import ExcelJS from 'exceljs';
import { AuditEntryEntity, PhoneCallEntity, TicketEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import {
  CALL_HEADER,
  csv,
  HAND_ANSWERS,
  HAND_CALLS,
  HAND_TICKETS,
  seedMunicipalities,
  SURVEY_HEADER,
  TICKET_HEADER,
} from './forum-fixtures';

/** IT-forum drift over HTTP: the hand-computed tertial of forum-fixtures.ts imported as CSV. */
describe('service levels: import and the tertial report (DOMAIN.md 8.1)', () => {
  let t: TestApp;
  const post = (path: string, body: string) =>
    t.http.post(`/api/v1/drift/imports/${path}`).set(t.auth()).set('Content-Type', 'text/csv').send(body);
  const tickets = csv(TICKET_HEADER, HAND_TICKETS, { separator: ';', bom: true, crlf: true });
  const calls = csv(CALL_HEADER, HAND_CALLS);
  const answers = csv(SURVEY_HEADER, HAND_ANSWERS);

  beforeAll(async () => {
    t = await startTestApp({ now: new Date('2025-05-05T06:00:00Z') });
    await seedMunicipalities(t.dataSource);
  });
  afterAll(() => t.close());

  it('rejects a file with one bad line, naming the line, and stores nothing', async () => {
    const bad = csv(TICKET_HEADER, [
      ...HAND_TICKETS.slice(0, 3),
      ['T-09', '2025-03-30 02:30', '', 'ulricehamn', '1', 'nej', 'ja'],
      ...HAND_TICKETS.slice(3),
    ]);
    const res = await post('tickets', bad);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: 'TICKET_CSV_INVALID',
      message: 'Filen har 1 fel och lästes inte in; ingen rad har sparats',
    });
    expect(res.body.details).toEqual([
      {
        path: 'line 5.opened',
        message: expect.stringMatching(
          /^Rad 5: öppnad: Tiden 2025-03-30 02:30 finns inte i Europe\/Stockholm/,
        ),
      },
    ]);
    expect(await t.dataSource.getRepository(TicketEntity).count()).toBe(0);
  });

  it('imports tickets, calls and answers (semicolons, BOM, CRLF), and a re-import stores nothing twice', async () => {
    expect((await post('tickets', tickets)).body).toEqual({
      kind: 'tickets',
      rows: 10,
      inserted: 10,
      updated: 0,
      unchanged: 0,
    });
    expect((await post('calls', calls)).body).toEqual({
      kind: 'calls',
      rows: 11,
      inserted: 11,
      updated: 0,
      unchanged: 0,
    });
    expect((await post('survey-answers', answers)).body).toEqual({
      kind: 'survey-answers',
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
    });
    const audits = await t.dataSource.getRepository(AuditEntryEntity).count({ where: { action: 'import' } });

    expect((await post('tickets', tickets)).body).toEqual({
      kind: 'tickets',
      rows: 10,
      inserted: 0,
      updated: 0,
      unchanged: 10,
    });
    expect((await post('calls', calls.replace(/\n/g, '\r\n'))).body).toMatchObject({
      inserted: 0,
      unchanged: 11,
    });
    expect(await t.dataSource.getRepository(TicketEntity).count()).toBe(10);
    expect(await t.dataSource.getRepository(PhoneCallEntity).count()).toBe(11);
    expect(await t.dataSource.getRepository(AuditEntryEntity).count({ where: { action: 'import' } })).toBe(
      audits,
    );
  });

  it('reports the hand-computed figures per municipality, with counts and met per target', async () => {
    const res = await t.http.get('/api/v1/drift/reports/2025-T1').set(t.auth());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tertial: '2025-T1',
      firstDay: '2025-01-01',
      lastDay: '2025-04-30',
      asOf: '2025-05-05T06:00:00.000Z',
      generatedOn: '2025-05-05',
    });
    expect(res.body.targets).toMatchObject({ year: 2025, source: 'default' });
    const table = (row: {
      measures: {
        measure: string;
        numerator: number;
        denominator: number;
        share: string | null;
        met: boolean | null;
      }[];
    }) =>
      Object.fromEntries(
        row.measures.map((m) => [m.measure, `${m.numerator}/${m.denominator} ${m.share} ${m.met}`]),
      );
    const [tranemo, ulricehamn] = res.body.municipalities;
    expect([tranemo.name, ulricehamn.name]).toEqual(['Tranemo kommun', 'Ulricehamns kommun']);
    expect(table(ulricehamn)).toEqual({
      firstLine: '4/7 57.1 true',
      ordinaryWithinOneWorkingDay: '5/7 71.4 false',
      answeredWithin10s: '4/10 40.0 false',
      answeredWithin60s: '7/10 70.0 false',
      satisfied: '2/3 66.7 false',
    });
    expect(ulricehamn.counts).toMatchObject({
      ticketsOpened: 8,
      ticketsOpen: 1,
      closedByLine: { 1: 4, 2: 2, 3: 1 },
      surveySelected: 2,
    });
    expect(table(tranemo)).toEqual({
      firstLine: '1/1 100.0 true',
      ordinaryWithinOneWorkingDay: '1/1 100.0 true',
      answeredWithin10s: '0/0 null null',
      answeredWithin60s: '0/0 null null',
      satisfied: '0/0 null null',
    });
    expect(table(res.body.total)).toMatchObject({
      firstLine: '5/8 62.5 true',
      ordinaryWithinOneWorkingDay: '6/8 75.0 false',
    });

    const one = await t.http.get('/api/v1/drift/reports/2025-T1?municipality=ulricehamn').set(t.auth());
    expect(one.body.municipalities.map((m: { municipality: string }) => m.municipality)).toEqual([
      'ulricehamn',
    ]);
    expect(table(one.body.municipalities[0])).toEqual(table(ulricehamn));
  });

  it('the survey selection is every 4th ticket resolved in the tertial, the same on every run', async () => {
    const first = await t.http.get('/api/v1/drift/reports/2025-T1/survey-selection').set(t.auth());
    expect(first.body).toMatchObject({ tertial: '2025-T1', interval: 4, closedTickets: 8 });
    expect(first.body.selected).toEqual([
      {
        position: 4,
        ticketId: 'T-02',
        municipality: 'ulricehamn',
        resolved: '2025-01-10T08:00:00.000Z',
        resolvedLocal: '2025-01-10 09:00',
        answered: true,
        satisfied: false,
      },
      {
        position: 8,
        ticketId: 'T-04',
        municipality: 'ulricehamn',
        resolved: '2025-03-18T15:00:00.000Z',
        resolvedLocal: '2025-03-18 16:00',
        answered: true,
        satisfied: true,
      },
    ]);
    await post('tickets', tickets);
    const again = await t.http.get('/api/v1/drift/reports/2025-T1/survey-selection').set(t.auth());
    expect(again.body).toEqual(first.body);
  });

  it('a changed row (a ticket closed since the last export) is updated and audited with before and after', async () => {
    const closed = HAND_TICKETS.map((r) =>
      r[0] === 'T-07' ? ['T-07', '2025-04-28 10:00', '2025-04-29 09:00', 'ulricehamn', '1', 'ja', 'ja'] : r,
    );
    expect((await post('tickets', csv(TICKET_HEADER, closed))).body).toEqual({
      kind: 'tickets',
      rows: 10,
      inserted: 0,
      updated: 1,
      unchanged: 9,
    });
    const audit = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findOne({ where: { action: 'import', entityType: 'ticket' }, order: { id: 'DESC' } });
    expect(audit?.before).toEqual([
      expect.objectContaining({ id: 'T-07', resolvedAt: null, firstLine: false }),
    ]);
    expect(audit?.after).toMatchObject({
      updated: 1,
      changedRows: [
        expect.objectContaining({ id: 'T-07', resolvedAt: '2025-04-29T07:00:00.000Z', firstLine: true }),
      ],
    });
    const res = await t.http.get('/api/v1/drift/reports/2025-T1?municipality=ulricehamn').set(t.auth());
    expect(res.body.municipalities[0].measures[0]).toMatchObject({
      numerator: 5,
      denominator: 8,
      share: '62.5',
    });
    expect(res.body.municipalities[0].measures[1]).toMatchObject({
      numerator: 6,
      denominator: 7,
      share: '85.7',
      met: true,
    });
    await post('tickets', tickets); // back to the hand-computed state
  });

  it('a survey answer for an unknown ticket is rejected with its line', async () => {
    const res = await post(
      'survey-answers',
      csv(SURVEY_HEADER, [...HAND_ANSWERS, ['S-4', 'T-99', 'ja', '2025-02-01 10:00']]),
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { path: 'line 5.ticketId', message: 'Rad 5: okänt ärende "T-99"; läs in ärendena innan enkätsvaren' },
    ]);
  });

  it('a year’s targets are set through the API (audited) and the report is judged against them', async () => {
    expect((await t.http.get('/api/v1/drift/targets/2025').set(t.auth())).body).toMatchObject({
      source: 'default',
      targets: { firstLine: '50' },
    });
    const bad = await t.http
      .put('/api/v1/drift/targets/2025')
      .set(t.auth())
      .send({ firstLine: '150', supportHours: { sun: ['10:00', '12:00'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['firstLine', 'supportHours.sun']);
    const put = await t.http
      .put('/api/v1/drift/targets/2025')
      .set(t.auth())
      .send({ firstLine: '60', answeredWithin10s: 40 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      source: 'recorded',
      targets: { firstLine: '60', answeredWithin10s: '40', satisfied: '90' },
    });
    const res = await t.http.get('/api/v1/drift/reports/2025-T1?municipality=ulricehamn').set(t.auth());
    expect(res.body.municipalities[0].measures[0]).toMatchObject({ share: '57.1', target: '60', met: false });
    expect(res.body.municipalities[0].measures[2]).toMatchObject({ share: '40.0', target: '40', met: true });
    const audit = await t.dataSource
      .getRepository(AuditEntryEntity)
      .findOneBy({ entityType: 'service-level-targets', entityId: '2025' });
    expect(audit).toMatchObject({ action: 'create' });
    await t.http.put('/api/v1/drift/targets/2025').set(t.auth()).send({});
  });

  it('the XLSX report has Swedish headers and Uppfyllt / Ej uppfyllt per target', async () => {
    const res = await t.http
      .get('/api/v1/drift/reports/2025-T1/report.xlsx')
      .set(t.auth())
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('servicenivaer-2025-T1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Servicenivåer')!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual([
      'Kommun',
      'Mått',
      'Utfall (antal)',
      'Underlag (antal)',
      'Andel (%)',
      'Mål (%)',
      'Resultat',
    ]);
    expect(rows).toContainEqual([
      'Ulricehamns kommun',
      'Ärenden lösta i första linjen',
      4,
      7,
      57.1,
      50,
      'Uppfyllt',
    ]);
    expect(rows).toContainEqual([
      'Ulricehamns kommun',
      'Normalärenden lösta inom en arbetsdag',
      5,
      7,
      71.4,
      80,
      'Ej uppfyllt',
    ]);
    expect(rows).toContainEqual([
      'Tranemo kommun',
      'Samtal besvarade inom 10 sekunder',
      0,
      0,
      '–',
      50,
      'Underlag saknas',
    ]);
    expect(rows).toContainEqual(['Samtliga', 'Ärenden lösta i första linjen', 5, 8, 62.5, 50, 'Uppfyllt']);
    expect(wb.getWorksheet('Underlag')!.getRow(1).getCell(2).value).toBe('Öppnade ärenden');
    expect(wb.getWorksheet('Om rapporten')!.getColumn(2).values).toContain('2025-05-05');
  });

  it('roles and scope: readonly cannot import; a Tranemo token sees only Tranemo', async () => {
    const readonly = await t.token('readonly');
    expect(
      (
        await t.http
          .post('/api/v1/drift/imports/calls')
          .set(t.auth(readonly))
          .set('Content-Type', 'text/csv')
          .send(calls)
      ).status,
    ).toBe(403);
    const tranemo = await t.token('drift', 'tranemo');
    const res = await t.http.get('/api/v1/drift/reports/2025-T1').set(t.auth(tranemo));
    expect(res.body.municipalities.map((m: { municipality: string }) => m.municipality)).toEqual(['tranemo']);
    expect(
      (await t.http.get('/api/v1/drift/reports/2025-T1?municipality=ulricehamn').set(t.auth(tranemo))).status,
    ).toBe(403);
    const selection = await t.http.get('/api/v1/drift/reports/2025-T1/survey-selection').set(t.auth(tranemo));
    expect(selection.body.selected).toEqual([]);
    const theirs = await t.http
      .post('/api/v1/drift/imports/tickets')
      .set(t.auth(tranemo))
      .set('Content-Type', 'text/csv')
      .send(csv(TICKET_HEADER, [HAND_TICKETS[1]]));
    expect(theirs.status).toBe(400);
    expect(theirs.body.details[0].message).toContain('okänd kommun "ulricehamn"');
  });

  it('rejects a bad tertial and an unknown municipality', async () => {
    const bad = await t.http.get('/api/v1/drift/reports/2025-T4').set(t.auth());
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'tertial' });
    expect((await t.http.get('/api/v1/drift/reports/2025-T1?municipality=mark').set(t.auth())).status).toBe(
      404,
    );
  });
});
