import { In } from 'typeorm';
import { IncidentEntity, InvoiceLineEntity } from '@it-samverkan/persistence';
import { TEST_DATABASE_KIND } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';
import { incidentBody, incidentCsv } from './on-call-fixtures';

/**
 * Incident ids are compared exactly, letter case included, on both databases: "INC-7", "inc-7"
 * and "Inc-7" are three incidents (MariaDB's default collation used to take them for one).
 */
describe(`incident ids compare exactly (${TEST_DATABASE_KIND})`, () => {
  let t: TestApp;
  let drift: string;
  // DOMAIN.md 6.3: Tue 16:00–16:50 is evening 20 → 30 minutes, minimum 60: 900.00 + 500.00 = 1 400.00.
  const incident = (id: string) => incidentBody(id, '2025-03-11 16:00', '2025-03-11 16:50');

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    drift = await t.token('drift');
  });
  afterAll(async () => t.close());

  it('stores ids that differ only in case as different incidents, and refuses the same id twice', async () => {
    const upper = await t.http.post('/api/v1/on-call/incidents').set(t.auth(drift)).send(incident('INC-7'));
    expect(upper.status).toBe(201);
    const lower = await t.http.post('/api/v1/on-call/incidents').set(t.auth(drift)).send(incident('inc-7'));
    expect(lower.status).toBe(201);
    expect(lower.body).toMatchObject({ id: 'inc-7', amount: '1400.00' });
    const again = await t.http.post('/api/v1/on-call/incidents').set(t.auth(drift)).send(incident('INC-7'));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('INCIDENT_EXISTS');

    const one = await t.http.get('/api/v1/on-call/incidents/inc-7').set(t.auth(drift)).expect(200);
    expect(one.body.id).toBe('inc-7');
    const other = await t.http.get('/api/v1/on-call/incidents/INC-7').set(t.auth(drift)).expect(200);
    expect(other.body.id).toBe('INC-7');
    await t.http.get('/api/v1/on-call/incidents/Inc-7').set(t.auth(drift)).expect(404);
  });

  it('an import skips the exact id it already holds and stores the one that differs in case', async () => {
    const row = (id: string) => [id, '2025-03-11 16:00', '2025-03-11 16:50', 'tra-kl', 'System', 'Ärende'];
    const res = await t.http
      .post('/api/v1/on-call/incidents/import')
      .set(t.auth(drift))
      .set('Content-Type', 'text/csv')
      .send(incidentCsv([row('inc-7'), row('Inc-7')]));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, skipped: 1 });
    expect(res.body.incidents.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      ['inc-7', 'skipped'],
      ['Inc-7', 'imported'],
    ]);
    const stored = await t.dataSource
      .getRepository(IncidentEntity)
      .findBy({ id: In(['INC-7', 'inc-7', 'Inc-7']) });
    expect(stored.map((i) => i.id).sort()).toEqual(['INC-7', 'Inc-7', 'inc-7']);
  });

  it('the invoice run bills each of the three once: 3 × 1 400.00', async () => {
    const finance = await t.token('finance');
    const runQ1 = () => t.http.post('/api/v1/invoice-runs').set(t.auth(finance)).send({ period: '2025-Q1' });
    expect((await runQ1()).status).toBe(201);
    const keys = ['on-call:INC-7', 'on-call:inc-7', 'on-call:Inc-7'];
    const lines = await t.dataSource.getRepository(InvoiceLineEntity).findBy({ sourceKey: In(keys) });
    expect(lines.map((l) => [l.sourceKey, l.net.toString()]).sort()).toEqual([
      ['on-call:INC-7', '1400.00'],
      ['on-call:Inc-7', '1400.00'],
      ['on-call:inc-7', '1400.00'],
    ]);
    // A second run finds every line already there.
    expect((await runQ1()).body.addedLines).toBe(0);
  });
});
