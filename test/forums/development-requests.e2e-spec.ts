import { randomUUID } from 'node:crypto';
import { developmentChargeInputs } from '@it-samverkan/application';
import {
  AuditEntryEntity,
  DecisionEntity,
  DevelopmentRequestEntity,
  PeriodCloseEntity,
} from '@it-samverkan/persistence';
import { startTestApp, TestApp } from '../support/test-app';

/** IT-forum utveckling over HTTP on the demo cooperation (DOMAIN.md 8.2). */
describe('development requests: from received to billed', () => {
  let t: TestApp;
  let meetingDecision: string;
  let driftDecision: string;
  const base = '/api/v1/utveckling/requests';
  const create = (body: Record<string, unknown>, token?: string) =>
    t.http.post(base).set(t.auth(token)).send(body);
  const move = (id: string, body: Record<string, unknown>) =>
    t.http.post(`${base}/${id}/status`).set(t.auth()).send(body);
  const hours = (id: string, body: Record<string, unknown>) =>
    t.http.post(`${base}/${id}/hours`).set(t.auth()).send(body);
  const request = {
    unitId: 'ulr-bou',
    title: 'Bokningssystem för lokaler',
    need: 'Skolorna vill boka lokaler digitalt.',
    estimateHours: '30',
    funding: 'additional',
  };

  async function decision(forum: 'utveckling' | 'drift', date: string, paragraph: string): Promise<string> {
    const id = randomUUID();
    await t.dataSource.getRepository(DecisionEntity).insert({
      id,
      forum,
      date,
      year: Number(date.slice(0, 4)),
      paragraph,
      subject: 'Utvecklingsärenden',
      approves: [],
      createdAt: t.now.value,
      createdBy: 'test',
    });
    return id;
  }

  async function inProgress(body: Record<string, unknown>): Promise<string> {
    const { id } = (await create(body)).body;
    await move(id, { status: 'prioritised' });
    await move(id, { status: 'decided', decisionId: meetingDecision });
    await move(id, { status: 'in-progress' });
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp({ demo: true, now: new Date('2025-04-02T08:00:00Z') });
    meetingDecision = await decision('utveckling', '2025-03-12', '§ 31');
    driftDecision = await decision('drift', '2025-03-12', '§ 31');
  });
  afterAll(() => t.close());

  it('carries a request received → prioritised → decided → in-progress; its hours appear once in its month', async () => {
    const created = await create({ ...request, funding: 'framework' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'received',
      statusLabel: 'Mottaget',
      nextStatuses: ['prioritised', 'rejected'],
      unitName: expect.any(String),
      reportedHours: '0',
    });
    const id = created.body.id as string;
    expect((await move(id, { status: 'prioritised' })).body).toMatchObject({ status: 'prioritised' });
    const decided = await move(id, { status: 'decided', decisionId: meetingDecision, funding: 'additional' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      funding: 'additional',
      decision: { id: meetingDecision, reference: 'IT-forum utveckling 2025-03-12 § 31' },
    });
    const approved = await t.dataSource
      .getRepository(DecisionEntity)
      .findOneByOrFail({ id: meetingDecision });
    expect(approved.approves).toContainEqual({ type: 'development-request', id });
    expect((await move(id, { status: 'in-progress' })).body).toMatchObject({ status: 'in-progress' });

    const reported = await hours(id, { hours: '3,5', reportedOn: '2025-03-20', note: 'Uppstart' });
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({
      hours: '3.5',
      reportedOn: '2025-03-20',
      month: '2025-03',
      latePeriodFrom: null,
    });
    expect((await move(id, { status: 'done' })).body).toMatchObject({ status: 'done', nextStatuses: [] });
    expect((await hours(id, { hours: 1.25, reportedOn: '2025-04-01' })).status).toBe(201);

    const march = (await developmentChargeInputs(t.dataSource, ['2025-03'])).filter(
      (c) => c.consumerId === 'ulr-bou' && c.description.includes('Bokningssystem'),
    );
    expect(march).toEqual([
      {
        sourceKey: `development:${reported.body.id}`,
        consumerId: 'ulr-bou',
        description: 'Utvecklingsärende: Bokningssystem för lokaler, 2025-03-20, Uppstart (3.5 h)',
        hours: '3.5',
        reportedMonth: '2025-03',
      },
    ]);
    const both = await developmentChargeInputs(t.dataSource, ['2025-03', '2025-04']);
    expect(both.filter((c) => c.sourceKey === `development:${reported.body.id}`)).toHaveLength(1);
    expect(
      both.find((c) => c.description.includes('Bokningssystem') && c.reportedMonth === '2025-04'),
    ).toMatchObject({ hours: '1.25' });
    expect((await t.http.get(`${base}/${id}`).set(t.auth())).body).toMatchObject({ reportedHours: '4.75' });

    const api = await t.http.get('/api/v1/utveckling/charge-inputs?month=2025-03').set(t.auth());
    expect(api.body.map((c: { sourceKey: string }) => c.sourceKey)).toContain(
      `development:${reported.body.id}`,
    );
    const trail = await t.dataSource
      .getRepository(AuditEntryEntity)
      .find({ where: { entityId: id }, order: { id: 'ASC' } });
    expect(trail.map((a) => a.action)).toEqual(['create', 'status', 'status', 'status', 'status']);
  });

  it('the demo carries its additional requests to billable hours, never its framework request', async () => {
    const inputs = await developmentChargeInputs(t.dataSource, ['2025-01', '2025-02', '2025-03']);
    const demo = inputs.filter((c) => /skolskjuts|trygghetslarm/i.test(c.description));
    expect(demo.map((c) => [c.consumerId, c.hours, c.reportedMonth])).toEqual([
      ['ulr-bou', '6.5', '2025-02'],
      ['ulr-bou', '8', '2025-03'],
      ['tra-oms', '4', '2025-03'],
    ]);
    expect(inputs.some((c) => c.description.includes('Digital signering'))).toBe(false);
  });

  it('refuses a move the status does not allow with 409 INVALID_TRANSITION in Swedish', async () => {
    const { id } = (await create(request)).body;
    const res = await move(id, { status: 'in-progress' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: 'INVALID_TRANSITION',
      message:
        'Ett utvecklingsärende med status Mottaget kan inte få status Pågående; tillåtet härifrån: Prioriterat, Avslaget',
    });
    const done = await inProgress(request);
    await move(done, { status: 'done' });
    expect((await move(done, { status: 'rejected', decisionId: meetingDecision })).status).toBe(409);
  });

  it('deciding or rejecting needs a known decision of IT-forum utveckling (or the steering group): 400 otherwise', async () => {
    const { id } = (await create(request)).body;
    await move(id, { status: 'prioritised' });
    const missing = await move(id, { status: 'decided' });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      { path: 'decisionId', message: 'Ange beslutet (decisionId) som beslutar eller avslår ärendet' },
    ]);
    const unknown = await move(id, { status: 'rejected', decisionId: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].message).toContain('finns inte i beslutsregistret');
    const wrongForum = await move(id, { status: 'decided', decisionId: driftDecision });
    expect(wrongForum.status).toBe(400);
    expect((await t.http.get(`${base}/${id}`).set(t.auth())).body.status).toBe('prioritised');
    const rejected = await move(id, { status: 'rejected', decisionId: meetingDecision });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      statusLabel: 'Avslaget',
      decision: { id: meetingDecision },
    });
    const approved = await t.dataSource
      .getRepository(DecisionEntity)
      .findOneByOrFail({ id: meetingDecision });
    expect(approved.approves).not.toContainEqual({ type: 'development-request', id });
  });

  it('hours: only on in-progress or done additional work; a closed month moves them to the first open month', async () => {
    const { id: decidedOnly } = (await create(request)).body;
    await move(decidedOnly, { status: 'prioritised' });
    await move(decidedOnly, { status: 'decided', decisionId: meetingDecision });
    expect((await hours(decidedOnly, { hours: '2', reportedOn: '2025-03-20' })).body.error).toBe(
      'HOURS_NOT_ACCEPTED',
    );

    const framework = await inProgress({ ...request, title: 'Ramärende', funding: 'framework' });
    const notBillable = await hours(framework, { hours: '2', reportedOn: '2025-03-20' });
    expect(notBillable.status).toBe(422);
    expect(notBillable.body.error).toBe('HOURS_NOT_BILLABLE');

    const additional = await inProgress({ ...request, title: 'Sent rapporterad tid' });
    const bad = await hours(additional, { hours: '0', reportedOn: '2025-04-03' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['hours', 'reportedOn']);

    await t.dataSource
      .getRepository(PeriodCloseEntity)
      .insert({ month: '2025-03', closedAt: t.now.value, closedBy: 'test' });
    try {
      const late = await hours(additional, { hours: '2', reportedOn: '2025-03-25' });
      expect(late.body).toMatchObject({ month: '2025-04', latePeriodFrom: '2025-03' });
      const march = await developmentChargeInputs(t.dataSource, ['2025-03']);
      const april = await developmentChargeInputs(t.dataSource, ['2025-04']);
      expect(march.some((c) => c.sourceKey === `development:${late.body.id}`)).toBe(false);
      expect(april.filter((c) => c.sourceKey === `development:${late.body.id}`)).toHaveLength(1);
    } finally {
      await t.dataSource.getRepository(PeriodCloseEntity).delete({ month: '2025-03' });
    }
  });

  it('lists a meeting: requests to take up, and those decided at that meeting', async () => {
    const meeting = await t.http.get(`${base}?meetingDate=2025-02-12&pageSize=100`).set(t.auth());
    expect(meeting.status).toBe(200);
    // the demo registers its requests at one instant, so only the set is fixed (ties are ordered by id)
    expect(
      meeting.body.items.map((r: { title: string; status: string }) => [r.title, r.status]).sort(),
    ).toEqual([
      ['Digital signering av journalanteckningar', 'decided'],
      ['E-tjänst för ansökan om skolskjuts', 'in-progress'],
      ['Integration trygghetslarm – verksamhetssystem omsorg', 'in-progress'],
    ]);
    const today = await t.http.get(`${base}?meetingDate=2025-04-02&pageSize=100`).set(t.auth());
    const statuses = new Set(today.body.items.map((r: { status: string }) => r.status));
    expect([...statuses].every((s) => s === 'received' || s === 'prioritised')).toBe(true);
    expect(today.body.items.map((r: { title: string }) => r.title)).toContain('Ny elevportal');
    const march = await t.http.get(`${base}?meetingDate=2025-03-12&status=rejected`).set(t.auth());
    expect(march.body.items).toHaveLength(1);
    expect((await t.http.get(`${base}?meetingDate=2025-02-30`).set(t.auth())).status).toBe(400);
  });

  it('validates a new request, and limits roles and scope', async () => {
    const bad = await create({
      unitId: 'nope',
      title: ' ',
      need: 'x',
      estimateHours: '-1',
      funding: 'framework',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual([
      'unitId',
      'title',
      'estimateHours',
    ]);
    const readonly = await t.token('readonly');
    expect((await create(request, readonly)).status).toBe(403);
    const tranemo = await t.token('utveckling', 'tranemo');
    // Tranemo's forum member registers for Tranemo's units only (DOMAIN 9: on whose behalf one acts).
    const theirs = await create(request, tranemo);
    expect(theirs.status).toBe(403);
    expect(theirs.body.error).toBe('FORBIDDEN');
    const own = await create({ ...request, unitId: 'tra-utb' }, tranemo);
    expect(own.status).toBe(201);
    // The register is shared within the cooperation (DOMAIN 9): Tranemo reads Ulricehamn's requests too.
    const listed = await t.http.get(`${base}?pageSize=500`).set(t.auth(tranemo));
    expect(new Set(listed.body.items.map((r: { municipalityId: string }) => r.municipalityId))).toEqual(
      new Set(['tranemo', 'ulricehamn']),
    );
    const ulricehamn = await t.dataSource
      .getRepository(DevelopmentRequestEntity)
      .findOneByOrFail({ unitId: 'ulr-bou', title: request.title });
    expect((await t.http.get(`${base}/${ulricehamn.id}`).set(t.auth(tranemo))).status).toBe(200);
    // …but does not act on them: only the host's forum (or Ulricehamn's) changes an Ulricehamn request.
    expect(
      (
        await t.http
          .patch(`${base}/${ulricehamn.id}`)
          .set(t.auth(tranemo))
          .send({ title: 'Ändrad av Tranemo' })
      ).status,
    ).toBe(403);
    expect((await t.http.get(`${base}/not-a-uuid`).set(t.auth())).status).toBe(404);
  });
});
