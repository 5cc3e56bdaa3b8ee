/** What the public controllers read of a request: its JSON body, refused when far too large. */
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/** The parsed body, or `{}` when there is none. */
export const body = (ctx: Context): unknown =>
  (ctx.request as unknown as { body?: unknown }).body ?? {};

/** A body over `maxBytes` is refused as bad input (400 naming `body`), before it is read. */
export const checkSize = (ctx: Context, maxBytes: number) => {
  if (Number(ctx.request.length ?? 0) > maxBytes) {
    const message = `Die Anfrage ist zu groß (höchstens ${maxBytes / 1024} KB).`;
    throw new errors.ValidationError(message, {
      errors: [{ path: ['body'], message, name: 'ValidationError' }],
    });
  }
};
