/** Delay before retry number `attempt` (1-based): 1, 2, 4, 8 … minutes, capped, with jitter. */
export const retryDelayMs = (
  attempt: number,
  {
    baseMs = 60_000,
    maxMs = 60 * 60_000,
    jitter = Math.random,
  }: {
    baseMs?: number;
    maxMs?: number;
    jitter?: () => number;
  } = {}
): number => {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * jitter()));
};
