/**
 * Per-client rate limit of the public routes: the shared server kit's middleware (one counter
 * per client address and route; in the database on PostgreSQL, so it holds across instances).
 * A route can pass `{ factor }` in its middleware config to allow a multiple of the limit.
 * Window and limit come from the plugin config `rateLimit`; the limit is read on each request,
 * so it can be changed at run time.
 */
import type { Core } from '@strapi/strapi';
import { rateLimitMiddleware } from '@bildungsbuero/strapi-server-kit';
import type { NewsletterConfig } from '../config';

export default (options: { factor?: number } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('plugin::newsletter') as NewsletterConfig).rateLimit;
  // a route may allow a multiple of the limit (the click redirect: many readers of one office
  // network share one address)
  const factor = options?.factor ?? 1;
  return rateLimitMiddleware({
    strapi,
    keyPrefix: 'newsletter',
    windowMs: config().windowSeconds * 1000,
    max: () => config().max * factor,
  });
};
