import request from 'supertest';
import { createConnection } from 'mysql2/promise';
import { loadDemo } from '@it-samverkan/application';
import { loadEnv } from '@it-samverkan/config/env';
import { openDatabase } from '@it-samverkan/persistence';
import { createApp } from '../../apps/api/src/bootstrap';
import { freshDatabase, TEST_DATABASE_KIND } from '../support/database';
import { ADMIN_TOKEN } from '../support/test-app';

/**
 * Issue 12 item 5, on MariaDB/MySQL (SQLite has no users): the running API needs only SELECT,
 * INSERT, UPDATE and DELETE. Migrations run once under the owner; the API then starts and works
 * under the least-privilege user, which cannot TRUNCATE, DROP or ALTER the audit table (and the
 * table's triggers refuse its UPDATE and DELETE).
 */
const onMysql = TEST_DATABASE_KIND === 'mysql' ? describe : describe.skip;

onMysql('the API runs with a least-privilege database user', () => {
  it('works with SELECT/INSERT/UPDATE/DELETE only, and cannot truncate, drop or alter the audit trail', async () => {
    const db = await freshDatabase();
    const ownerUrl = new URL(db.url);
    const database = ownerUrl.pathname.slice(1);
    const owner = await openDatabase(db.url); // migrations, as the owner
    // the demo as of 2025 (its 2023–2024 history is the owner's work too, and adds nothing here)
    await loadDemo(owner, new Date('2025-04-02T08:00:00Z'), undefined, { history: false });
    await owner.destroy();
    const user = `its_app_${process.pid}`;
    const root = await createConnection({
      host: ownerUrl.hostname,
      port: Number(ownerUrl.port || 3306),
      user: decodeURIComponent(ownerUrl.username || 'root'),
      password: decodeURIComponent(ownerUrl.password),
    });
    await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
    await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'least-privilege-1'`);
    await root.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON \`${database}\`.* TO '${user}'@'%'`);
    const appUrl = new URL(db.url);
    appUrl.username = user;
    appUrl.password = 'least-privilege-1';
    const env = loadEnv({
      DATABASE_URL: appUrl.toString(),
      IT_SAMVERKAN_BOOTSTRAP_TOKEN: ADMIN_TOKEN,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    const { app, dataSource } = await createApp({ env, logger: false });
    try {
      const http = request(app.getHttpServer());
      const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
      await http.post('/api/v1/invoice-runs').set(auth).send({ period: '2025-Q1' }).expect(201);
      const list = await http.get('/api/v1/invoices?period=2025-Q1').set(auth).expect(200);
      await http.post(`/api/v1/invoices/${list.body.items[0].id}/issue`).set(auth).expect(200);
      const audit = await http.get('/api/v1/audit?entityType=invoice').set(auth).expect(200);
      expect(audit.body.total).toBe(1);
      for (const statement of [
        'TRUNCATE TABLE audit_entry',
        'DROP TABLE audit_entry',
        'ALTER TABLE audit_entry ADD COLUMN x INT',
        'DELETE FROM audit_entry',
        "UPDATE audit_entry SET actor_name = 'x'",
      ]) {
        await expect(dataSource.query(statement)).rejects.toThrow();
      }
      expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n)).toBeGreaterThan(
        0,
      );
    } finally {
      await app.close();
      if (dataSource.isInitialized) await dataSource.destroy();
      await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await root.end();
      await db.drop();
    }
  });
});
