import { AuditEntryEntity, CostModelVersionEntity, DecisionEntity } from '@it-samverkan/persistence';
import { canonicalHash } from '@it-samverkan/application';
import { cloneDocument, exampleModel, seededRandom } from '../factories/cost-model';
import { startTestApp, TestApp } from '../support/test-app';

type Doc = ReturnType<typeof exampleModel> & Record<string, any>;

/** Mutations that each make the model of 5.1 invalid (DOMAIN.md 5.1's list of what is rejected). */
const MUTATIONS: ((d: any, r: () => number) => void)[] = [
  (d, r) => (d.pools[Math.floor(r() * 3)].amount = '100.001'),
  (d) => (d.pools[0].to.arbetsplats = -1),
  (d) => (d.pools[1].to = { finnsinte: 1 }),
  (d) => (d.consumers[2].id = 'ulr-ks'),
  (d) => (d.services[1].allocate.driver = 'okand'),
  (d) => (d.services[1].allocate = { method: 'weights', to: { ledning: 1 } }),
  (d, r) => (d.volumes.users[['ulr-ks', 'tra-oms', 'bolag-b1'][Math.floor(r() * 3)]] = -3),
  (d) => (d.volumes.devices['okand-kund'] = 5),
  (d) => (d.format = 'it-samverkan/cost-model@2'),
  (d) => (d.currency = 'EUR'),
  (d) => (d.year = '2025'),
  (d) => (d.services[2].allocate.method = 'lottning'),
  (d) => delete d.services,
  (d) => (d.consumers = 'ulr-ks'),
  (d) => (d.services[0].allocate.to = ['ledning']),
  (d) => (d.pools[2].to = {}),
  (d) => (d.services[2].id = 'arbetsplats'),
  (d) => (d.volumes.devices['tra-oms'] = 'tre'),
  (d) => (d.pools[1].amount = '12,50'),
  (d) => (d.services[2].allocate = { method: 'consumer-weights', to: { 'okand-kund': 1 } }),
  (d) => delete d.volumes.users,
  (d) => (d.name = ''),
];

describe('Cost-model versions: import, validation, approval, immutability, roles', () => {
  let t: TestApp;
  const counts = async () => ({
    versions: await t.dataSource.getRepository(CostModelVersionEntity).count(),
    decisions: await t.dataSource.getRepository(DecisionEntity).count(),
    audit: await t.dataSource.getRepository(AuditEntryEntity).count(),
  });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('imports a budget version as a draft with the sha-256 of its canonical JSON, and lists and gets it', async () => {
    const doc = exampleModel();
    const res = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(doc);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Tjänstefiering 2025, budget',
      year: 2025,
      kind: 'budget',
      status: 'draft',
      decisionId: null,
    });
    expect(res.body.documentHash).toBe(canonicalHash(doc));
    // Key order does not change the hash.
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(canonicalHash(reordered)).toBe(res.body.documentHash);

    const got = await t.http.get(`/api/v1/cost-models/${res.body.id}`).set(t.auth());
    expect(got.status).toBe(200);
    expect(got.body.document).toEqual(doc);

    const list = await t.http.get('/api/v1/cost-models?year=2025&kind=budget&status=draft').set(t.auth());
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].document).toBeUndefined();
    expect((await t.http.get('/api/v1/cost-models?kind=actual').set(t.auth())).body.total).toBe(0);
    expect((await t.http.get('/api/v1/cost-models?kind=annat').set(t.auth())).status).toBe(400);
  });

  it('takes the kind from an envelope {kind, document}; budget and actual of one year side by side', async () => {
    const doc = cloneDocument(exampleModel());
    doc.name = 'Tjänstefiering 2025, utfall';
    const res = await t.http
      .post('/api/v1/cost-models')
      .set(t.auth())
      .send({ kind: 'actual', document: doc });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('actual');
    const list = await t.http.get('/api/v1/cost-models?year=2025').set(t.auth());
    expect(list.body.items.map((v: any) => v.kind).sort()).toEqual(['actual', 'budget']);
  });

  it('rejects an invalid model with 400, every problem listed, nothing stored', async () => {
    const before = await counts();
    const doc: Doc = cloneDocument(exampleModel());
    doc.pools[0].amount = '1000000.001';
    doc.consumers[1].id = 'ulr-ks';
    doc.services[2].allocate = { method: 'driver', driver: 'saknas' };
    const res = await t.http.post('/api/v1/cost-models').set(t.auth()).send(doc);
    expect(res.status).toBe(400);
    const paths = res.body.details.map((d: any) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['kind', 'pools[0].amount', 'consumers[1].id', 'services[2].allocate.driver']),
    );
    expect(await counts()).toEqual(before);
  });

  it('rejects every mutation alone and 20 random combinations of them with 400, and stores nothing', async () => {
    const before = await counts();
    const random = seededRandom(20251120);
    for (const [m, mutate] of MUTATIONS.entries()) {
      const doc = cloneDocument(exampleModel());
      mutate(doc, random);
      const res = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(doc);
      expect({ mutation: m, status: res.status }).toEqual({ mutation: m, status: 400 });
    }
    for (let i = 0; i < 20; i++) {
      const doc = cloneDocument(exampleModel());
      const picks = 1 + Math.floor(random() * 3);
      const applied: number[] = [];
      for (let k = 0; k < picks; k++) {
        const m = Math.floor(random() * MUTATIONS.length);
        applied.push(m);
        MUTATIONS[m](doc, random);
      }
      const res = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(doc);
      expect({ mutations: applied, status: res.status }).toEqual({ mutations: applied, status: 400 });
      expect(res.body.details.length).toBeGreaterThan(0);
      for (const d of res.body.details) expect(typeof d.path === 'string' && d.message.length > 0).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('edits a draft (PUT), audited with before and after', async () => {
    const created = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(exampleModel());
    const edited = cloneDocument(exampleModel());
    edited.pools[2].amount = '150000.00';
    const res = await t.http.put(`/api/v1/cost-models/${created.body.id}`).set(t.auth()).send(edited);
    expect(res.status).toBe(200);
    expect(res.body.document.pools[2].amount).toBe('150000.00');
    expect(res.body.documentHash).toBe(canonicalHash(edited));
    const audit = await t.http
      .get(`/api/v1/audit?entityType=cost-model-version&entityId=${created.body.id}`)
      .set(t.auth());
    const update = audit.body.items.find((a: any) => a.action === 'update');
    expect(update.before.document.pools[2].amount).toBe('100000.00');
    expect(update.after.document.pools[2].amount).toBe('150000.00');
    // An invalid edit changes nothing.
    const bad = await t.http
      .put(`/api/v1/cost-models/${created.body.id}`)
      .set(t.auth())
      .send({ ...edited, currency: 'NOK' });
    expect(bad.status).toBe(400);
    expect((await t.http.get(`/api/v1/cost-models/${created.body.id}`).set(t.auth())).body.document).toEqual(
      edited,
    );
    // A draft without split runs can be deleted.
    expect((await t.http.delete(`/api/v1/cost-models/${created.body.id}`).set(t.auth())).status).toBe(204);
    expect((await t.http.get(`/api/v1/cost-models/${created.body.id}`).set(t.auth())).status).toBe(404);
  });

  it('a draft gains a driver and a service moves to it; a driver a service uses is not removed (400 at the service), an unused one is', async () => {
    const created = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(exampleModel());
    const id = created.body.id;
    const withPhones: Doc = cloneDocument(exampleModel());
    withPhones.drivers.push({ id: 'phones', name: 'Antal mobiltelefoner', unit: 'st' });
    withPhones.volumes.phones = { 'ulr-ks': 30, 'tra-oms': 10 };
    withPhones.services[2].allocate = { method: 'driver', driver: 'phones' };
    const res = await t.http.put(`/api/v1/cost-models/${id}`).set(t.auth()).send(withPhones);
    expect(res.status).toBe(200);
    expect(res.body.document.drivers.map((d: { id: string }) => d.id)).toEqual([
      'devices',
      'users',
      'phones',
    ]);
    const audit = await t.http
      .get(`/api/v1/audit?entityType=cost-model-version&entityId=${id}&action=update`)
      .set(t.auth());
    expect(audit.body.items[0].before.document.drivers).toHaveLength(2);
    expect(audit.body.items[0].after.document.drivers).toHaveLength(3);
    // servicedesk 466 666.67 (5.3) by phones 30 : 10 : none → 350 000.0025 and 116 666.6675, floors
    // 35 000 000 + 11 666 666 öre, the one öre left to the larger fraction (.75): tra-oms
    const split = await t.http.post('/api/v1/cost-models/split').set(t.auth()).send(res.body.document);
    const servicedesk = (c: string) =>
      split.body.consumers.find((x: { id: string }) => x.id === c).services.servicedesk ?? null;
    expect(['ulr-ks', 'tra-oms', 'bolag-b1'].map(servicedesk)).toEqual(['350000.00', '116666.67', null]);

    // phones removed while servicedesk still uses it: refused at the service's driver, nothing stored
    const withoutPhones: Doc = cloneDocument(withPhones);
    withoutPhones.drivers = withoutPhones.drivers.filter((d: { id: string }) => d.id !== 'phones');
    delete withoutPhones.volumes.phones;
    const refused = await t.http.put(`/api/v1/cost-models/${id}`).set(t.auth()).send(withoutPhones);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      {
        path: 'services[2].allocate.driver',
        message: "Tjänsten 'servicedesk' använder fördelningsnyckeln 'phones' som inte finns",
      },
    ]);
    // users is used by no service now, but its volumes must go with it
    const withoutUsers: Doc = cloneDocument(withPhones);
    withoutUsers.drivers = withoutUsers.drivers.filter((d: { id: string }) => d.id !== 'users');
    const volumesLeft = await t.http.put(`/api/v1/cost-models/${id}`).set(t.auth()).send(withoutUsers);
    expect([volumesLeft.status, volumesLeft.body.details]).toEqual([
      400,
      [{ path: 'volumes.users', message: "Okänd fördelningsnyckel 'users'" }],
    ]);
    expect((await t.http.get(`/api/v1/cost-models/${id}`).set(t.auth())).body.document).toEqual(withPhones);
    delete withoutUsers.volumes.users;
    const removed = await t.http.put(`/api/v1/cost-models/${id}`).set(t.auth()).send(withoutUsers);
    expect(removed.status).toBe(200);
    expect(removed.body.document.drivers.map((d: { id: string }) => d.id)).toEqual(['devices', 'phones']);
    expect(Object.keys(removed.body.document.volumes)).toEqual(['devices', 'phones']);
    // the cost-model group may edit; finance may not
    const finance = await t.token('finance');
    expect((await t.http.put(`/api/v1/cost-models/${id}`).set(t.auth(finance)).send(withPhones)).status).toBe(
      403,
    );
  });

  it('approves through an IT-styrgruppen decision; an approved version cannot be changed (409) and stays as it was', async () => {
    const styrgrupp = await t.token('styrgrupp');
    const created = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(exampleModel());
    const id = created.body.id;
    t.now.value = new Date('2025-04-03T10:00:00Z');
    const res = await t.http
      .post(`/api/v1/cost-models/${id}/approve`)
      .set(t.auth(styrgrupp))
      .send({
        decision: {
          date: '2024-11-20',
          paragraph: '14',
          subject: 'Tjänstefiering 2025: budget och prislista',
        },
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', approvedAt: '2025-04-03T10:00:00.000Z' });
    expect(res.body.decision).toMatchObject({
      forum: 'styrgrupp',
      date: '2024-11-20',
      year: 2024,
      paragraph: '§ 14',
      reference: 'IT-styrgruppen 2024-11-20 § 14',
    });
    expect(res.body.decision.approves).toEqual([{ type: 'cost-model-version', id }]);

    const changed = cloneDocument(exampleModel());
    changed.pools[0].amount = '1.00';
    const put = await t.http.put(`/api/v1/cost-models/${id}`).set(t.auth()).send(changed);
    expect(put.status).toBe(409);
    expect(put.body.error).toBe('COST_MODEL_APPROVED');
    expect((await t.http.delete(`/api/v1/cost-models/${id}`).set(t.auth())).status).toBe(409);
    const again = await t.http
      .post(`/api/v1/cost-models/${id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decisionId: res.body.decisionId });
    expect(again.status).toBe(409);
    const stored = await t.http.get(`/api/v1/cost-models/${id}`).set(t.auth());
    expect(stored.body.document).toEqual(exampleModel());
    expect(stored.body.documentHash).toBe(created.body.documentHash);

    const audit = await t.http.get(`/api/v1/audit?entityId=${id}&action=approve`).set(t.auth());
    expect(audit.body.items[0]).toMatchObject({ entityType: 'cost-model-version', actor: 'test-styrgrupp' });
  });

  it('approves by citing a registered decision, which then lists the version; other forums and bad references are refused', async () => {
    const styrgrupp = await t.token('styrgrupp');
    const created = await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth()).send(exampleModel());
    const driftDecision = { forum: 'drift', date: '2025-03-01', paragraph: '§ 3', subject: 'Uppföljning T3' };
    // Each forum records its own decisions (DOMAIN 9): styrgrupp may not record IT-forum drift's.
    const notTheirs = await t.http.post('/api/v1/decisions').set(t.auth(styrgrupp)).send(driftDecision);
    expect(notTheirs.status).toBe(403);
    const drift = await t.http
      .post('/api/v1/decisions')
      .set(t.auth(await t.token('drift')))
      .send(driftDecision);
    const wrongForum = await t.http
      .post(`/api/v1/cost-models/${created.body.id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decisionId: drift.body.id });
    expect(wrongForum.status).toBe(422);
    expect(wrongForum.body.error).toBe('DECISION_WRONG_FORUM');

    const both = await t.http
      .post(`/api/v1/cost-models/${created.body.id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decisionId: drift.body.id, decision: { date: '2025-03-01', paragraph: '1', subject: 'x' } });
    expect(both.status).toBe(400);
    expect(
      (await t.http.post(`/api/v1/cost-models/${created.body.id}/approve`).set(t.auth(styrgrupp)).send({}))
        .status,
    ).toBe(400);
    const unknown = await t.http
      .post(`/api/v1/cost-models/${created.body.id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decisionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);

    const decision = await t.http
      .post('/api/v1/decisions')
      .set(t.auth(styrgrupp))
      .send({ forum: 'styrgrupp', date: '2025-03-12', paragraph: '§ 22', subject: 'Reviderad budget 2025' });
    const ok = await t.http
      .post(`/api/v1/cost-models/${created.body.id}/approve`)
      .set(t.auth(styrgrupp))
      .send({ decisionId: decision.body.id });
    expect(ok.status).toBe(200);
    const cited = await t.http.get(`/api/v1/decisions/${decision.body.id}`).set(t.auth());
    expect(cited.body.approves).toEqual([{ type: 'cost-model-version', id: created.body.id }]);
    expect(
      (await t.http.get('/api/v1/cost-models?status=approved').set(t.auth())).body.items[0].decision
        .paragraph,
    ).toBe('§ 22');
  });

  it('roles: readonly and finance cannot import, tjänstefiering cannot approve, everyone may read', async () => {
    const readonly = await t.token('readonly');
    const finance = await t.token('finance');
    const tjf = await t.token('tjanstefiering');
    const before = await counts();
    expect(
      (await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth(readonly)).send(exampleModel()))
        .status,
    ).toBe(403);
    expect(
      (await t.http.post('/api/v1/cost-models?kind=budget').set(t.auth(finance)).send(exampleModel())).status,
    ).toBe(403);
    expect(await counts()).toEqual(before);
    const created = await t.http
      .post('/api/v1/cost-models?kind=budget')
      .set(t.auth(tjf))
      .send(exampleModel());
    expect(created.status).toBe(201);
    const approve = await t.http
      .post(`/api/v1/cost-models/${created.body.id}/approve`)
      .set(t.auth(tjf))
      .send({ decision: { date: '2025-01-10', paragraph: '2', subject: 'x' } });
    expect(approve.status).toBe(403);
    expect((await t.http.get(`/api/v1/cost-models/${created.body.id}`).set(t.auth(readonly))).status).toBe(
      200,
    );
    expect((await t.http.get('/api/v1/cost-models/template.xlsx').set(t.auth(readonly))).status).toBe(200);
    expect((await t.http.get('/api/v1/cost-models/not-a-uuid').set(t.auth())).status).toBe(400);
    expect(
      (await t.http.get('/api/v1/cost-models/00000000-0000-4000-8000-000000000000').set(t.auth())).status,
    ).toBe(404);
  });
});
