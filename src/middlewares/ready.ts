/**
 * Readiness check for the load balancer: `GET /_ready` (or HEAD) answers 200 `{"status":"ok"}`
 * when a trivial query (`select 1`) through Strapi's connection pool answers within
 * `timeoutMs` (2 s), and 503 `{"status":"unavailable"}` with `Retry-After` when it fails or takes
 * longer. Liveness stays Strapi's own `/_health` (204, no database).
 *
 * Registered first in config/middlewares.ts: no authentication, no rate limit, no request log
 * line per probe, never cached (`Cache-Control: no-store`). Concurrent probes share one query, so
 * a database that hangs does not collect a waiting query per probe.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import {
  DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  databaseUnavailableReason,
} from '../lib/db-errors';

interface ReadyConfig {
  path?: string;
  timeoutMs?: number;
}

type Outcome = { ok: true } | { ok: false; reason: string; detail: string };

export default (config: ReadyConfig, { strapi }: { strapi: Core.Strapi }) => {
  const route = config?.path ?? '/_ready';
  const timeoutMs = config?.timeoutMs ?? 2000;
  let inflight: Promise<Outcome> | null = null;
  let lastOk: boolean | null = null;

  const query = (): Promise<Outcome> => {
    if (!inflight) {
      inflight = Promise.resolve()
        .then(() => strapi.db.connection.raw('select 1'))
        .then(
          (): Outcome => ({ ok: true }),
          (error: unknown): Outcome => ({
            ok: false,
            reason: databaseUnavailableReason(error) ?? 'error',
            detail: error instanceof Error ? error.message : String(error),
          })
        )
        .finally(() => {
          inflight = null;
        });
    }
    return inflight;
  };

  const check = async (): Promise<Outcome> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, reason: 'timeout', detail: `no answer within ${timeoutMs} ms` }),
        timeoutMs
      );
    });
    try {
      return await Promise.race([query(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return async (ctx: Context, next: Next) => {
    if (ctx.path !== route || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
      await next();
      return;
    }
    const outcome = await check();
    // One log line per change of state, not one per probe.
    if (outcome.ok !== lastOk) {
      if (outcome.ok) strapi.log.info('[ready] database answers again');
      else
        strapi.log.warn(`[ready] not ready (${outcome.reason}): ${outcome.detail.slice(0, 300)}`);
      lastOk = outcome.ok;
    }
    ctx.set('Cache-Control', 'no-store');
    if (outcome.ok) {
      ctx.status = 200;
      ctx.body = { status: 'ok' };
      return;
    }
    ctx.status = 503;
    ctx.set('Retry-After', String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS));
    ctx.body = { status: 'unavailable', reason: outcome.reason };
  };
};
