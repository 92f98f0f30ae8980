import { onCallLinesForPeriod } from '@it-samverkan/application';
import { PeriodCloseEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import { incidentCsv } from './on-call-fixtures';

describe('On-call incidents in a closed period, and the lines the invoicing engine reads', () => {
  let t: TestApp;
  let drift: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    drift = await t.token('drift');
  });
  afterAll(async () => t.close());

  it('gives onCallLinesForPeriod one line per billed incident, none for an incident inside support hours', async () => {
    const lines = await onCallLinesForPeriod(t.dataSource, ['2025-03']);
    expect(lines.map((l) => [l.incidentId, l.consumerId, l.period, l.amount.toString()])).toEqual([
      ['BER-2025-0008', 'bolag-ue', '2025-03', '1700.00'],
      ['BER-2025-0007', 'tra-oms', '2025-03', '3950.00'],
      ['BER-2025-0005', 'ulr-bou', '2025-03', '1400.00'],
    ]);
    expect(lines[1]).toMatchObject({
      description:
        'Beredskapsärende BER-2025-0007 2025-03-14 21:40–2025-03-15 00:20, Trygghetslarm (180 min)',
      minutes: { evening: 30, night: 120, weekend: 30, holiday: 0 },
      billableMinutes: 180,
      startLocal: '2025-03-14 21:40',
    });
    expect(lines[0].description).toBe(
      'Beredskapsärende BER-2025-0008 2025-03-30 01:30–03:30, Driftövervakning (60 min)',
    );
    expect(await onCallLinesForPeriod(t.dataSource, [])).toEqual([]);
  });

  it('moves an incident of a closed month to the first open month and says so', async () => {
    await t.dataSource.getRepository(PeriodCloseEntity).insert([
      { month: '2025-03', closedAt: t.now.value, closedBy: 'test' },
      { month: '2025-04', closedAt: t.now.value, closedBy: 'test' },
    ]);
    const march = (await t.http.get('/api/v1/on-call/billing?period=2025-03').set(t.auth()).expect(200)).body;

    const res = await t.http
      .post('/api/v1/on-call/incidents')
      .set(t.auth(drift))
      .send({
        id: 'LATE-1',
        start: '2025-03-20 20:00',
        end: '2025-03-20 20:30',
        consumer: 'tra-kl',
        system: 'X',
        description: 'sent',
      })
      .expect(201);
    expect(res.body).toMatchObject({ period: '2025-05', latePeriodFrom: '2025-03', amount: '1400.00' });

    const imported = await t.http
      .post('/api/v1/on-call/incidents/import')
      .set(t.auth(drift))
      .set('Content-Type', 'text/csv')
      .send(
        incidentCsv([
          ['LATE-2', '2025-04-05 10:00', '2025-04-05 11:00', 'tra-kl', 'X', 'lördag i april'],
          ['ON-TIME', '2025-05-02 18:00', '2025-05-02 19:00', 'tra-kl', 'X', 'maj'],
        ]),
      )
      .expect(200);
    expect(
      imported.body.incidents.map((i: { id: string; period: string; latePeriodFrom: string | null }) => [
        i.id,
        i.period,
        i.latePeriodFrom,
      ]),
    ).toEqual([
      ['LATE-2', '2025-05', '2025-04'],
      ['ON-TIME', '2025-05', null],
    ]);

    expect((await t.http.get('/api/v1/on-call/billing?period=2025-03').set(t.auth())).body).toEqual(march);
    const may = (await t.http.get('/api/v1/on-call/billing?period=2025-05').set(t.auth()).expect(200)).body;
    // 1 400.00 (evening minimum) + 1 700.00 (Saturday hour) + 1 400.00 (evening hour)
    expect(may.consumers).toEqual([expect.objectContaining({ consumer: 'tra-kl', total: '4500.00' })]);
    expect(may.consumers[0].incidents.map((i: { id: string }) => i.id)).toEqual([
      'LATE-1',
      'LATE-2',
      'ON-TIME',
    ]);
    const lines = await onCallLinesForPeriod(t.dataSource, ['2025-05']);
    expect(lines.map((l) => l.incidentId)).toEqual(['LATE-1', 'LATE-2', 'ON-TIME']);
    const listed = await t.http.get('/api/v1/on-call/incidents?period=2025-05').set(t.auth()).expect(200);
    expect(listed.body.total).toBe(3);
  });
});
