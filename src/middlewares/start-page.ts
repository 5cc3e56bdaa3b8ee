/**
 * Strapi redirects `/` to the admin panel; the office's visitors get the start page from
 * `public/index.html` instead (the admin stays at /admin).
 */
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const file = path.join(strapi.dirs.static.public, 'index.html');
  return async (ctx: Context, next: Next) => {
    if (
      (ctx.method === 'GET' || ctx.method === 'HEAD') &&
      ctx.path === '/' &&
      fs.existsSync(file)
    ) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.set('Cache-Control', 'public, max-age=60');
      ctx.body = fs.createReadStream(file);
      return;
    }
    await next();
  };
};
