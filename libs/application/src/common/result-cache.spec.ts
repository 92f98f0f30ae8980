import { changesCachedData, ResultCache } from './result-cache';

/** Loads that each answer 1, 2, 3… only when released, the latest first. */
function heldLoads() {
  let count = 0;
  let done: () => void = () => undefined;
  return {
    slow: () => new Promise<number>((resolve) => (done = () => resolve(++count))),
    release: () => done(),
    loads: () => count,
  };
}

describe('ResultCache', () => {
  it('answers a second ask from the cache, and computes again after invalidation', async () => {
    const cache = new ResultCache(60_000);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.get('k', 0, load)).toEqual({ n: 1 });
    expect(await cache.get('k', 10, load)).toEqual({ n: 1 });
    cache.invalidate();
    expect(await cache.get('k', 20, load)).toEqual({ n: 2 });
  });

  it('shares one load among concurrent asks for the same key', async () => {
    const cache = new ResultCache(60_000);
    let loads = 0;
    let release: () => void = () => undefined;
    const load = () => new Promise<number>((done) => (release = () => done(++loads)));
    const first = cache.get('k', 0, load);
    const second = cache.get('k', 0, load);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(loads).toBe(1);
  });

  it('never stores, nor lets a later ask join, a load under way when a write empties the cache', async () => {
    const cache = new ResultCache(60_000);
    let release: () => void = () => undefined;
    const slow = cache.get('k', 0, () => new Promise<string>((done) => (release = () => done('before'))));
    cache.invalidate();
    // asked after the write: computes afresh rather than waiting for the older load
    expect(await cache.get('k', 0, async () => 'after')).toBe('after');
    release();
    expect(await slow).toBe('before');
    expect(await cache.get('k', 0, async () => 'third')).toBe('after');
  });

  it('computes again once the application clock has moved past the TTL, or back before the value', async () => {
    const cache = new ResultCache(2_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', 10_000, load)).toBe(1);
    expect(await cache.get('k', 11_999, load)).toBe(1);
    expect(await cache.get('k', 12_000, load)).toBe(2);
    expect(await cache.get('k', 5_000, load)).toBe(3);
  });

  it('computes again once the wall clock has passed the TTL', async () => {
    let wall = 0;
    const cache = new ResultCache(2_000, () => wall);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', 0, load)).toBe(1);
    wall = 1_999;
    expect(await cache.get('k', 0, load)).toBe(1);
    wall = 2_000;
    expect(await cache.get('k', 0, load)).toBe(2);
  });

  it('in the last quarter of the TTL answers from the cache and computes again beside it, once', async () => {
    let wall = 0;
    const cache = new ResultCache(2_000, () => wall);
    const { slow, release, loads } = heldLoads();
    const first = cache.get('k', 0, slow);
    release();
    expect(await first).toBe(1);
    wall = 1_499;
    expect(await cache.get('k', 0, slow)).toBe(1);
    // 1 500 of 2 000 ms: still 1, and 2 is under way; a second ask starts nothing more.
    wall = 1_500;
    expect(await cache.get('k', 0, slow)).toBe(1);
    expect(await cache.get('k', 0, slow)).toBe(1);
    // Expired while 2 is computed: the ask waits for that computation rather than starting another.
    wall = 2_000;
    const joined = cache.get('k', 0, slow);
    release();
    expect(await joined).toBe(2);
    expect(loads()).toBe(2);
    // 2 was stored when it was done, at 2 000: kept until 4 000.
    wall = 3_400;
    expect(await cache.get('k', 0, async () => -1)).toBe(2);
  });

  it('starts the early computation by the application clock too, and stores it unless a write came', async () => {
    const cache = new ResultCache(2_000, () => 0);
    const { slow, release, loads } = heldLoads();
    const first = cache.get('k', 10_000, slow);
    release();
    expect(await first).toBe(1);
    expect(await cache.get('k', 11_500, slow)).toBe(1);
    cache.invalidate();
    release();
    // The write emptied the cache, and the computation under way then is not kept.
    expect(await cache.get('k', 11_600, async () => 10)).toBe(10);
    expect(loads()).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const cache = new ResultCache(60_000);
    await expect(cache.get('k', 0, async () => Promise.reject(new Error('nej')))).rejects.toThrow('nej');
    expect(await cache.get('k', 0, async () => 'ja')).toBe('ja');
  });

  it('does not keep a value its caller refuses (an id that named nothing yet)', async () => {
    const cache = new ResultCache(60_000);
    const keep = (v: string) => v !== 'unknown';
    expect(await cache.get('k', 0, async () => 'unknown', keep)).toBe('unknown');
    expect(await cache.get('k', 0, async () => 'invoice', keep)).toBe('invoice');
    expect(await cache.get('k', 0, async () => 'other', keep)).toBe('invoice');
  });

  it('keeps answers for different keys apart', async () => {
    const cache = new ResultCache(60_000);
    await cache.get('tranemo /invoices', 0, async () => 'tranemo');
    expect(await cache.get('ulricehamn /invoices', 0, async () => 'ulricehamn')).toBe('ulricehamn');
    expect(await cache.get('tranemo /invoices', 0, async () => 'x')).toBe('tranemo');
  });
});

describe('changesCachedData', () => {
  it.each([
    'INSERT INTO "invoice" ("id") VALUES (?)',
    'UPDATE `invoice_line` SET `net` = ? WHERE `id` = ?',
    'DELETE FROM "scenario" WHERE "id" = ?',
    'REPLACE INTO `x` VALUES (1)',
    'WITH t AS (SELECT 1) UPDATE invoice SET net = 0',
    'CREATE TABLE "t" ("a" integer)',
  ])('counts %s as a change', (sql) => expect(changesCachedData(sql)).toBe(true));

  it.each([
    'SELECT * FROM "invoice"',
    '  select 1',
    'BEGIN TRANSACTION',
    'START TRANSACTION',
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED',
    'COMMIT',
    'ROLLBACK',
    'SAVEPOINT typeorm_1',
    'RELEASE SAVEPOINT typeorm_1',
    // bookkeeping no cached read shows: rate-limit counts and a session's last-seen time
    'INSERT INTO `rate_limit_counter` (`counter_key`, `hits`, `window_ends_at`) VALUES (?, 1, ?)',
    'UPDATE "session" SET "last_seen_at" = ? WHERE "id" IN (?)',
  ])('counts %s as no change', (sql) => expect(changesCachedData(sql)).toBe(false));
});
