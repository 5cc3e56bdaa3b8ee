/**
 * Personalising an issue (only with a personalised section): after the audience snapshot, the
 * deliveries of subscribers with an active link get the section's items chosen once
 * (lib/personal: fitting items first, then the editor's selection, nothing received before) and
 * stored in their rows, one UPDATE … CASE per batch of PERSONALISE_BATCH. Idempotent: rows that
 * have their choice keep it, and the result is the same whoever computes it, so two instances or
 * a restart mid-way agree and a message repeated after a crash is the same message.
 */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { chooseItems, latestProfiles, receivedItems } from '../lib/personal';
import { ISSUE } from '../services/composer';
import { LINK } from '../services/links';
import { DELIVERY, parseNullableList, parseStringList, type IssueRow } from './types';

/** deliveries personalised per statement batch */
const PERSONALISE_BATCH = 500;

export const createPersonalisation = (strapi: Core.Strapi) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const issues = () => strapi.db.query(ISSUE);

  /** The editor's selection of the section in every earlier issue, for "already received". */
  const earlierDefaults = async (issueId: number, topic: string) => {
    const earlier = (await issues().findMany({
      where: { id: { $ne: issueId }, audienceAt: { $notNull: true } },
      select: ['id', 'items'],
    })) as { id: number; items: IssueRow['items'] }[];
    return new Map(
      earlier.map((row) => [
        row.id,
        (row.items ?? []).filter((item) => item.section === topic).map((item) => item.documentId),
      ])
    );
  };

  /**
   * Chooses the personalised section's items for the deliveries of linked subscribers and
   * stores them in the rows (batches of PERSONALISE_BATCH, one UPDATE each). Idempotent:
   * rows that have their choice keep it, and the result is the same whoever computes it.
   */
  const personaliseAudience = async (issue: IssueRow) => {
    const personalisation = config().personalisation;
    const personal = issue.rendering?.personal;
    const deliveries = table(DELIVERY);
    if (personalisation && personal && personalisation.topic === personal.topic) {
      const links = table(LINK);
      const defaultsOf = await earlierDefaults(issue.id, personal.topic);
      const context = { strapi };
      let lastId = 0;
      for (;;) {
        const batch = (await knex()(deliveries)
          .where('issue_id', issue.id)
          .andWhere('id', '>', lastId)
          .whereNull('personal_items')
          .whereIn('subscriber_id', knex()(links).where('status', 'active').select('subscriber_id'))
          .orderBy('id')
          .limit(PERSONALISE_BATCH)
          .select('id', 'subscriber_id', 'topics')) as {
          id: number;
          subscriber_id: number;
          topics: unknown;
        }[];
        if (batch.length === 0) break;
        lastId = Number(batch[batch.length - 1].id);
        const wanting = batch.filter((row) => parseStringList(row.topics).includes(personal.topic));
        if (wanting.length === 0) continue;
        const subscriberIds = wanting.map((row) => Number(row.subscriber_id));
        const linkRows = (await knex()(links)
          .whereIn('subscriber_id', subscriberIds)
          .andWhere('status', 'active')
          .select('subscriber_id', 'key')) as { subscriber_id: number; key: string }[];
        const profiles = await personalisation.profiles(
          [...new Set(linkRows.map((link) => link.key))],
          context
        );
        const rankedBySubscriber = latestProfiles(
          linkRows.map((link) => ({ subscriberId: Number(link.subscriber_id), key: link.key })),
          profiles
        );
        const history = (await knex()(deliveries)
          .whereIn('subscriber_id', [...rankedBySubscriber.keys()])
          .andWhere('status', 'sent')
          .andWhereNot('issue_id', issue.id)
          .select('subscriber_id', 'issue_id', 'topics', 'personal_items')) as {
          subscriber_id: number;
          issue_id: number;
          topics: unknown;
          personal_items: unknown;
        }[];
        const historyOf = new Map<number, typeof history>();
        for (const row of history) {
          const id = Number(row.subscriber_id);
          historyOf.set(id, [...(historyOf.get(id) ?? []), row]);
        }
        const choices: { id: number; items: string[] }[] = [];
        for (const row of wanting) {
          const profile = rankedBySubscriber.get(Number(row.subscriber_id));
          if (!profile) continue;
          const received = receivedItems(
            (historyOf.get(Number(row.subscriber_id)) ?? []).map((entry) => ({
              issueId: Number(entry.issue_id),
              topics: parseStringList(entry.topics),
              personalItems: parseNullableList(entry.personal_items),
            })),
            personal.topic,
            (id) => defaultsOf.get(id) ?? []
          );
          const items = chooseItems({
            ranked: profile.ranked,
            defaults: personal.defaults,
            pool: personal.pool,
            received,
            limit: personalisation.limit,
          });
          if (items) choices.push({ id: Number(row.id), items });
        }
        if (choices.length === 0) continue;
        // One statement for the batch (atomic on its own): a CASE per row, only rows without a
        // choice yet. PostgreSQL's json column needs the text cast.
        const cast = isPostgres() ? '::jsonb' : '';
        await knex().raw(
          `UPDATE ?? SET personal_items = CASE id ${choices.map(() => `WHEN ? THEN ?${cast}`).join(' ')} END
           WHERE id IN (${choices.map(() => '?').join(', ')}) AND personal_items IS NULL`,
          [
            deliveries,
            ...choices.flatMap((choice) => [choice.id, JSON.stringify(choice.items)]),
            ...choices.map((choice) => choice.id),
          ]
        );
      }
    }
    const [{ n }] = await knex()(deliveries)
      .where('issue_id', issue.id)
      .whereNotNull('personal_items')
      .count({ n: '*' });
    await issues().updateMany({
      where: { id: issue.id, personalisedAt: { $null: true } },
      data: { personalisedAt: new Date(), personalised: Number(n) },
    });
  };

  return { personaliseAudience };
};
