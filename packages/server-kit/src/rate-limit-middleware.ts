/**
 * The Koa middleware both plugins attach to their public routes: one counter per client address
 * and route pattern (not the concrete path: a client asking for thousands of different tokens
 * counts against one route; the body plays no part). Answers 429 in Strapi's error body with
 * Retry-After, and sends RateLimit-Limit / RateLimit-Remaining on every answer.
 *
 * The client address is Koa's `ctx.request.ip`: the TCP peer, or behind the county's proxies the
 * address they saw (Strapi's `server.proxy`, see the app's TRUST_PROXY_HOPS).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { createRateLimiter } from './rate-limit';

export const rateLimitMiddleware = ({
  strapi,
  keyPrefix,
  windowMs,
  max,
  message = 'Zu viele Anfragen. Bitte versuchen Sie es in einer Minute erneut.',
}: {
  strapi: Core.Strapi;
  /** e.g. the plugin's name: separates its counters from other limiters' in the shared store */
  keyPrefix: string;
  windowMs: number;
  max: () => number;
  message?: string;
}) => {
  // created on the first request: the database connection exists by then
  let limiter: ReturnType<typeof createRateLimiter> | undefined;
  const counters = () =>
    (limiter ??= createRateLimiter({ windowMs, max, keyPrefix, knex: strapi.db?.connection }));

  return async (ctx: Context, next: Next) => {
    const route = ctx.state.route as { method?: string; path?: string } | undefined;
    const key = `${ctx.request.ip ?? 'unknown'} ${route?.method ?? ctx.method} ${route?.path ?? ctx.path}`;
    const { allowed, limit, remaining, resetAt } = await counters().hit(key);
    ctx.set('RateLimit-Limit', String(limit));
    ctx.set('RateLimit-Remaining', String(remaining));
    if (!allowed) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000))));
      throw new errors.RateLimitError(message);
    }
    await next();
  };
};
