/**
 * The click counters (`newsletter_clicks`, unique `(issue_id, item_key)`): one number per issue
 * and item, nothing about who clicked. A click is one statement, an upsert that SQLite and
 * PostgreSQL both run atomically, so concurrent clicks on several instances never lose a count:
 *
 *   INSERT … SELECT issue, item, 1 WHERE EXISTS (the issue)
 *   ON CONFLICT (issue_id, item_key) DO UPDATE SET clicks = clicks + 1
 *
 * The EXISTS keeps links of a deleted issue from creating rows again.
 */
import type { Core } from '@strapi/strapi';

export const CLICK = 'plugin::newsletter.click';
const ISSUE = 'plugin::newsletter.issue';

export interface ClickRow {
  itemKey: string;
  clicks: number;
}

export const createClickCounter = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  return {
    /** +1 for the item of the issue (nothing when the issue does not exist). */
    async increment(issueId: number, itemKey: string): Promise<void> {
      const clicks = table(CLICK);
      await knex().raw(
        `INSERT INTO ?? (issue_id, item_key, clicks)
         SELECT CAST(? AS INTEGER), CAST(? AS TEXT), 1 WHERE EXISTS (SELECT 1 FROM ?? WHERE id = ?)
         ON CONFLICT (issue_id, item_key) DO UPDATE SET clicks = ??.clicks + 1`,
        [clicks, issueId, itemKey, table(ISSUE), issueId, clicks]
      );
    },

    /** The issue's counters, most clicked first. */
    async forIssue(issueId: number): Promise<ClickRow[]> {
      const rows = (await knex()(table(CLICK))
        .where('issue_id', issueId)
        .orderBy([
          { column: 'clicks', order: 'desc' },
          { column: 'item_key', order: 'asc' },
        ])
        .select('item_key', 'clicks')) as { item_key: string; clicks: number | string }[];
      return rows.map((row) => ({ itemKey: row.item_key, clicks: Number(row.clicks) }));
    },
  };
};

export type ClickCounter = ReturnType<typeof createClickCounter>;
