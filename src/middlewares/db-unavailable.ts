/**
 * A request that fails because the database cannot be used right now (pool timeout, PostgreSQL
 * refusing or dropping connections, SQLite locked by another process) answers 503 in Strapi's
 * error body with a German message and `Retry-After`, instead of a 500. Registered right after
 * `strapi::errors`, so every route (content API, plugins, admin) gets it; other errors pass on
 * unchanged. Which errors count is decided by `src/lib/db-errors.ts`.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  databaseUnavailableReason,
} from '../lib/db-errors';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (error) {
      const reason = databaseUnavailableReason(error);
      if (!reason) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      strapi.log.warn(
        `[db-unavailable] ${ctx.method} ${ctx.path} → 503 (${reason}): ${detail.slice(0, 300)}`
      );
      ctx.status = 503;
      ctx.set('Retry-After', String(DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: null,
        error: {
          status: 503,
          name: 'ServiceUnavailableError',
          message: DATABASE_UNAVAILABLE_MESSAGE,
          details: { reason },
        },
      };
    }
  };
