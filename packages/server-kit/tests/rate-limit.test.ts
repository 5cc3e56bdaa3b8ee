import { createRateLimiter } from '../src/rate-limit';

describe('rate limiter', () => {
  it('allows max hits per window and key, then resets', () => {
    const limiter = createRateLimiter({ windowMs: 1000, max: 2 });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('a', 10).allowed).toBe(true);
    expect(limiter.hit('a', 20)).toEqual({ allowed: false, remaining: 0, resetAt: 1000 });
    expect(limiter.hit('b', 20).allowed).toBe(true);
    expect(limiter.hit('a', 1000).allowed).toBe(true);
  });

  it('reads a changing limit', () => {
    let max = 1;
    const limiter = createRateLimiter({ windowMs: 1000, max: () => max });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('a', 1).allowed).toBe(false);
    max = 5;
    expect(limiter.hit('a', 2).allowed).toBe(true);
  });
});
