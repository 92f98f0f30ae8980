import { UnitEntity } from '@it-samverkan/persistence';
import { TEST_DATABASE_KIND } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';
import { storeApprovedModel } from '../invoicing/support';
import { incidentBody } from '../on-call/on-call-fixtures';

type Line = { source: string; consumerId: string; net: string };

/** Units end by date (a reorganisation); an ended unit is not billed for periods that start after its end. */
describe(`a unit ends by date (${TEST_DATABASE_KIND})`, () => {
  let t: TestApp;
  let finance: string;
  let drift: string;

  const tranemoCostShares = async (period: string): Promise<Line[]> => {
    const list = await t.http
      .get(`/api/v1/invoices?period=${period}&buyerId=tranemo`)
      .set(t.auth(finance))
      .expect(200);
    return list.body.items
      .flatMap((i: { lines: Line[] }) => i.lines)
      .filter((l: Line) => l.source === 'cost-share');
  };
  const sumOre = (lines: Line[]) => lines.reduce((s, l) => s + BigInt(l.net.replace('.', '')), 0n);
  // DOMAIN.md 6.3's first example on a weekday evening: 16:00–16:50 → 60 minutes, 1 400.00.
  const incident = (id: string, day: string) => incidentBody(id, `${day} 16:00`, `${day} 16:50`, 'tra-utb');

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-10-02T08:00:00Z') });
    await storeApprovedModel(t.dataSource);
    finance = await t.token('finance');
    drift = await t.token('drift');
  });
  afterAll(async () => t.close());

  it('refuses an end date that is no date, or that leaves an incident of the unit after it (nothing stored)', async () => {
    // Tuesday 2025-05-13, in May: billed in 2025-Q2.
    await t.http
      .post('/api/v1/on-call/incidents')
      .set(t.auth(drift))
      .send(incident('UTB-1', '2025-05-13'))
      .expect(201);
    const notADate = await t.http
      .patch('/api/v1/organisation/units/tra-utb')
      .set(t.auth(finance))
      .send({ validTo: '2025-02-30' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.details).toEqual([
      { path: 'validTo', message: 'Slutdatum: 2025-02-30 är inget giltigt datum' },
    ]);
    const tooEarly = await t.http
      .patch('/api/v1/organisation/units/tra-utb')
      .set(t.auth(finance))
      .send({ validTo: '2025-04-30' });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.details).toEqual([
      {
        path: 'validTo',
        message:
          'Enheten har beredskapsärenden eller utvecklingstimmar i 2025-05, efter slutdatumet 2025-04-30',
      },
    ]);
    expect(
      (await t.dataSource.getRepository(UnitEntity).findOneByOrFail({ id: 'tra-utb' })).validTo,
    ).toBeNull();
    // The demo's tra-oms reported 4 development hours in 2025-03: it cannot end in February.
    const hours = await t.http
      .patch('/api/v1/organisation/units/tra-oms')
      .set(t.auth(finance))
      .send({ validTo: '2025-02-28' });
    expect(hours.status).toBe(400);
    expect(hours.body.details[0].message).toMatch(
      /^Enheten har beredskapsärenden eller utvecklingstimmar i 2025-03[,]? /,
    );
  });

  it('ends the unit on its last day; no incident of a later month is accepted for it', async () => {
    const ended = await t.http
      .patch('/api/v1/organisation/units/tra-utb')
      .set(t.auth(finance))
      .send({ validTo: '2025-06-30' })
      .expect(200);
    expect(ended.body).toMatchObject({ id: 'tra-utb', validTo: '2025-06-30' });
    const late = await t.http
      .post('/api/v1/on-call/incidents')
      .set(t.auth(drift))
      .send(incident('UTB-2', '2025-07-01'));
    expect(late.status).toBe(400);
    expect(late.body.details).toEqual([
      {
        path: 'consumer',
        message:
          'Enheten Tranemo utbildningssektionen upphörde 2025-06-30; ett ärende i 2025-07 kan inte debiteras den',
      },
    ]);
    // The last day itself still belongs to the unit (Monday 2025-06-30).
    await t.http
      .post('/api/v1/on-call/incidents')
      .set(t.auth(drift))
      .send(incident('UTB-3', '2025-06-30'))
      .expect(201);
  });

  it('bills the quarter the unit ends in, and not the next one (with a warning)', async () => {
    const q2 = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q2' })
      .expect(201);
    expect(q2.body.warnings.filter((w: string) => w.includes('tra-utb'))).toEqual([]);
    const q2Lines = await tranemoCostShares('2025-Q2');
    expect(q2Lines.some((l) => l.consumerId === 'tra-utb')).toBe(true);

    const q3 = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q3' })
      .expect(201);
    expect(q3.body.warnings).toContain(
      'Enheten Tranemo utbildningssektionen (tra-utb) upphörde 2025-06-30 och debiteras inte för 2025-Q3',
    );
    const q3Lines = await tranemoCostShares('2025-Q3');
    expect(q3Lines.map((l) => l.consumerId)).not.toContain('tra-utb');
    // tra-oms alone: its year 300 000.00 (150 devices × 2 000.00) + 33 333.34 servicedesk
    // (100 000.01 over three users, the first two take the öre) = 333 333.34, spread over four
    // quarters 83 333.34, 83 333.34, 83 333.33, 83 333.33: Q3 is 83 333.33.
    expect(sumOre(q3Lines)).toBe(8333333n);
  });

  it('an end date taken back (null) bills the unit again', async () => {
    await t.http
      .patch('/api/v1/organisation/units/tra-utb')
      .set(t.auth(finance))
      .send({ validTo: null })
      .expect(200);
    const q4 = await t.http
      .post('/api/v1/invoice-runs')
      .set(t.auth(finance))
      .send({ period: '2025-Q4' })
      .expect(201);
    expect(q4.body.warnings.filter((w: string) => w.includes('tra-utb'))).toEqual([]);
    expect((await tranemoCostShares('2025-Q4')).some((l) => l.consumerId === 'tra-utb')).toBe(true);
  });
});
