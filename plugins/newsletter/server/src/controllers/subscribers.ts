/**
 * Admin routes for editors: counts and search, CSV import/export, and GDPR access/erasure of one
 * subscriber.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { Readable } from 'stream';
import { validateDocumentId, validateSubscriberQuery } from '../validation';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('newsletter').service('subscribers');

  const csvFrom = (ctx: Context): string => {
    const body = (ctx.request as unknown as { body?: unknown }).body;
    const text =
      typeof body === 'string'
        ? body
        : typeof (body as { csv?: unknown })?.csv === 'string'
          ? (body as { csv: string }).csv
          : null;
    if (text === null || text.trim() === '') {
      throw new errors.ValidationError(
        'Send the CSV as a text/csv body or as JSON { "csv": "…" }',
        {
          errors: [{ path: ['csv'], message: 'CSV text is required', name: 'ValidationError' }],
        }
      );
    }
    if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) {
      throw new errors.PayloadTooLargeError('CSV larger than 5 MB: split the file');
    }
    return text;
  };

  return {
    async stats(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await service().stats() };
    },

    async list(ctx: Context) {
      const { results, pagination } = await service().search(validateSubscriberQuery(ctx.query));
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: results, meta: { pagination } };
    },

    async import(ctx: Context) {
      ctx.body = { data: await service().importCsv(csvFrom(ctx)) };
    },

    async export(ctx: Context) {
      const stamp = new Date().toISOString().slice(0, 10);
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="newsletter-abonnenten-${stamp}.csv"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = Readable.from(service().exportCsv());
    },

    async personalData(ctx: Context) {
      const data = await service().personalData(validateDocumentId(ctx.params.id));
      if (!data) throw new errors.NotFoundError('Subscriber not found');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data };
    },

    async erase(ctx: Context) {
      const erased = await service().erase(validateDocumentId(ctx.params.id));
      if (!erased) throw new errors.NotFoundError('Subscriber not found');
      ctx.body = { data: { erased: true } };
    },
  };
};
