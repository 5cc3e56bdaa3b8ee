/**
 * Fixed-window counter per key (e.g. client IP + route). In memory, per process: with several
 * instances each one counts on its own, so the effective limit is `max` × instances.
 */
export interface RateLimiter {
  /** Counts a hit; returns whether it is within the limit and when the window resets. */
  hit(key: string, now?: number): { allowed: boolean; remaining: number; resetAt: number };
  size(): number;
}

export const createRateLimiter = ({
  windowMs,
  max,
}: {
  windowMs: number;
  max: number | (() => number);
}): RateLimiter => {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const limit = () => (typeof max === 'function' ? max() : max);

  const sweep = (now: number) => {
    if (windows.size < 10_000) return;
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  };

  return {
    hit(key, now = Date.now()) {
      sweep(now);
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      const allowed = window.count <= limit();
      return { allowed, remaining: Math.max(0, limit() - window.count), resetAt: window.resetAt };
    },
    size: () => windows.size,
  };
};
