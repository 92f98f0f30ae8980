import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { databaseKindOf } from '@it-samverkan/config/env';

/** The database kind this test run uses: DATABASE_URL=mysql://… runs the suite on MariaDB/MySQL. */
export const TEST_DATABASE_KIND = databaseKindOf(process.env.DATABASE_URL);

let counter = 0;

/** A fresh, empty database for one test file, and a function that removes it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (TEST_DATABASE_KIND === 'mysql' && base) {
    const url = new URL(base.replace(/^mariadb:/, 'mysql:'));
    const name = `its_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = await createConnection({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: decodeURIComponent(url.username || 'root'),
          password: decodeURIComponent(url.password),
        });
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'its-test-'));
  return {
    url: `sqlite:${join(dir, 'test.sqlite')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
