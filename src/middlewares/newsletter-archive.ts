/**
 * The newsletter plugin's public archive of sent issues, at the paths the plugin names
 * (`/newsletter/archiv/` and `/newsletter/archiv/feed.atom`):
 * - the page (German HTML, relative links) and the Atom feed, rendered by the plugin's `archive`
 *   service on each request;
 * - `Cache-Control: public, max-age=300` (a new issue shows within five minutes), a weak ETag
 *   and 304 for a matching `If-None-Match`;
 * - `/newsletter/archiv` without its slash is redirected to `archiv/` (relatively, keeping a
 *   proxy's path prefix), like the page folders in start-page.ts.
 * With `archive.enabled` off in the plugin config the paths fall through (404). Registered before
 * `strapi::public`; the security headers (CSP) are set by `strapi::security` as for every page.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

interface ArchiveService {
  paths: { page: string; feed: string };
  enabled(): boolean;
  page(): Promise<string>;
  feed(): Promise<string>;
}

const ARCHIVE_MAX_AGE_SECONDS = 300;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const archive = () => strapi.plugin('newsletter').service('archive') as unknown as ArchiveService;

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const service = archive();
    const { page, feed } = service.paths;
    const bare = page.replace(/\/+$/, '');
    if (ctx.path !== page && ctx.path !== feed && ctx.path !== bare) return next();
    if (!service.enabled()) return next();

    if (ctx.path === bare) {
      ctx.status = 301;
      const folder = bare.split('/').pop();
      ctx.redirect(`${folder}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }

    const isFeed = ctx.path === feed;
    const body = isFeed ? await service.feed() : await service.page();
    ctx.status = 200;
    ctx.type = isFeed ? 'application/atom+xml; charset=utf-8' : 'text/html; charset=utf-8';
    ctx.set('Cache-Control', `public, max-age=${ARCHIVE_MAX_AGE_SECONDS}`);
    ctx.set(
      'ETag',
      `W/"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    );
    ctx.body = body;
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    }
  };
};
