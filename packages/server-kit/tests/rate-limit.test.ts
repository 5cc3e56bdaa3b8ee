import { createRateLimiter } from '../src/rate-limit';

describe('rate limiter (memory store)', () => {
  it('allows max hits per window and key, then refuses with the time left', async () => {
    const limiter = createRateLimiter({ windowMs: 60_000, max: 2, keyPrefix: 'test' });
    expect(limiter.store).toBe('memory');
    expect((await limiter.hit('a')).allowed).toBe(true);
    expect((await limiter.hit('a')).allowed).toBe(true);
    const third = await limiter.hit('a');
    expect(third).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
    expect(third.resetAt - Date.now()).toBeGreaterThan(50_000);
    expect((await limiter.hit('b')).allowed).toBe(true);
  });

  it('starts a new window when the old one ends', async () => {
    const limiter = createRateLimiter({ windowMs: 1000, max: 1, keyPrefix: 'test' });
    expect((await limiter.hit('a')).allowed).toBe(true);
    expect((await limiter.hit('a')).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.hit('a')).allowed).toBe(true);
  });

  it('reads a changing limit', async () => {
    let max = 1;
    const limiter = createRateLimiter({ windowMs: 60_000, max: () => max, keyPrefix: 'test' });
    expect((await limiter.hit('a')).allowed).toBe(true);
    expect((await limiter.hit('a')).allowed).toBe(false);
    max = 5;
    expect((await limiter.hit('a')).allowed).toBe(true);
  });

  it('keeps the counters of different prefixes apart', async () => {
    const one = createRateLimiter({ windowMs: 60_000, max: 1, keyPrefix: 'one' });
    const two = createRateLimiter({ windowMs: 60_000, max: 1, keyPrefix: 'two' });
    expect((await one.hit('a')).allowed).toBe(true);
    expect((await two.hit('a')).allowed).toBe(true);
  });
});
