import { DecisionEntity } from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';

describe('Decisions register (IT-styrgruppen and the forums)', () => {
  let t: TestApp;
  let styrgrupp: string;

  beforeAll(async () => {
    t = await startTestApp();
    styrgrupp = await t.token('styrgrupp');
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, token = styrgrupp) =>
    t.http.post('/api/v1/decisions').set(t.auth(token)).send(body);

  it('records a decision: the year comes from the date, the paragraph is written "§ n", audited', async () => {
    const res = await create({
      forum: 'styrgrupp',
      date: '2024-11-20',
      paragraph: '14',
      subject: 'Tjänstefiering 2025: budget och prislista',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      forum: 'styrgrupp',
      forumName: 'IT-styrgruppen',
      date: '2024-11-20',
      year: 2024,
      paragraph: '§ 14',
      reference: 'IT-styrgruppen 2024-11-20 § 14',
      approves: [],
      createdBy: 'test-styrgrupp',
      createdAt: '2025-04-02T08:00:00.000Z',
    });
    const got = await t.http.get(`/api/v1/decisions/${res.body.id}`).set(t.auth(await t.token('readonly')));
    expect(got.body).toEqual(res.body);
    const audit = await t.http.get(`/api/v1/audit?entityType=decision&entityId=${res.body.id}`).set(t.auth());
    expect(audit.body.items).toHaveLength(1);
  });

  it('forum, year and paragraph identify a decision: the same again is a conflict (409), another forum is not', async () => {
    const again = await create({
      forum: 'styrgrupp',
      date: '2024-12-11',
      paragraph: '§14',
      subject: 'Annat ärende',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('DECISION_EXISTS');
    const driftDecision = {
      forum: 'drift',
      date: '2024-12-11',
      paragraph: '§ 14',
      subject: 'Driftuppföljning T3',
    };
    // Each forum records its own decisions (DOMAIN 9).
    expect((await create(driftDecision)).status).toBe(403);
    expect((await create(driftDecision, await t.token('drift'))).status).toBe(201);
  });

  it('lists decisions per year and forum in meeting order, paged', async () => {
    await create({ forum: 'styrgrupp', date: '2024-03-06', paragraph: '5', subject: 'Ramuppdrag IT 2024' });
    await create(
      { forum: 'utveckling', date: '2024-05-15', paragraph: '8', subject: 'Utvecklingsärende e-arkiv' },
      await t.token('utveckling'),
    );
    await create({ forum: 'styrgrupp', date: '2025-02-12', paragraph: '2', subject: 'Ramuppdrag IT 2025' });
    const list = await t.http.get('/api/v1/decisions?year=2024&forum=styrgrupp').set(t.auth());
    expect(list.body.items.map((d: any) => `${d.date} ${d.paragraph}`)).toEqual([
      '2024-03-06 § 5',
      '2024-11-20 § 14',
    ]);
    const all2024 = await t.http.get('/api/v1/decisions?year=2024&pageSize=2&page=2').set(t.auth());
    expect(all2024.body).toMatchObject({ total: 4, page: 2, pageSize: 2, pages: 2 });
    expect(all2024.body.items.map((d: any) => d.forum)).toEqual(['styrgrupp', 'drift']);
    expect((await t.http.get('/api/v1/decisions?forum=informationssakerhet').set(t.auth())).body.total).toBe(
      0,
    );
    expect((await t.http.get('/api/v1/decisions?forum=okand').set(t.auth())).status).toBe(400);
    // The register page asks for the newest first: the same two styrgrupp decisions of 2024, reversed.
    const newest = await t.http.get('/api/v1/decisions?year=2024&forum=styrgrupp&order=desc').set(t.auth());
    expect(newest.body.items.map((d: any) => `${d.date} ${d.paragraph}`)).toEqual([
      '2024-11-20 § 14',
      '2024-03-06 § 5',
    ]);
    const badOrder = await t.http.get('/api/v1/decisions?order=nyast').set(t.auth()).expect(400);
    expect(JSON.stringify(badOrder.body)).toContain('order måste vara asc eller desc');
  });

  it('rejects a bad decision with every problem listed and stores nothing', async () => {
    const before = await t.dataSource.getRepository(DecisionEntity).count();
    const res = await create({ forum: 'kommunfullmaktige', date: '20 november', paragraph: '', subject: '' });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: any) => d.path).sort()).toEqual([
      'date',
      'forum',
      'paragraph',
      'subject',
    ]);
    const impossible = await create({
      forum: 'styrgrupp',
      date: '2025-02-30',
      paragraph: 'fjorton',
      subject: 'x',
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body.details.map((d: any) => d.path).sort()).toEqual(['date', 'paragraph']);
    const extra = await create({
      forum: 'styrgrupp',
      date: '2025-02-12',
      paragraph: '9',
      subject: 'x',
      approves: [],
    });
    expect(extra.status).toBe(400);
    expect(await t.dataSource.getRepository(DecisionEntity).count()).toBe(before);
  });

  it('roles: only styrgrupp (and admin) records decisions; every role reads them', async () => {
    const tjf = await t.token('tjanstefiering');
    expect(
      (await create({ forum: 'tjanstefiering', date: '2025-01-15', paragraph: '1', subject: 'x' }, tjf))
        .status,
    ).toBe(403);
    expect((await t.http.get('/api/v1/decisions').set(t.auth(tjf))).status).toBe(200);
    expect(
      (await t.http.get('/api/v1/decisions/00000000-0000-4000-8000-000000000000').set(t.auth())).status,
    ).toBe(404);
  });
});
