import type { Core } from '@strapi/strapi';

/**
 * Strapi's stock middlewares. Security headers stay on: the public pages work under the default
 * CSP (no inline scripts); which sites may embed them comes from FRAME_ANCESTORS (CSP
 * `frame-ancestors`, e.g. the county's website). X-Frame-Options is left out because it cannot
 * express a list of origins; `frame-ancestors` replaces it in every current browser.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
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
  'global::start-page',
  'strapi::public',
];

export default config;
