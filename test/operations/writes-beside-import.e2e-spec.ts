import { EntitySubscriberInterface, InsertEvent, Like } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { inTransaction, transactionsPending } from '@it-samverkan/application';
import { IncidentEntity, LoginThrottleEntity, SessionEntity } from '@it-samverkan/persistence';
import { largeIncidentCsv } from '../factories/incident-csv';
import { startTestApp, TestApp } from '../support/test-app';

/** Imports on a busy machine take seconds, on MariaDB (a round trip per statement) longer. */
jest.setTimeout(300_000);

const PASSWORD = 'korrekt-häst-batteri-häftstift';
const ROWS = 300;

/**
 * Writes made beside a change, not as part of it (a session's last-seen time, a login forgetting
 * its failures, a failed login's count), stay when an import that runs meanwhile fails and rolls
 * back, and the import leaves nothing. SQLite has one writer connection: a statement sent on it
 * while the import holds its transaction open would run inside that transaction. MariaDB: each
 * statement takes a connection of the pool; the same test holds.
 */
describe('writes beside an import that fails at its end', () => {
  let t: TestApp;
  let drift: string;
  let annaId: string;
  /** Called for every incident row inserted (on the importing transaction's connection). */
  let onIncidentInsert: (id: string) => Promise<void> | void = () => undefined;
  /** Every statement sent on the data source. */
  let onQuery: (sql: string) => void = () => undefined;

  const login = (username: string, password: string) =>
    t.http
      .post('/api/v1/auth/login')
      .send({ username, password })
      .then((res) => res);
  const importedRows = (prefix: string) =>
    t.dataSource.getRepository(IncidentEntity).countBy({ id: Like(`${prefix}-%`) });

  /**
   * Starts an import of ROWS incidents that stops after its first chunk is inserted (uncommitted)
   * until `fail` is called, then fails at its last row, so its transaction rolls back.
   */
  const failingImport = async (prefix: string) => {
    let paused!: () => void;
    const insideImport = new Promise<void>((resolve) => (paused = resolve));
    let fail!: () => void;
    const failing = new Promise<void>((resolve) => (fail = resolve));
    onIncidentInsert = (id) => {
      if (id === `${prefix}-0`) {
        paused();
        return failing;
      }
      if (id === `${prefix}-${ROWS - 1}`) throw new Error('the import fails at its last row');
    };
    const importing = t.http
      .post('/api/v1/on-call/incidents/import')
      .set(t.auth(drift))
      .set('Content-Type', 'text/csv')
      .send(largeIncidentCsv(ROWS, prefix))
      .then((res) => res);
    await insideImport;
    return { importing, fail };
  };

  /** Waits (polling) until `condition` holds. */
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  beforeAll(async () => {
    t = await startTestApp({ demo: true, env: { SESSION_COOKIE_SECURE: 'false', LOGIN_MAX_FAILURES: '5' } });
    drift = await t.token('drift');
    annaId = await t.person({ username: 'anna', role: 'readonly', password: PASSWORD });
    for (const username of ['cecilia', 'david'])
      await t.person({ username, role: 'readonly', password: PASSWORD });
    const incidents: EntitySubscriberInterface<IncidentEntity> = {
      listenTo: () => IncidentEntity,
      afterInsert: (event: InsertEvent<IncidentEntity>) => onIncidentInsert(event.entity.id),
    };
    const statements: EntitySubscriberInterface = {
      afterQuery: (event: AfterQueryEvent) => onQuery(event.query),
    };
    t.dataSource.subscribers.push(incidents, statements);
  });
  afterAll(async () => t.close());

  it("a session used while the import holds its transaction keeps its last-seen time after the import's rollback", async () => {
    const anna = await t.login('anna', PASSWORD);
    const session = await t.dataSource.getRepository(SessionEntity).findOneByOrFail({ personId: annaId });
    const later = new Date(t.now.value.getTime() + 5 * 60_000);
    t.now.value = later; // five minutes on: the request writes the session's last-seen time

    const { importing, fail } = await failingImport('SEEN');
    // Answers while the import waits (it never waits for the import).
    await t.http.get('/api/v1/auth/me').set('Cookie', anna.cookie).expect(200);
    fail();
    expect((await importing).status).toBe(500);

    // Queued after the last-seen write, if it had to wait for the writer.
    await inTransaction(t.dataSource, async () => undefined);
    expect(await importedRows('SEEN')).toBe(0);
    const seen = await t.dataSource.getRepository(SessionEntity).findOneByOrFail({ id: session.id });
    expect(seen.lastSeenAt.toISOString()).toBe(later.toISOString());
  });

  it("a login and a failed login while the import holds its transaction: the cleared failures and the new count outlast the import's rollback", async () => {
    const throttle = t.dataSource.getRepository(LoginThrottleEntity);
    for (let i = 0; i < 2; i++) expect((await login('cecilia', 'fel lösenord')).status).toBe(401);
    expect(await throttle.findOneByOrFail({ key: 'user:cecilia' })).toMatchObject({ failures: 2 });
    let deleteSent = false;
    onQuery = (sql) => (deleteSent ||= /^DELETE FROM [`"]login_throttle[`"]/.test(sql));

    const { importing, fail } = await failingImport('LOGIN');
    const pendingBefore = transactionsPending(t.dataSource);
    let answered = 0;
    const succeeding = login('cecilia', PASSWORD).finally(() => answered++);
    const failing = login('david', 'fel lösenord').finally(() => answered++);
    // Both logins have written (MariaDB: on other connections; or into the import's transaction,
    // which is the fault this test is for) or wait for SQLite's writer behind the import.
    await until(
      () => answered === 2 || deleteSent || transactionsPending(t.dataSource) === pendingBefore + 2,
    );
    fail();
    expect((await importing).status).toBe(500);
    expect((await succeeding).status).toBe(200);
    expect((await failing).status).toBe(401);

    expect(await importedRows('LOGIN')).toBe(0);
    expect(await throttle.findOneBy({ key: 'user:cecilia' })).toBeNull();
    expect(await throttle.findOneByOrFail({ key: 'user:david' })).toMatchObject({ failures: 1 });
  });
});
