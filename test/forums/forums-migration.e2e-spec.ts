import { DataSource } from 'typeorm';
import { openDatabase } from '@it-samverkan/persistence';
import { Forums1763900700000 } from '@it-samverkan/persistence/migrations/1763900700000-forums';
import { freshDatabase } from '../support/database';

/** The forums migration is reversible on this database: down drops its six tables, up recreates them. */
describe('migration 1763900700000-forums', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  const TABLES = [
    'ticket',
    'phone_call',
    'survey_answer',
    'service_level_targets',
    'development_request',
    'development_hours',
  ];
  const present = async () => {
    const runner = dataSource.createQueryRunner();
    try {
      return (await Promise.all(TABLES.map((t) => runner.hasTable(t)))).every(Boolean);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    db = await freshDatabase();
    dataSource = await openDatabase(db.url);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('goes down and up again', async () => {
    expect(await present()).toBe(true);
    const runner = dataSource.createQueryRunner();
    try {
      await new Forums1763900700000().down(runner);
      expect(await Promise.all(TABLES.map((t) => runner.hasTable(t)))).toEqual(TABLES.map(() => false));
      await new Forums1763900700000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await present()).toBe(true);
  });
});
