import { createStampedCache } from '../src/lib/stamped-cache';

describe('stamped cache', () => {
  it('loads once per stamp and again when the stamp changes', async () => {
    const cache = createStampedCache<number>();
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('b', load)).toBe(2);
    expect(await cache.get('a', load)).toBe(3);
    cache.clear();
    expect(await cache.get('a', load)).toBe(4);
  });

  it('shares one load between concurrent callers', async () => {
    const cache = createStampedCache<string>();
    let loads = 0;
    const load = () =>
      new Promise<string>((resolve) => {
        loads += 1;
        setTimeout(() => resolve('v'), 5);
      });
    await Promise.all([cache.get('s', load), cache.get('s', load), cache.get('s', load)]);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const cache = createStampedCache<string>();
    await expect(cache.get('s', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(await cache.get('s', async () => 'ok')).toBe('ok');
  });
});
