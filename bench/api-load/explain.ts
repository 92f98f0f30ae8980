import { createConnection } from 'mysql2/promise';
import type { Statement } from './protocol';

/** The columns of MariaDB's EXPLAIN that show whether an index is used and how many rows are read. */
const COLUMNS = ['table', 'type', 'key', 'rows', 'Extra'] as const;

/**
 * MariaDB's plan for each SELECT a read ran (the same SQL and parameters), printed as a table per
 * statement: the hot queries of the pages and the indexes they use.
 */
export async function explainOnMysql(url: string, title: string, statements: Statement[]): Promise<string> {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const connection = await createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  });
  const out: string[] = [`  EXPLAIN för ${title}:`];
  try {
    for (const { sql, parameters } of statements) {
      if (!/^\s*SELECT\b/i.test(sql)) continue;
      const [rows] = (await connection.query(`EXPLAIN ${sql}`, parameters)) as unknown as [
        Record<string, unknown>[],
      ];
      out.push(`    ${sql.length > 160 ? `${sql.slice(0, 157)}…` : sql}`);
      for (const row of rows)
        out.push(`      ${COLUMNS.map((c) => `${c}=${String(row[c] ?? '–')}`).join('  ')}`);
    }
  } finally {
    await connection.end();
  }
  return out.join('\n') + '\n';
}
