/**
 * The public read cache: anonymous GET/HEAD reads of the content API
 * (`<api.rest.prefix>/<pluralName>` and `/<pluralName>/<id>` of every `api::` type) and of the
 * public content pages (`pages`: path prefix → content type) are answered from memory.
 *
 * - Key: path and normalized query (`cache/rules.cacheKey`). Requests with `Authorization`
 *   (users, API tokens), asking for another version than the published one (`status`), or sent
 *   with `Cache-Control: no-cache`/`no-store` are passed to Strapi and not stored
 *   (`X-Read-Cache: bypass`).
 * - Stored: 200 answers with a body in memory, without `Set-Cookie` or `private`/`no-store`.
 * - Invalidation (`cache/content-versions.ts`): an answer depends on its content type and every
 *   model reachable from it through relations, components and media, plus the public role's
 *   permissions; it is dropped as soon as any of them changes (create, update, delete, publish,
 *   unpublish), here or on another instance. Answers also expire at the next midnight in
 *   Europe/Berlin, when "current" offers and past events change without an edit (all their
 *   dates are calendar days).
 * - HTTP: `ETag` (the page's own, or a hash of the body) and 304 on a matching
 *   `If-None-Match`; `Cache-Control: public, max-age=<maxAgeSeconds>,
 *   stale-while-revalidate=<staleWhileRevalidateSeconds>` for a proxy in front, which may show
 *   an answer for that long after a change (the cache itself never does); `X-Read-Cache: hit`,
 *   `miss` or `bypass`.
 */
import crypto from 'crypto';
import zlib from 'zlib';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { createAnswerStore } from '../cache/answer-store';
import { contentVersionsOf } from '../cache/registry';
import { bypassReason, cacheKey, dependencyClosure, type ModelShape } from '../cache/rules';
import { startOfNextDay } from '../lib/dates';

interface ReadCacheConfig {
  enabled?: boolean;
  /** path prefix of public pages (e.g. `/angebote/`) → the content type they show */
  pages?: Record<string, string>;
  maxAgeSeconds?: number;
  staleWhileRevalidateSeconds?: number;
  maxMegabytes?: number;
}

/**
 * Hits are compressed once per encoding and kept with the answer (`strapi::compression` would
 * compress every hit again): the same encodings, threshold and brotli quality as its koa-compress.
 */
const COMPRESS_THRESHOLD = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|atom\+xml)|image\/svg)/;
const compressors = {
  br: (body: Buffer) =>
    zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }),
  gzip: (body: Buffer) => zlib.gzipSync(body),
};

/** what every public answer also depends on: whether the public may read it at all */
const ACCESS_MODELS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

type Roots = { exact: Map<string, string>; items: Map<string, string>; pages: [string, string][] };

export default (config: ReadCacheConfig, { strapi }: { strapi: Core.Strapi }) => {
  if (config?.enabled === false) return (_ctx: Context, next: Next) => next();

  const maxAge = Math.max(0, Math.floor(config?.maxAgeSeconds ?? 10));
  const stale = Math.max(0, Math.floor(config?.staleWhileRevalidateSeconds ?? 30));
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${stale}`;
  const store = createAnswerStore({ maxBytes: (config?.maxMegabytes ?? 64) * 1024 * 1024 });

  // Strapi creates global middlewares after the database and every content type are ready.
  const setup = () => {
    const prefix = String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/, '');
    const exact = new Map<string, string>();
    const items = new Map<string, string>();
    for (const [uid, type] of Object.entries(strapi.contentTypes)) {
      if (!uid.startsWith('api::')) continue;
      const { kind, info } = type as {
        kind: string;
        info: { pluralName: string; singularName: string };
      };
      if (kind === 'singleType') exact.set(`${prefix}/${info.singularName}`, uid);
      else {
        exact.set(`${prefix}/${info.pluralName}`, uid);
        items.set(`${prefix}/${info.pluralName}/`, uid);
      }
    }
    const pages = Object.entries(config?.pages ?? {});
    const models = (uid: string) =>
      ((strapi.contentTypes as unknown as Record<string, unknown>)[uid] ??
        (strapi.components as unknown as Record<string, unknown>)[uid]) as ModelShape | undefined;
    const dependencies = new Map<string, readonly string[]>();
    for (const uid of new Set([...exact.values(), ...pages.map(([, uid]) => uid)])) {
      const closure = dependencyClosure(uid, models);
      for (const access of ACCESS_MODELS) if (models(access)) closure.add(access);
      dependencies.set(uid, [...closure]);
    }
    const watched = [...new Set([...dependencies.values()].flat())];
    return { roots: { exact, items, pages } as Roots, dependencies, watched };
  };

  const { roots, dependencies, watched } = setup();
  // Watching starts now, not at the first read: an instance that only writes must still
  // announce its changes to the others.
  const versions = contentVersionsOf(strapi, watched);

  const rootOf = (path: string, { exact, items, pages }: Roots): string | undefined => {
    const direct = exact.get(path);
    if (direct) return direct;
    const slash = path.lastIndexOf('/');
    if (slash > 0 && slash < path.length - 1) {
      const item = items.get(path.slice(0, slash + 1));
      if (item) return item;
    }
    for (const [prefix, uid] of pages) if (path.startsWith(prefix)) return uid;
    return undefined;
  };

  const bypass = (ctx: Context, next: Next) => {
    ctx.set('X-Read-Cache', 'bypass');
    return next();
  };

  return async (ctx: Context, next: Next) => {
    const root = rootOf(ctx.path, roots);
    if (!root) return next();
    const requestCacheControl = ctx.get('Cache-Control');
    if (
      bypassReason({ method: ctx.method, querystring: ctx.querystring, headers: ctx.headers }) ||
      /no-cache|no-store/i.test(requestCacheControl)
    ) {
      return bypass(ctx, next);
    }
    const deps = dependencies.get(root)!;
    if (!versions.available()) return bypass(ctx, next);

    const key = cacheKey(ctx.path, ctx.querystring);
    const hit = store.get(key, (answer) =>
      versions.unchangedSince(answer.dependencies, answer.tick)
    );
    if (hit) {
      ctx.status = 200;
      ctx.set('ETag', hit.etag);
      ctx.set('Cache-Control', cacheControl);
      ctx.set('X-Read-Cache', 'hit');
      if (ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.type = hit.type;
      ctx.body = hit.body;
      if (hit.body.length >= COMPRESS_THRESHOLD && COMPRESSIBLE.test(hit.type)) {
        const encoding = ctx.acceptsEncodings('br', 'gzip', 'identity');
        if (encoding === 'br' || encoding === 'gzip') {
          hit.encoded ??= {};
          const encoded = (hit.encoded[encoding] ??= compressors[encoding](hit.body));
          ctx.vary('Accept-Encoding');
          ctx.set('Content-Encoding', encoding);
          ctx.body = encoded;
        }
      }
      return;
    }

    const tick = versions.tick();
    const expiresAt = startOfNextDay().getTime();
    await next();
    ctx.set('X-Read-Cache', 'miss');
    if (ctx.method !== 'GET' || ctx.status !== 200) return;
    if (ctx.response.get('Set-Cookie')) return;
    if (/private|no-store/i.test(String(ctx.response.get('Cache-Control')))) return;

    const body: unknown = ctx.body;
    let bytes: Buffer;
    if (Buffer.isBuffer(body)) bytes = body;
    else if (typeof body === 'string') bytes = Buffer.from(body);
    else if (
      body &&
      typeof body === 'object' &&
      typeof (body as { pipe?: unknown }).pipe !== 'function'
    ) {
      bytes = Buffer.from(JSON.stringify(body));
    } else return;
    const type = String(ctx.response.get('Content-Type') || 'application/json; charset=utf-8');
    ctx.body = bytes;
    ctx.type = type;

    const etag =
      String(ctx.response.get('ETag') || '') ||
      `W/"${crypto.createHash('sha1').update(bytes).digest('base64url')}"`;
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', cacheControl);
    store.set(key, { body: bytes, type, etag, dependencies: deps, tick, expiresAt });
    if (ctx.fresh) ctx.status = 304;
  };
};
