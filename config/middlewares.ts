import type { Core } from '@strapi/strapi';
import { CSP_DEFAULTS } from '@strapi/utils';
import { uploadOrigins } from './lib/storage';

/**
 * Strapi's stock middlewares. Security headers stay on: the public pages work under the default
 * CSP (no inline scripts); which sites may embed them comes from FRAME_ANCESTORS (CSP
 * `frame-ancestors`, e.g. the county's website). X-Frame-Options is left out because it cannot
 * express a list of origins; `frame-ancestors` replaces it in every current browser.
 *
 * Added for production: the readiness check first, compression of text responses, cache headers
 * for the files in `public/`.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // GET /_ready for the load balancer: 200 when `select 1` answers within 2 s, else 503. First, so
  // probes skip the request log, sessions and rate limits.
  { name: 'global::ready', config: { timeoutMs: 2000 } },
  'strapi::logger',
  // koa-compress: brotli or gzip for text types (HTML, CSS, JS, JSON, CSV, SVG) from 1 KB up, as
  // the client's Accept-Encoding allows. Outside strapi::errors, so its error bodies are
  // compressed too, and the 406 it throws for `Accept-Encoding: identity;q=0` (its own
  // http-errors copy, which strapi::errors would turn into a 500) reaches Koa's handler as a 406.
  { name: 'strapi::compression', config: { threshold: 1024 } },
  'strapi::errors',
  // database unavailable (pool timeout, PostgreSQL down, SQLite locked) → 503 with Retry-After
  'global::db-unavailable',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'frame-ancestors': ["'self'", ...env.array('FRAME_ANCESTORS', [])],
          // uploads on object storage (S3_BUCKET): the admin shows previews from there
          'img-src': [...CSP_DEFAULTS['img-src'], ...uploadOrigins(env)],
          'media-src': [...CSP_DEFAULTS['media-src'], ...uploadOrigins(env)],
        },
      },
      frameguard: false,
    },
  },
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  { name: 'strapi::favicon', config: { path: 'public/favicon.png' } },
  // public read cache: anonymous reads of the content API and the content pages from memory,
  // dropped the moment what they show changes (src/middlewares/read-cache.ts)
  {
    name: 'global::read-cache',
    config: {
      enabled: env.bool('PUBLIC_READ_CACHE', true),
      pages: {
        '/angebote/': 'api::offer.offer',
        '/praxisbeispiele/': 'api::practice-example.practice-example',
        '/arbeitgeber-tipps/': 'api::employer-tip.employer-tip',
      },
      maxAgeSeconds: env.int('PUBLIC_READ_CACHE_MAX_AGE_SECONDS', 10),
      staleWhileRevalidateSeconds: env.int('PUBLIC_READ_CACHE_STALE_SECONDS', 30),
      maxMegabytes: env.int('PUBLIC_READ_CACHE_MB', 64),
    },
  },
  'global::start-page',
  // the newsletter archive of sent issues (page and Atom feed) at /newsletter/archiv/
  'global::newsletter-archive',
  // pages of offers, practice examples and employer tips (what mails and PDF reports link to)
  {
    name: 'global::content-pages',
    config: { publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`) },
  },
  // public/: CSS, JS, images `max-age` PUBLIC_ASSET_MAX_AGE_SECONDS (1 h; names are not hashed);
  // HTML pages the 60 s of strapi::public's maxAge; 304 for If-Modified-Since
  {
    name: 'global::cache-headers',
    config: { assetMaxAgeSeconds: env.int('PUBLIC_ASSET_MAX_AGE_SECONDS', 3600) },
  },
  { name: 'strapi::public', config: { maxAge: 60_000 } },
];

export default config;
