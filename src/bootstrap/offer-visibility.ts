/**
 * Backfill of the offers' computed `visibleUntil` (lib/offers): rows written before the field
 * existed, or by anything that bypassed the Document Service, get the value the document
 * middleware would have stored.
 *
 * Runs at every bootstrap and is idempotent: it reads the date columns in batches (by id) and
 * writes only rows whose stored value differs. A write is a compare-and-set on the columns it was
 * computed from, so an offer edited meanwhile by another instance keeps that edit's value.
 * Plain knex, so it works the same on SQLite and PostgreSQL.
 */
import type { Core } from '@strapi/strapi';
import { calendarDay, offerVisibleUntil } from '../lib/offers';

const UID = 'api::offer.offer';
const SOURCE_FIELDS = ['offerType', 'validUntil', 'startDate', 'endDate'] as const;
const BATCH_SIZE = 500;

type Row = Record<string, unknown> & { id: number };

/** Number of rows whose `visibleUntil` was set or corrected. */
export const backfillOfferVisibility = async (
  strapi: Core.Strapi,
  { batchSize = BATCH_SIZE }: { batchSize?: number } = {}
): Promise<number> => {
  const meta = strapi.db.metadata.get(UID);
  const column = (field: string) =>
    (meta.attributes[field] as { columnName?: string } | undefined)?.columnName ?? field;
  const target = column('visibleUntil');
  const sources = SOURCE_FIELDS.map((field) => [field, column(field)] as const);
  const knex = strapi.db.connection;

  let updated = 0;
  let lastId = 0;
  for (;;) {
    const rows = (await knex(meta.tableName)
      .select('id', target, ...sources.map(([, name]) => name))
      .where('id', '>', lastId)
      .orderBy('id', 'asc')
      .limit(batchSize)) as Row[];
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1].id;

    const stale = rows
      .map((row) => ({
        row,
        value: offerVisibleUntil(
          Object.fromEntries(sources.map(([field, name]) => [field, row[name]]))
        ),
      }))
      .filter(({ row, value }) => value !== calendarDay(row[target]));
    if (stale.length === 0) continue;

    await knex.transaction(async (trx) => {
      for (const { row, value } of stale) {
        const query = trx(meta.tableName).where('id', row.id);
        for (const [, name] of sources) {
          if (row[name] === null || row[name] === undefined) query.whereNull(name);
          else query.where(name, row[name] as string);
        }
        updated += await query.update({ [target]: value });
      }
    });
  }
  return updated;
};

/** Bootstrap step: backfills and logs what it changed. */
export const ensureOfferVisibility = async (strapi: Core.Strapi): Promise<void> => {
  const updated = await backfillOfferVisibility(strapi);
  if (updated > 0) strapi.log.info(`Offers: visibleUntil set on ${updated} rows`);
};
