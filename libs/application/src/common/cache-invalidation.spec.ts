import { DataSource } from 'typeorm';
import { cacheInvalidator, cachePerDataSource, GenerationalCache } from './cache-invalidation';

/** The smallest generational cache: one value, stored only if no invalidation came during its load. */
class OneValue extends GenerationalCache {
  value: string | null = null;
  forgotten = 0;

  async load(load: () => Promise<string>): Promise<void> {
    const generation = this.currentGeneration();
    const value = await load();
    if (this.isCurrent(generation)) this.value = value;
  }

  protected forget(): void {
    this.value = null;
    this.forgotten++;
  }
}

class Person {}
class Invoice {}

describe('cache invalidation shared by ReadCache and ResultCache', () => {
  it('stores a load only when no invalidation came while it ran, and forgets on invalidation', async () => {
    const cache = new OneValue();
    await cache.load(async () => 'first');
    expect(cache.value).toBe('first');
    cache.invalidate();
    expect([cache.value, cache.forgotten]).toEqual([null, 1]);
    let release: () => void = () => undefined;
    const racing = cache.load(() => new Promise((done) => (release = () => done('stale'))));
    cache.invalidate();
    release();
    await racing;
    expect([cache.value, cache.forgotten]).toEqual([null, 2]);
    await cache.load(async () => 'fresh');
    expect(cache.value).toBe('fresh');
  });

  it('empties on entity writes of the named entities (and writes without metadata), and on commit', () => {
    const cache = new OneValue();
    const sub = cacheInvalidator(cache, { entities: new Set([Person]) });
    expect(sub.afterQuery).toBeUndefined();
    sub.afterInsert!({ metadata: { target: Invoice } } as never);
    sub.afterUpdate!({ metadata: { target: Invoice } } as never);
    expect(cache.forgotten).toBe(0);
    sub.afterInsert!({ metadata: { target: Person } } as never);
    sub.afterUpdate!({ metadata: { target: Person } } as never);
    sub.afterRemove!({ metadata: { target: Person } } as never);
    sub.afterUpdate!({} as never);
    sub.afterTransactionCommit!({} as never);
    expect(cache.forgotten).toBe(5);
  });

  it('on a real SQLite data source: empties on the statements named and on every commit, one cache per data source', async () => {
    const ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    try {
      const cacheOf = cachePerDataSource(() => new OneValue(), { statements: (sql) => /^INSERT/i.test(sql) });
      const cache = cacheOf(ds);
      expect(cacheOf(ds)).toBe(cache);
      expect(ds.subscribers).toHaveLength(1);
      expect(ds.subscribers[0].afterInsert).toBeUndefined();
      await ds.query('CREATE TABLE t (n integer)');
      await ds.query('SELECT * FROM t');
      expect(cache.forgotten).toBe(0);
      await ds.query('INSERT INTO t VALUES (1)');
      expect(cache.forgotten).toBe(1);
      // in a transaction: the insert, then the commit
      await ds.transaction((m) => m.query('INSERT INTO t VALUES (2)'));
      expect(cache.forgotten).toBe(3);
      const other = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
      expect(cacheOf(other)).not.toBe(cache);
      await other.destroy();
    } finally {
      await ds.destroy();
    }
  });
});
