import { ReadCache } from './read-cache';

describe('ReadCache', () => {
  it('answers a second ask from the cache, and asks again after invalidation', async () => {
    const cache = new ReadCache(60_000);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    expect(await cache.get('k', load)).toEqual({ n: 1 });
    cache.invalidate();
    expect(await cache.get('k', load)).toEqual({ n: 2 });
  });

  it('never stores a load that was under way when the cache was invalidated (a lookup racing a revocation)', async () => {
    const cache = new ReadCache(60_000);
    let release: () => void = () => undefined;
    const slow = cache.get(
      'k',
      () => new Promise<string>((done) => (release = () => done('before revocation'))),
    );
    cache.invalidate();
    release();
    expect(await slow).toBe('before revocation');
    expect(await cache.get('k', async () => 'after revocation')).toBe('after revocation');
  });

  it('does not cache a missing row', async () => {
    const cache = new ReadCache(60_000);
    expect(await cache.get('k', async () => null)).toBeNull();
    expect(await cache.get('k', async () => 'created since')).toBe('created since');
  });

  it('caches nothing with a TTL of 0', async () => {
    const cache = new ReadCache(0);
    let loads = 0;
    await cache.get('k', async () => ++loads);
    await cache.get('k', async () => ++loads);
    expect(loads).toBe(2);
  });
});
