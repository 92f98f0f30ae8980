import { parsePeriod } from '@it-samverkan/domain';
import { PeriodCloseEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';
import { insertDrafts } from './support';

/** GET /api/v1/periods/{period}: what finance (and the start page) needs to know before closing. */
describe('period status', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  const status = async (period: string) =>
    (await t.http.get(`/api/v1/periods/${period}`).set(t.auth()).expect(200)).body;

  const open = async () =>
    ((await t.http.get('/api/v1/periods').set(t.auth()).expect(200)).body as { period: string }[]).map(
      (s: any) => `${s.period} ${s.drafts}/${s.issued}${s.closed ? ' stängd' : ''}`,
    );

  it('follows a quarter from drafts to closed, month by month', async () => {
    // the demo (2025 only) holds no document yet: no period to issue or close
    expect(await open()).toEqual([]);
    expect(await status('2025-Q1')).toEqual({
      period: '2025-Q1',
      months: ['2025-01', '2025-02', '2025-03'],
      closedMonths: [],
      closed: false,
      drafts: 0,
      issued: 0,
    });
    await t.http.post('/api/v1/invoice-runs').set(t.auth()).send({ period: '2025-Q1' }).expect(201);
    const drafts = (await t.http.get('/api/v1/invoices?period=2025-Q1').set(t.auth())).body.items as {
      id: string;
    }[];
    expect(drafts.length).toBeGreaterThan(0);
    expect(await status('2025-Q1')).toMatchObject({ drafts: drafts.length, issued: 0, closed: false });
    // closing is refused while drafts remain, and the status says so
    await t.http.post('/api/v1/periods/2025-Q1/close').set(t.auth()).expect(409);
    // the start page's list: the run's drafts, all in the quarter
    expect(await open()).toEqual([`2025-Q1 ${drafts.length}/0`]);

    for (const d of drafts)
      await t.http
        .post(`/api/v1/invoices/${d.id}/issue`)
        .set(t.auth())
        .send({ invoiceDate: '2025-04-01' })
        .expect(200);
    expect(await status('2025-Q1')).toMatchObject({ drafts: 0, issued: drafts.length, closed: false });
    // a month of the quarter holds what was billed for the quarter (the quarter touches it)
    expect(await status('2025-02')).toMatchObject({ drafts: 0, issued: drafts.length, closedMonths: [] });

    expect(await open()).toEqual([`2025-Q1 0/${drafts.length}`]);

    await t.http.post('/api/v1/periods/2025-Q1/close').set(t.auth()).expect(200);
    // closed: no longer listed
    expect(await open()).toEqual([]);
    expect(await status('2025-Q1')).toMatchObject({
      closedMonths: ['2025-01', '2025-02', '2025-03'],
      closed: true,
    });
    expect(await status('2025-02')).toMatchObject({ closedMonths: ['2025-02'], closed: true });
    // the year is only partly closed: three of its twelve months
    expect(await status('2025')).toMatchObject({
      closedMonths: ['2025-01', '2025-02', '2025-03'],
      closed: false,
    });
    expect(await status('2025-Q2')).toMatchObject({ closedMonths: [], closed: false, drafts: 0, issued: 0 });
  });

  it('refuses a period that is not one, naming the field', async () => {
    const res = await t.http.get('/api/v1/periods/2025-Q5').set(t.auth()).expect(400);
    expect(res.body.details).toEqual([
      { path: 'period', message: 'period skrivs 2025-03, 2025-Q1, 2025-T1 eller 2025' },
    ]);
  });

  it('needs a login', async () => {
    await t.http.get('/api/v1/periods/2025-Q1').expect(401);
  });
});

/** GET /api/v1/periods reads the invoices' periods only outside the years wholly closed. */
describe('open periods around wholly closed years', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => t.close());

  it('lists the open periods before, between and after closed years, and none of a closed year', async () => {
    for (const period of ['2022-Q4', '2023-03', '2023', '2024-11', '2024-12', '2024-Q4', '2026-T1'])
      await insertDrafts(t.dataSource, 1, period);
    // 2023 wholly closed; 2024 closed up to November, so December and what holds it stay open
    const months = [
      ...parsePeriod('2023').months,
      ...parsePeriod('2024').months.filter((m) => m !== '2024-12'),
    ];
    await t.dataSource
      .getRepository(PeriodCloseEntity)
      .insert(
        months.map((month) => ({ month, closedAt: new Date('2025-01-20T00:00:00Z'), closedBy: 'test' })),
      );
    const open = (await t.http.get('/api/v1/periods').set(t.auth()).expect(200)).body as {
      period: string;
      closedMonths: string[];
      drafts: number;
    }[];
    // drafts counted as closing counts them: the periods touching (2024-Q4 touches 2024-11 and 2024-12)
    expect(open.map((s) => `${s.period} ${s.closedMonths.length} ${s.drafts}`)).toEqual([
      '2022-Q4 0 1',
      '2024-12 0 2',
      '2024-Q4 2 3',
      '2026-T1 0 1',
    ]);
  });
});
