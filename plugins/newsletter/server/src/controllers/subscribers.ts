/**
 * Admin routes for editors: counts and search, import (CSV or .xlsx) and CSV export, and GDPR
 * access/erasure of one subscriber.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { Readable } from 'stream';
import type { NewsletterConfig } from '../config';
import { readCsvText, readSubscriberFile } from '../lib/import-reader';
import { FileProblem, IMPORT_COLUMNS } from '../lib/subscriber-file';
import { validateDocumentId, validateReactivation, validateSubscriberQuery } from '../validation';
import { invalid, readImportBody } from './import-body';

/** A workbook may unpack to this many times the request limit (zip bombs stop here). */
const XLSX_UNPACK_FACTOR = 20;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('newsletter').service('subscribers');
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;

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

    /** What the admin page needs to know before it sends a file. */
    async importLimits(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: {
          maxBytes: config().import.maxBytes,
          columns: IMPORT_COLUMNS,
          formats: ['csv', 'xlsx'],
        },
      };
    },

    async import(ctx: Context) {
      const { maxBytes } = config().import;
      const body = await readImportBody(ctx, maxBytes);
      let sheet;
      try {
        sheet =
          body.field === 'csv'
            ? readCsvText(body.text)
            : await readSubscriberFile(body.bytes, {
                timeZone: config().scheduler.timezone,
                maxUnpackedBytes: maxBytes * XLSX_UNPACK_FACTOR,
              });
      } catch (error) {
        if (error instanceof FileProblem) throw invalid(body.field, error.message);
        throw error;
      }
      ctx.body = { data: await service().importSheet(sheet) };
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

    /** A bounced address becomes active again, with the editor's reason in its history. */
    async reactivate(ctx: Context) {
      const documentId = validateDocumentId(ctx.params.id);
      const { reason } = await validateReactivation(ctx.request.body ?? {});
      const editor = ctx.state.user as { email?: string } | undefined;
      const done = await service().reactivate(documentId, reason, editor?.email ?? null);
      if (done === null) throw new errors.NotFoundError('Subscriber not found');
      if (done === false) {
        const message =
          'Nur unzustellbare Adressen können wieder aktiviert werden; wer sich abgemeldet oder beschwert hat, muss sich selbst neu anmelden.';
        throw new errors.ValidationError(message, {
          errors: [{ path: ['status'], message, name: 'ValidationError' }],
        });
      }
      ctx.body = { data: { reactivated: true } };
    },

    async erase(ctx: Context) {
      const erased = await service().erase(validateDocumentId(ctx.params.id));
      if (!erased) throw new errors.NotFoundError('Subscriber not found');
      ctx.body = { data: { erased: true } };
    },
  };
};
