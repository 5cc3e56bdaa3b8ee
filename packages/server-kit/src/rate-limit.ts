/**
 * Fixed-window request counters per key (client address + route), on `rate-limiter-flexible`:
 * - with a knex connection to PostgreSQL, the counters live in the database (one table,
 *   `rate_limits`, created on first use; one atomic upsert per hit), so several instances share
 *   them: N instances allow the limit, not N × the limit;
 * - otherwise in this process's memory (SQLite runs one instance by nature).
 * When the database cannot count (down, table not ready yet), the hit is counted in memory
 * instead ("insurance"): the limit then holds per instance until the database answers again, and
 * a request is never refused or failed because the counter store is unavailable.
 *
 * The limit is read on every hit (`max` may be a function), so configuration changes apply at
 * once; the library's own limit is set out of reach and only counts.
 */
import type { Knex } from 'knex';
import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitHit {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** epoch ms when the key's window ends */
  resetAt: number;
}

export interface RateLimiter {
  /** Counts a hit for `key`. */
  hit(key: string): Promise<RateLimitHit>;
  /** Where the counters live (PostgreSQL, with memory while the database cannot count). */
  readonly store: 'memory' | 'postgres';
}

/** The largest count the library may store (PostgreSQL `integer`); never reached in practice. */
const COUNT_CEILING = 2_147_483_647;

/** Table of the shared counters (columns `key`, `points`, `expire`; the library's layout). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** The library's table layout; concurrent creators are fine (a lost race is a no-op). */
const ensureTable = async (knex: Knex) => {
  try {
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ?? (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      [RATE_LIMIT_TABLE]
    );
  } catch (error) {
    // two instances creating it at the same moment: one of them gets a unique violation
    if ((error as { code?: string }).code !== '23505') throw error;
  }
};

export const createRateLimiter = ({
  windowMs,
  max,
  keyPrefix,
  knex,
}: {
  windowMs: number;
  max: number | (() => number);
  /** Separates the counters of different limiters in one store (e.g. the plugin's name). */
  keyPrefix: string;
  /** A knex instance; counters are shared through it when its client is PostgreSQL. */
  knex?: Knex | null;
}): RateLimiter => {
  const limit = () => (typeof max === 'function' ? max() : max);
  const duration = Math.max(1, Math.round(windowMs / 1000));
  const memory = new RateLimiterMemory({ keyPrefix, points: COUNT_CEILING, duration });
  const client = String(knex?.client?.config?.client ?? '');
  const postgres = Boolean(knex) && ['pg', 'postgres', 'postgresql'].includes(client);

  // The table is created here, not by the library: its own creation runs once, and an instance
  // that lost the race of two starting at once (or found the database down) would count in
  // memory for good. A failed attempt is tried again on a later hit, at most every 5 s.
  let shared: RateLimiterPostgres | null = null;
  let attempt: Promise<void> | null = null;
  let nextAttemptAt = 0;
  const connectShared = () => {
    if (shared || attempt || !postgres || Date.now() < nextAttemptAt) return attempt;
    attempt = ensureTable(knex!)
      .then(() => {
        shared = new RateLimiterPostgres({
          storeClient: knex,
          storeType: 'knex',
          tableName: RATE_LIMIT_TABLE,
          tableCreated: true,
          keyPrefix,
          points: COUNT_CEILING,
          duration,
          insuranceLimiter: memory,
        });
      })
      .catch(() => {
        nextAttemptAt = Date.now() + 5000;
      })
      .finally(() => {
        attempt = null;
      });
    return attempt;
  };

  return {
    store: postgres ? 'postgres' : 'memory',
    async hit(key) {
      await connectShared();
      const result = (await (shared ?? memory).consume(key, 1)) as RateLimiterRes;
      const max = limit();
      return {
        allowed: result.consumedPoints <= max,
        limit: max,
        remaining: Math.max(0, max - result.consumedPoints),
        resetAt: Date.now() + result.msBeforeNext,
      };
    },
  };
};
