/**
 * The database's clock: every instance reads the same time from it, so leases and retry times
 * mean the same everywhere whatever each server's own clock says (SENDING.md, "Leases").
 */
import type { Knex } from 'knex';

/** SQL for "now" in epoch milliseconds on the database's clock (`client`: Strapi's dialect). */
export const databaseNowMs = (client: string) =>
  client === 'postgres'
    ? '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint'
    : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";

/** Reads the database's clock (epoch milliseconds). */
export const readDatabaseNow = async (knex: Knex, client: string): Promise<number> => {
  const result = await knex.raw(`SELECT ${databaseNowMs(client)} AS now`);
  const rows = (client === 'postgres' ? result.rows : result) as { now: number | string }[];
  return Number(rows[0].now);
};
