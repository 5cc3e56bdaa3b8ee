/**
 * Per-client rate limit of the public self-check routes: the shared server kit's middleware (one
 * counter per client address and route pattern, so asking for thousands of different tokens
 * counts as one route, and the body plays no part; in the database on PostgreSQL, so it holds
 * across instances). `max` requests per minute, from the route's options or the plugin config
 * `rateLimit.max`, read on each request.
 *
 * Users & Permissions' limiter, used before, keyed on the concrete path and on a body field
 * `email`: a client that changed the token in the path or sent a new `email` with every request
 * was never limited (found by the hostile-input suite, tests/faults/scenarios/hostile.js).
 */
import type { Core } from '@strapi/strapi';
import { rateLimitMiddleware } from '@bildungsbuero/strapi-server-kit';
import type { EmployerCheckConfig } from '../config';

export default (options: { max?: number } | undefined, { strapi }: { strapi: Core.Strapi }) =>
  rateLimitMiddleware({
    strapi,
    keyPrefix: 'employer-check',
    windowMs: 60_000,
    max: () =>
      options?.max ??
      (strapi.config.get('plugin::employer-check') as EmployerCheckConfig).rateLimit?.max ??
      60,
  });
