import { startTestApp, TestApp } from '../support/test-app';

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
