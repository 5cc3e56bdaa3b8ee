/**
 * Preparing an issue for sending, idempotent and safe on any number of instances:
 * - freeze: the rendering is compiled once and stored by a conditional write (the first wins),
 *   so content edited during the send does not change what the remaining recipients get;
 * - snapshot: one delivery row per (issue, active subscriber), by one INSERT … SELECT in the
 *   transaction that sets `audienceAt` (only the first caller gets to set it), so the audience is
 *   fixed once and later subscribers wait for the next issue.
 */
import type { Core } from '@strapi/strapi';
import { atomically } from '@bildungsbuero/strapi-server-kit';
import { ISSUE } from '../services/composer';
import { getService } from '../utils/get-service';
import { DELIVERY, SUBSCRIBER, type IssueRow } from './types';

export const createPreparation = (strapi: Core.Strapi) => {
  const issues = () => strapi.db.query(ISSUE);
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  return {
    async freeze(issue: IssueRow) {
      if (issue.rendering) return;
      const rendering = await getService(strapi, 'composer').render(issue, new Date(), {
        forSending: true,
      });
      await issues().updateMany({
        where: { id: issue.id, rendering: { $null: true } },
        data: { rendering },
      });
    },

    async snapshotAudience(issueId: number) {
      const deliveries = table(DELIVERY);
      await atomically(strapi, async (trx) => {
        const { count } = await issues().updateMany({
          where: { id: issueId, audienceAt: { $null: true } },
          data: { audienceAt: new Date() },
        });
        if (count !== 1) return;
        await trx.raw(
          `INSERT INTO ?? (issue_id, subscriber_id, subscriber_document_id, email, name, topics, status, attempts, takeovers)
           SELECT ?, id, document_id, email, name, topics, 'pending', 0, 0 FROM ?? WHERE status = 'active'
           ON CONFLICT (issue_id, subscriber_id) DO NOTHING`,
          [deliveries, issueId, table(SUBSCRIBER)]
        );
        const [{ n }] = await trx(deliveries).where('issue_id', issueId).count({ n: '*' });
        await trx(table(ISSUE))
          .where('id', issueId)
          .update({ recipients: Number(n) });
      });
    },
  };
};
