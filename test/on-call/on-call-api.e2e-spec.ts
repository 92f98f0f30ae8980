import { startTestApp, TestApp } from '../support/test-app';
import { incidentBody, tariffDocument } from './on-call-fixtures';

const none = { evening: 0, night: 0, weekend: 0, holiday: 0 };

describe('On-call API: tariffs, incidents and billing (DOMAIN.md 6)', () => {
  let t: TestApp;
  let drift: string;
  const post = (body: object, token?: string) =>
    t.http
      .post('/api/v1/on-call/incidents')
      .set(t.auth(token ?? drift))
      .send(body);
  const incident = incidentBody;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    drift = await t.token('drift');
  });
  afterAll(async () => t.close());

  describe('tariffs', () => {
    it('the demo holds the DOMAIN.md 6.1 tariff from 2025-01-01, listed and readable by id', async () => {
      const list = await t.http
        .get('/api/v1/on-call/tariffs')
        .set(t.auth(await t.token('readonly')))
        .expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.items[0]).toMatchObject({
        validFrom: '2025-01-01',
        timezone: 'Europe/Stockholm',
        decisionId: null,
      });
      expect(list.body.items[0].document).toEqual(tariffDocument());
      const one = await t.http
        .get(`/api/v1/on-call/tariffs/${list.body.items[0].id}`)
        .set(t.auth())
        .expect(200);
      expect(one.body).toEqual(list.body.items[0]);
      await t.http
        .get('/api/v1/on-call/tariffs/00000000-0000-4000-8000-000000000000')
        .set(t.auth())
        .expect(404);
    });

    it('lists every problem of an invalid tariff document (400) and stores nothing', async () => {
      const res = await t.http
        .post('/api/v1/on-call/tariffs')
        .set(t.auth(drift))
        .send(
          tariffDocument({
            validFrom: '2026-02-30',
            rates: { evening: '-1.00' },
            calloutFee: 'femhundra',
            extra: 1,
          }),
        );
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('ON_CALL_TARIFF_INVALID');
      const paths = res.body.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'extra',
          'validFrom',
          'rates.evening',
          'rates.night',
          'rates.weekend',
          'rates.holiday',
          'calloutFee',
        ]),
      );
      expect((await t.http.get('/api/v1/on-call/tariffs').set(t.auth())).body.items).toHaveLength(1);
    });

    it('adds a version by validFrom (with an optional decision), refuses a second one with the same validFrom (409)', async () => {
      const created = await t.http
        .post('/api/v1/on-call/tariffs')
        .set(t.auth(drift))
        .send(tariffDocument({ validFrom: '2026-01-01', calloutFee: '600.00' }))
        .expect(201);
      expect(created.body).toMatchObject({ validFrom: '2026-01-01', decisionId: null });
      expect(created.body.document.calloutFee).toBe('600.00');
      const again = await t.http
        .post('/api/v1/on-call/tariffs')
        .set(t.auth(drift))
        .send(tariffDocument({ validFrom: '2026-01-01' }));
      expect(again.status).toBe(409);
      expect(again.body.error).toBe('ON_CALL_TARIFF_EXISTS');
      const unknownDecision = await t.http
        .post('/api/v1/on-call/tariffs')
        .set(t.auth(drift))
        .send({
          ...tariffDocument({ validFrom: '2027-01-01' }),
          decisionId: '00000000-0000-4000-8000-000000000000',
        });
      expect(unknownDecision.status).toBe(400);
      expect(unknownDecision.body.details).toEqual([
        { path: 'decisionId', message: expect.stringContaining('finns inte') },
      ]);
      const otherZone = await t.http
        .post('/api/v1/on-call/tariffs')
        .set(t.auth(drift))
        .send(tariffDocument({ validFrom: '2027-01-01', timezone: 'Europe/Helsinki' }));
      expect(otherZone.status).toBe(409);
      expect(otherZone.body.error).toBe('ON_CALL_TARIFF_TIMEZONE_CHANGED');
      const audit = await t.http
        .get(`/api/v1/audit?entityType=on-call-tariff&entityId=${created.body.id}`)
        .set(t.auth());
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({ action: 'create', after: { validFrom: '2026-01-01' } });
    });

    it('bills an incident with the tariff in force on its start date', async () => {
      const res = await post(incident('V-2026', '2026-01-13 16:00', '2026-01-13 16:50')).expect(201);
      expect(res.body).toMatchObject({ tariffValidFrom: '2026-01-01', amount: '1500.00', period: '2026-01' });
      const old = await post(incident('V-2025', '2025-12-30 16:00', '2025-12-30 16:50')).expect(201);
      expect(old.body).toMatchObject({ tariffValidFrom: '2025-01-01', amount: '1400.00', period: '2025-12' });
      const before = await post(incident('V-2024', '2024-12-30 16:00', '2024-12-30 16:50'));
      expect(before.status).toBe(422);
      expect(before.body.error).toBe('ON_CALL_TARIFF_MISSING');
    });
  });

  describe('the worked examples of DOMAIN.md 6.3, one incident at a time', () => {
    it('Tue 2025-03-11 16:00–16:50: evening 20 → 30, minimum → 60: 900.00 + 500.00 = 1 400.00', async () => {
      const res = await post(incident('EX-1', '2025-03-11 16:00', '2025-03-11 16:50')).expect(201);
      expect(res.body).toMatchObject({
        id: 'EX-1',
        consumer: 'tra-kl',
        period: '2025-03',
        latePeriodFrom: null,
        startLocal: '2025-03-11 16:00',
        start: '2025-03-11T15:00:00.000Z',
        rawMinutes: { ...none, evening: 20 },
        minutes: { ...none, evening: 60 },
        billableMinutes: 60,
        amount: '1400.00',
        billed: true,
      });
    });

    it('Fri 2025-06-20 (midsommarafton) 15:00–17:10: holiday 130 → 150: 4 500.00 + 500.00 = 5 000.00', async () => {
      const res = await post(incident('EX-2', '2025-06-20 15:00', '2025-06-20 17:10')).expect(201);
      expect(res.body).toMatchObject({
        minutes: { ...none, holiday: 150 },
        billableMinutes: 150,
        amount: '5000.00',
        period: '2025-06',
      });
    });

    it('Fri 2025-03-14 21:40 – Sat 00:20: evening 30, night 120, weekend 30: 3 950.00', async () => {
      const res = await post(incident('EX-3', '2025-03-14 21:40', '2025-03-15 00:20')).expect(201);
      expect(res.body).toMatchObject({
        rawMinutes: { evening: 20, night: 120, weekend: 20, holiday: 0 },
        minutes: { evening: 30, night: 120, weekend: 30, holiday: 0 },
        billableMinutes: 180,
        amount: '3950.00',
      });
    });

    it('Wed 2025-03-12 09:00–10:00: inside support hours: 0.00, not billed', async () => {
      const res = await post(incident('EX-4', '2025-03-12 09:00', '2025-03-12 10:00')).expect(201);
      expect(res.body).toMatchObject({ minutes: none, billableMinutes: 0, amount: '0.00', billed: false });
    });

    it('the billing of 2025-03 shows the consumer incidents with minutes per class and an exact total', async () => {
      const res = await t.http.get('/api/v1/on-call/billing?period=2025-03').set(t.auth()).expect(200);
      const traKl = res.body.consumers.find((c: { consumer: string }) => c.consumer === 'tra-kl');
      expect(traKl).toMatchObject({
        name: 'Tranemo kommunledningssektionen',
        kind: 'unit',
        total: '5350.00',
      });
      expect(
        traKl.incidents.map((i: { id: string; amount: string; billed: boolean }) => [
          i.id,
          i.amount,
          i.billed,
        ]),
      ).toEqual([
        ['EX-1', '1400.00', true],
        ['EX-4', '0.00', false],
        ['EX-3', '3950.00', true],
      ]);
      expect(traKl.incidents[2].minutes).toEqual({ evening: 30, night: 120, weekend: 30, holiday: 0 });
    });
  });

  describe('times (DOMAIN.md 6.2 rules 1 and 2)', () => {
    it('2025-03-30 01:30–03:30 local lasts 60 real minutes: Sunday, weekend 60: 1 200.00 + 500.00 = 1 700.00', async () => {
      const res = await post(incident('DST-1', '2025-03-30 01:30', '2025-03-30 03:30')).expect(201);
      expect(res.body).toMatchObject({
        elapsedMinutes: 60,
        start: '2025-03-30T00:30:00.000Z',
        end: '2025-03-30T01:30:00.000Z',
        minutes: { ...none, weekend: 60 },
        amount: '1700.00',
      });
    });

    it('rejects a local time that does not exist (spring forward) and one that exists twice (autumn), naming it', async () => {
      const skipped = await post(incident('DST-2', '2025-03-30 02:30', '2025-03-30 04:00'));
      expect(skipped.status).toBe(400);
      expect(skipped.body.details).toEqual([
        { path: 'start', message: expect.stringContaining('2025-03-30 02:30 finns inte') },
      ]);
      const twice = await post(incident('DST-3', '2025-10-26 01:00', '2025-10-26 02:30'));
      expect(twice.status).toBe(400);
      expect(twice.body.details).toEqual([
        { path: 'end', message: expect.stringContaining('2025-10-26 02:30 finns två gånger') },
      ]);
      await t.http.get('/api/v1/on-call/incidents/DST-2').set(t.auth()).expect(404);
      await t.http.get('/api/v1/on-call/incidents/DST-3').set(t.auth()).expect(404);
    });

    it('reads a time with an offset exactly, so the autumn hour can be given twice', async () => {
      const res = await post(
        incident('DST-4', '2025-10-26T02:30:00+02:00', '2025-10-26T02:30:00+01:00'),
      ).expect(201);
      expect(res.body).toMatchObject({
        elapsedMinutes: 60,
        minutes: { ...none, weekend: 60 },
        amount: '1700.00',
      });
    });

    it('rejects seconds, unreadable times, an end before the start and an unknown consumer, all at once', async () => {
      const res = await post({
        ...incident('BAD-1', '2025-03-11 16:00:30', '2025-03-11 1600'),
        consumer: 'okand',
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['start', 'end', 'consumer']);
      expect(res.body.details[0].message).toContain('sekunder');
      const backwards = await post(incident('BAD-2', '2025-03-11 17:00', '2025-03-11 16:00'));
      expect(backwards.body.details).toEqual([
        { path: 'end', message: expect.stringContaining('efter starttiden') },
      ]);
      const missing = await post({ id: '', start: 1 });
      expect(missing.status).toBe(400);
      expect(missing.body.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['id', 'start', 'end', 'consumer']),
      );
    });
  });

  describe('billing once', () => {
    it('refuses an incident id that is already stored (409) and bills it once', async () => {
      const res = await post(incident('EX-1', '2025-03-11 16:00', '2025-03-11 16:50'));
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('INCIDENT_EXISTS');
      const list = await t.http
        .get('/api/v1/on-call/incidents?consumer=tra-kl&period=2025-03')
        .set(t.auth())
        .expect(200);
      expect(list.body.items.filter((i: { id: string }) => i.id === 'EX-1')).toHaveLength(1);
    });

    it('audits every stored incident in the same transaction', async () => {
      const audit = await t.http
        .get('/api/v1/audit?entityType=incident&entityId=EX-3')
        .set(t.auth())
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        action: 'create',
        actor: 'test-drift',
        after: { amount: '3950.00' },
      });
    });

    it('lists incidents paged, filtered by period (month or quarter) and consumer', async () => {
      const page = await t.http
        .get('/api/v1/on-call/incidents?period=2025-Q1&consumer=tra-kl&page=1&pageSize=2')
        .set(t.auth())
        .expect(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 4, pages: 2 });
      expect(page.body.items.map((i: { id: string }) => i.id)).toEqual(['EX-1', 'EX-4']);
      const bad = await t.http.get('/api/v1/on-call/incidents?period=2025-13').set(t.auth());
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('PERIOD_INVALID');
    });

    it('the role readonly may read but not record (403)', async () => {
      const reader = await t.token('readonly');
      const res = await post(incident('RO-1', '2025-03-11 16:00', '2025-03-11 16:50'), reader);
      expect(res.status).toBe(403);
      await t.http.get('/api/v1/on-call/incidents').set(t.auth(reader)).expect(200);
      await t.http.get('/api/v1/on-call/billing?period=2025-03').set(t.auth(reader)).expect(200);
    });
  });
});
