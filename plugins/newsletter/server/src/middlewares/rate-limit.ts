/**
 * Per-IP rate limit for the public routes (in memory, per instance; see lib/rate-limit).
 * Attached per route, so each route counts on its own. The limit is read from the plugin config
 * on each request, so it can be changed at run time.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import type { NewsletterConfig } from '../config';
import { createRateLimiter } from '@bildungsbuero/strapi-server-kit';

export default (_options: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::newsletter') as NewsletterConfig).rateLimit;
  const limiter = createRateLimiter({
    windowMs: config().windowSeconds * 1000,
    max: () => config().max,
  });
  return async (ctx: Context, next: Next) => {
    const { allowed, remaining, resetAt } = limiter.hit(ctx.request.ip ?? 'unknown');
    ctx.set('RateLimit-Limit', String(config().max));
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
