/**
 * Cache headers for the files `strapi::public` serves from `public/`:
 * - CSS, JavaScript, images, fonts: `Cache-Control: public, max-age=<assetMaxAgeSeconds>`
 *   (1 hour by default). Their names carry no content hash, so the max-age is what bounds how
 *   long a browser keeps an old file after a deploy; an hour is the compromise.
 * - HTML pages keep what `strapi::public` sets from its `maxAge` (60 s, like the start page).
 * - A request whose `If-Modified-Since` matches the file's `Last-Modified` answers 304.
 *
 * A response counts as a public file when its body is a file stream under `public/` (how koa-send
 * answers); the admin panel's bundles, `/uploads` and every API response are left alone.
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

interface CacheHeadersConfig {
  assetMaxAgeSeconds?: number;
}

const ASSET = /\.(css|js|mjs|map|png|jpe?g|gif|webp|avif|svg|ico|woff2?|ttf|otf)$/i;

export default (config: CacheHeadersConfig, { strapi }: { strapi: Core.Strapi }) => {
  const publicDir = path.resolve(strapi.dirs.static.public) + path.sep;
  // served by the upload plugin with its own settings (`localServer` in its config)
  const uploadsDir = `${publicDir}uploads${path.sep}`;
  const assetMaxAge = Math.max(0, Math.floor(config?.assetMaxAgeSeconds ?? 3600));

  return async (ctx: Context, next: Next) => {
    await next();
    const body = ctx.body;
    if (ctx.status !== 200 || !(body instanceof fs.ReadStream)) return;
    const file = path.resolve(String(body.path));
    if (!file.startsWith(publicDir) || file.startsWith(uploadsDir)) return;

    if (ASSET.test(file)) ctx.set('Cache-Control', `public, max-age=${assetMaxAge}`);

    // Conditional GET: koa-send sets Last-Modified; `ctx.fresh` compares it with the request.
    if (ctx.response.get('Last-Modified') && ctx.fresh) {
      body.destroy();
      ctx.status = 304;
      ctx.body = null;
    }
  };
};
