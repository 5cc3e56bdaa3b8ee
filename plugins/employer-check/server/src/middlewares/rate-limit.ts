/**
 * Per-IP rate limit of the public self-check routes (in memory, per instance; the shared server kit's limiter).
 * One window per client IP and route: the route's pattern, not the requested path, so asking for
 * thousands of different tokens counts as one route; and the body plays no part.
 *
 * Users & Permissions' limiter, used before, keyed on the concrete path and on a body field
 * `email`: a client that changed the token in the path or sent a new `email` with every request
 * was never limited (found by the hostile-input suite, tests/faults/scenarios/hostile.js).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import type { EmployerCheckConfig } from '../config';
import { createRateLimiter } from '@bildungsbuero/strapi-server-kit';

const WINDOW_MS = 60_000;

export default (options: { max?: number } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const max = () =>
    options?.max ??
    (strapi.config.get('plugin::employer-check') as EmployerCheckConfig).rateLimit?.max ??
    60;
  const limiter = createRateLimiter({ windowMs: WINDOW_MS, max });
  return async (ctx: Context, next: Next) => {
    const route = ctx.state.route as { method?: string; path?: string } | undefined;
    const key = `${ctx.request.ip ?? 'unknown'} ${route?.method ?? ctx.method} ${route?.path ?? ctx.path}`;
    const { allowed, remaining, resetAt } = limiter.hit(key);
    ctx.set('RateLimit-Limit', String(max()));
    ctx.set('RateLimit-Remaining', String(remaining));
    if (!allowed) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000))));
      throw new errors.RateLimitError(
        'Zu viele Anfragen. Bitte versuchen Sie es in einer Minute erneut.'
      );
    }
    await next();
  };
};
