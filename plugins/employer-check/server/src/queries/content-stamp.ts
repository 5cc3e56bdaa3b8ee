/**
 * One SQL statement that tells whether what the self-check reads on every request (the active
 * questionnaire with its questions and dimensions, the published tips) may have changed: per
 * table the latest `updated_at` and the row count (a deletion lowers it), plus the id of the
 * active questionnaire. Works on SQLite and PostgreSQL (scalar subqueries, no FROM).
 *
 * Every instance reads the stamp itself, so an edit on one instance is seen by the next request
 * on every other. It covers writes through Strapi's Document Service and query engine (both set
 * `updated_at`); an edit inside the same millisecond as the previous one of the same table,
 * without a change of the row count, is not seen until the next edit.
 */
import type { Core } from '@strapi/strapi';

export const contentStamp = async (
  strapi: Core.Strapi,
  { questionnaire, tables }: { questionnaire: string; tables: string[] }
): Promise<string> => {
  const knex = strapi.db.connection;
  const tableOf = (uid: string) => strapi.db.metadata.get(uid as never).tableName;
  const columns: Record<string, unknown> = {
    active: knex(tableOf(questionnaire)).max('id').where('active', true),
  };
  [questionnaire, ...tables].forEach((uid, index) => {
    columns[`u${index}`] = knex(tableOf(uid)).max('updated_at');
    columns[`c${index}`] = knex(tableOf(uid)).count('*');
  });
  const [row] = (await knex.select(columns as never)) as Record<string, unknown>[];
  return JSON.stringify(
    Object.keys(columns).map((key) => {
      const value = row?.[key];
      return value instanceof Date ? value.getTime() : String(value ?? '');
    })
  );
};
