/**
 * Every statement of the newsletter's data minimisation, in one place: what is due, and deleting
 * it in batches, each batch in one transaction (a subscriber goes together with its mails,
 * deliveries, links and mailbox records, or not at all).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const SUBSCRIBER = 'plugin::newsletter.subscriber';
const SUPPRESSION = 'plugin::newsletter.suppression';
const OUTBOX = 'plugin::newsletter.outbox-mail';
const DELIVERY = 'plugin::newsletter.delivery';
const LINK = 'plugin::newsletter.link';
const MAILBOX_MESSAGE = 'plugin::newsletter.mailbox-message';
const ISSUE = 'plugin::newsletter.issue';

const BATCH = 200;

export interface DueSubscriber {
  id: number;
  documentId: string;
  email: string;
  status: string;
}

export const createRetentionStore = (strapi: Core.Strapi) => {
  const knex = (): Knex => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  const due = async (query: (q: Knex.QueryBuilder) => Knex.QueryBuilder) =>
    (
      (await query(knex()(table(SUBSCRIBER)))
        .orderBy('id')
        .limit(BATCH)
        .select('id', 'document_id', 'email', 'status')) as {
        id: number;
        document_id: string;
        email: string;
        status: string;
      }[]
    ).map((row) => ({
      id: Number(row.id),
      documentId: row.document_id,
      email: row.email,
      status: row.status,
    }));

  /** Deletes subscribers and everything about them; `suppress` keeps their keyed hashes. */
  const remove = async (
    subscribers: DueSubscriber[],
    suppress: ((subscriber: DueSubscriber) => { addressHash: string; reason: string }) | null,
    now: Date
  ) => {
    if (subscribers.length === 0) return 0;
    const ids = subscribers.map((subscriber) => subscriber.id);
    return knex().transaction(async (trx) => {
      await trx(table(OUTBOX))
        .whereIn(
          'subscriber_document_id',
          subscribers.map((subscriber) => subscriber.documentId)
        )
        .delete();
      await trx(table(DELIVERY)).whereIn('subscriber_id', ids).delete();
      await trx(table(LINK)).whereIn('subscriber_id', ids).delete();
      await trx(table(MAILBOX_MESSAGE)).whereIn('subscriber_id', ids).delete();
      const deleted = Number(await trx(table(SUBSCRIBER)).whereIn('id', ids).delete());
      if (suppress) {
        const entries = subscribers.map(suppress);
        const existing = new Set(
          (
            (await trx(table(SUPPRESSION))
              .whereIn(
                'address_hash',
                entries.map((entry) => entry.addressHash)
              )
              .select('address_hash')) as { address_hash: string }[]
          ).map((row) => row.address_hash)
        );
        await trx(table(SUPPRESSION))
          .whereIn('address_hash', [...existing])
          .update({ suppressed_at: now, updated_at: now });
        const fresh = entries.filter((entry) => !existing.has(entry.addressHash));
        if (fresh.length) {
          await trx(table(SUPPRESSION)).insert(
            fresh.map((entry) => ({
              address_hash: entry.addressHash,
              reason: entry.reason,
              suppressed_at: now,
              created_at: now,
              updated_at: now,
            }))
          );
        }
      }
      return deleted;
    });
  };

  return {
    /** Sign-ups never confirmed, made before `before`. */
    pendingBefore: (before: Date) =>
      due((q) => q.where('status', 'pending').andWhere('created_at', '<', before)),

    /**
     * Addresses that left (unsubscribed, complained: since `unsubscribed_at`; bounced: since
     * their last change) before `before`.
     */
    leftBefore: (before: Date) =>
      due((q) =>
        q.where((w) =>
          w
            .where((u) =>
              u
                .whereIn('status', ['unsubscribed', 'complained'])
                .andWhere((d) =>
                  d
                    .where('unsubscribed_at', '<', before)
                    .orWhere((n) =>
                      n.whereNull('unsubscribed_at').andWhere('updated_at', '<', before)
                    )
                )
            )
            .orWhere((b) => b.where('status', 'bounced').andWhere('updated_at', '<', before))
        )
      ),

    remove,

    /**
     * Delivery rows (and mailbox records) of finished issues older than `beforeMs` (epoch ms);
     * the issues' own counters keep their figures. Returns how many delivery rows went.
     */
    async deleteDeliveriesBefore(beforeMs: number, before: Date) {
      const finished = knex()(table(ISSUE))
        .whereIn('status', ['sent', 'failed', 'cancelled'])
        .andWhere('finished_at', '<', before)
        .select('id');
      let total = 0;
      for (;;) {
        const ids = (
          (await knex()(table(DELIVERY))
            .whereIn('issue_id', finished.clone())
            .andWhere((q) => q.whereNull('sent_at').orWhere('sent_at', '<', beforeMs))
            .orderBy('id')
            .limit(1000)
            .select('id')) as { id: number }[]
        ).map((row) => row.id);
        if (ids.length === 0) break;
        total += Number(await knex()(table(DELIVERY)).whereIn('id', ids).delete());
      }
      await knex()(table(MAILBOX_MESSAGE)).where('processed_at', '<', beforeMs).delete();
      // single mails (confirmations, ...) that are done
      await knex()(table(OUTBOX))
        .whereIn('status', ['sent', 'failed', 'cancelled'])
        .andWhere('updated_at', '<', before)
        .delete();
      return total;
    },
  };
};
