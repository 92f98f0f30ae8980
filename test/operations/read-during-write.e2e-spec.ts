import { EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { IncidentEntity } from '@it-samverkan/persistence';
import { largeIncidentCsv } from '../factories/incident-csv';
import { startTestApp, TestApp } from '../support/test-app';

/** Imports on a busy machine take seconds, on MariaDB (a round trip per statement) minutes. */
jest.setTimeout(300_000);

const YEAR_LIST = '/api/v1/on-call/incidents?period=2025&pageSize=1';

/**
 * Reads do not wait for writes (issue 15 item 5). SQLite: reads outside transactions run on a
 * reader connection (WAL) and see the last commit, and a long import gives the event loop a turn
 * between its chunks. MariaDB: the pool's other connections, as before; the same test holds.
 */
describe('reads while an incident import writes', () => {
  let t: TestApp;
  let drift: string;
  /** Called for every incident row inserted (on the importing transaction's connection). */
  let onIncidentInsert: (id: string) => Promise<void> | void = () => undefined;
  /** Called before every COMMIT is sent. */
  let onCommit: () => void = () => undefined;

  const total = async (): Promise<number> =>
    (await t.http.get(YEAR_LIST).set(t.auth(drift)).expect(200)).body.total as number;
  const startImport = (csv: string) =>
    t.http
      .post('/api/v1/on-call/incidents/import')
      .set(t.auth(drift))
      .set('Content-Type', 'text/csv')
      .send(csv)
      .then((res) => res);

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    drift = await t.token('drift');
    const watcher: EntitySubscriberInterface<IncidentEntity> = {
      listenTo: () => IncidentEntity,
      afterInsert: (event: InsertEvent<IncidentEntity>) => onIncidentInsert(event.entity.id),
      beforeTransactionCommit: () => onCommit(),
    };
    t.dataSource.subscribers.push(watcher);
  });
  afterAll(async () => t.close());

  it('a GET while the import holds its transaction open answers at once with the committed state; after the commit the importer reads its rows', async () => {
    const before = await total();
    let paused!: () => void;
    const insideImport = new Promise<void>((resolve) => (paused = resolve));
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    // The import stops after its first row is inserted (uncommitted) until the GET below has answered.
    onIncidentInsert = (id) => {
      if (id !== 'PAUS-0') return;
      paused();
      return resumed;
    };
    const importing = startImport(largeIncidentCsv(300, 'PAUS'));
    await insideImport;
    // If the GET waited for the import this would never answer (the import waits for it);
    // read on the writer's connection it would count the 200 rows of the first, uncommitted chunk.
    const during = await total();
    resume();
    expect(during).toBe(before);
    const res = await importing;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 300, skipped: 0 });
    // Read-your-writes: the importer's next read starts after its commit and sees all 300 rows.
    expect(await total()).toBe(before + 300);
  });

  it('a long import lets GETs in between its chunks; each of them shows the state before it, none a part of it', async () => {
    const rows = 1000;
    const before = await total();
    // 'committing' from the moment COMMIT is sent: on MariaDB another connection may see the
    // commit before its answer reaches this process.
    type Phase = 'parsing' | 'inserting' | 'committing';
    const now: { phase: Phase } = { phase: 'parsing' };
    onIncidentInsert = () => {
      now.phase = 'inserting';
    };
    onCommit = () => {
      if (now.phase === 'inserting') now.phase = 'committing';
    };
    const importing = startImport(largeIncidentCsv(rows, 'LANG'));
    let done = false;
    void importing.finally(() => (done = true));
    // Each GET notes the phase it was answered in and the total it showed.
    const answers: Array<{ phase: Phase; total: number }> = [];
    while (!done) answers.push({ total: await total(), phase: now.phase });
    const res = await importing;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: rows, skipped: 0 });

    const duringWrite = answers.filter((a) => a.phase === 'inserting');
    // Without a turn of the event loop between chunks no request is answered from the first
    // insert to the commit (better-sqlite3 answers synchronously); MariaDB waits on the network.
    expect(duringWrite.length).toBeGreaterThan(0);
    expect(new Set(duringWrite.map((a) => a.total))).toEqual(new Set([before]));
    // Every answer is the state before the import or after it (1000 rows more), never a part.
    for (const a of answers) expect([before, before + rows]).toContain(a.total);
    expect(await total()).toBe(before + rows);
  });
});
