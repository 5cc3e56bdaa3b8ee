/**
 * The office's public site around Strapi's `strapi::public`:
 * - `/` is the start page from `public/index.html` (Strapi would redirect it to the admin, which
 *   stays at /admin);
 * - `/site-config.json` tells the pages' scripts Strapi's REST prefix (`api.rest.prefix`), so
 *   they never assume `/api`;
 * - a page folder asked for without its trailing slash (`/newsletter`) is redirected to
 *   `newsletter/`: the pages link relatively (they must work under a proxy's path prefix such as
 *   `/bildung/`), which only resolves from the folder's own address. The redirect is relative
 *   too, so it keeps the prefix the visitor's browser sees.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const root = strapi.dirs.static.public;
  const start = path.join(root, 'index.html');
  const siteConfig = JSON.stringify({
    restPrefix: String(strapi.config.get('api.rest.prefix', '/api')),
  });
  /** The page folders (`public/<name>/index.html`), read once at start. */
  const pageFolders = new Set(
    fs.existsSync(root)
      ? fs
          .readdirSync(root, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .filter((name) => fs.existsSync(path.join(root, name, 'index.html')))
      : []
  );

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/' && fs.existsSync(start)) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = fs.createReadStream(start);
      return;
    }
    if (ctx.path === '/site-config.json') {
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = siteConfig;
      return;
    }
    const folder = /^\/([^/]+)$/.exec(ctx.path)?.[1];
    if (folder && pageFolders.has(folder)) {
      ctx.status = 301;
      ctx.redirect(`${folder}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    return next();
  };
};
