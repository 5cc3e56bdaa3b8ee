/**
 * Every statement of the send protocol on delivery rows, in one place (SENDING.md explains the
 * rules): claiming with a lease, renewing it, writing outcomes, giving rows back.
 *
 * - Times of leases and retries come from the database's clock (one clock for all instances),
 *   as epoch milliseconds in bigint columns, the same on SQLite and PostgreSQL.
 * - Every write that ends or extends a lease names this owner and `status = 'sending'` in its
 *   WHERE, so a worker whose lease was taken over cannot overwrite the new owner's work; a write
 *   repeated after an error it cannot tell apart from success changes nothing the second time.
 * - An outcome and the issue's counter move in one transaction: the counters are the rows.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { databaseNowMs } from '../lib/db-clock';
import { appendHistory, type HistoryEvent } from '../services/subscriptions';
import {
  DELIVERY,
  SUBSCRIBER,
  parseNullableList,
  parseStringList,
  type ClaimedDelivery,
  type DeliveryCounts,
} from './types';

const ISSUE = 'plugin::newsletter.issue';

/** A delivery that failed for good, with what is written about it. */
export interface FailedDelivery {
  row: ClaimedDelivery;
  smtpCode: number | null;
  message: string;
  /** the mailbox does not exist: the subscriber is marked bounced */
  bounce: boolean;
}

/** A delivery that goes back to pending, to be claimed again after `delayMs`. */
export interface RetriedDelivery {
  row: ClaimedDelivery;
  delayMs: number;
  smtpCode: number | null;
  message: string;
  /** false: this claim does not count as an attempt (nothing was wrong with the recipient) */
  countsAsAttempt: boolean;
}

export interface DeliveryStore {
  readonly owner: string;
  /** Claims up to `limit` due deliveries: pending ones whose retry time has come, and
   * deliveries whose lease expired (taken over: `takeovers` + 1). */
  claim(issueId: number, limit: number): Promise<ClaimedDelivery[]>;
  /** Extends this owner's lease on `ids`; returns how many rows it still holds. */
  renew(ids: number[]): Promise<number>;
  markSent(issueId: number, ids: number[]): Promise<number>;
  markSkipped(issueId: number, ids: number[]): Promise<number>;
  markFailed(issue: { id: number; documentId: string }, failed: FailedDelivery[]): Promise<number>;
  retryLater(retried: RetriedDelivery[]): Promise<number>;
  /** Gives claimed rows back untouched (pending, the claim's attempt returned). */
  release(ids: number[]): Promise<number>;
  counts(issueId: number): Promise<DeliveryCounts>;
}

export const createDeliveryStore = (
  strapi: Core.Strapi,
  { owner, leaseSeconds }: { owner: string; leaseSeconds: () => number }
): DeliveryStore => {
  const knex = (): Knex => strapi.db.connection;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const now = () => databaseNowMs(strapi.db.dialect.client);
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const leaseMs = () => Math.round(leaseSeconds() * 1000);

  /** The rows of `ids` this owner still holds. */
  const held = (query: Knex.QueryBuilder, ids: number[]) =>
    query.whereIn('id', ids).andWhere({ lease_owner: owner, status: 'sending' });

  /** Ends the lease on `ids` with `data`, and adds the rows written to the issue's `counter`. */
  const settle = async (
    issueId: number,
    ids: number[],
    counter: 'sent' | 'skipped',
    data: Record<string, unknown>
  ) => {
    if (ids.length === 0) return 0;
    return knex().transaction(async (trx) => {
      const written = Number(
        await held(trx(table(DELIVERY)), ids).update({
          lease_owner: null,
          lease_until: null,
          ...data,
        })
      );
      if (written > 0) {
        await trx(table(ISSUE)).where('id', issueId).increment(counter, written);
      }
      return written;
    });
  };

  /** Appends the bounce to the subscriber's history; an active subscriber becomes bounced. */
  const recordBounce = async (trx: Knex.Transaction, subscriberId: number, event: HistoryEvent) => {
    const subscriber = (await trx(table(SUBSCRIBER))
      .where('id', subscriberId)
      .first('status', 'history', 'bounce_count')) as
      { status: string; history: unknown; bounce_count: number | null } | undefined;
    if (!subscriber) return;
    const history =
      typeof subscriber.history === 'string'
        ? (JSON.parse(subscriber.history) as HistoryEvent[])
        : ((subscriber.history as HistoryEvent[] | null) ?? []);
    await trx(table(SUBSCRIBER))
      .where('id', subscriberId)
      .update({
        status: subscriber.status === 'active' ? 'bounced' : subscriber.status,
        bounce_count: Number(subscriber.bounce_count ?? 0) + 1,
        history: JSON.stringify(appendHistory(history, event)),
        updated_at: new Date(),
      });
  };

  return {
    owner,

    async claim(issueId, limit) {
      const deliveries = table(DELIVERY);
      const result = await knex().raw(
        `UPDATE ?? SET status = 'sending', lease_owner = ?, lease_until = ${now()} + ?,
           attempts = attempts + 1,
           takeovers = COALESCE(takeovers, 0) + (CASE WHEN status = 'sending' THEN 1 ELSE 0 END)
         WHERE id IN (
           SELECT id FROM ?? WHERE issue_id = ? AND (
             (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now()}))
             OR (status = 'sending' AND lease_until < ${now()}))
           ORDER BY id LIMIT ?${isPostgres() ? ' FOR UPDATE SKIP LOCKED' : ''})
         RETURNING id, subscriber_id, subscriber_document_id, email, name, topics, attempts,
           takeovers, personal_items`,
        [deliveries, owner, leaseMs(), deliveries, issueId, limit]
      );
      const rows = (isPostgres() ? result.rows : result) as Record<string, unknown>[];
      return rows
        .map((row) => ({
          id: Number(row.id),
          subscriberId: Number(row.subscriber_id),
          subscriberDocumentId: String(row.subscriber_document_id),
          email: String(row.email),
          name: (row.name as string | null) ?? null,
          topics: parseStringList(row.topics),
          attempts: Number(row.attempts),
          takeovers: Number(row.takeovers ?? 0),
          personalItems: parseNullableList(row.personal_items),
        }))
        .sort((a, b) => a.id - b.id);
    },

    async renew(ids) {
      if (ids.length === 0) return 0;
      return Number(
        await held(knex()(table(DELIVERY)), ids).update({
          lease_until: knex().raw(`${now()} + ?`, [leaseMs()]),
        })
      );
    },

    markSent(issueId, ids) {
      return settle(issueId, ids, 'sent', {
        status: 'sent',
        sent_at: knex().raw(now()),
        last_error: null,
        smtp_code: null,
      });
    },

    markSkipped(issueId, ids) {
      return settle(issueId, ids, 'skipped', { status: 'skipped' });
    },

    async markFailed(issue, failed) {
      if (failed.length === 0) return 0;
      return knex().transaction(async (trx) => {
        let written = 0;
        for (const { row, smtpCode, message, bounce } of failed) {
          const count = Number(
            await held(trx(table(DELIVERY)), [row.id]).update({
              status: 'failed',
              lease_owner: null,
              lease_until: null,
              smtp_code: smtpCode,
              last_error: message.slice(0, 1000),
            })
          );
          written += count;
          if (count > 0 && bounce) {
            await recordBounce(trx, row.subscriberId, {
              at: new Date().toISOString(),
              event: 'bounced',
              issue: issue.documentId,
              smtpCode,
              reason: message.slice(0, 300),
            });
          }
        }
        if (written > 0) {
          await trx(table(ISSUE)).where('id', issue.id).increment('failed', written);
        }
        return written;
      });
    },

    async retryLater(retried) {
      if (retried.length === 0) return 0;
      return knex().transaction(async (trx) => {
        let written = 0;
        for (const { row, delayMs, smtpCode, message, countsAsAttempt } of retried) {
          written += Number(
            await held(trx(table(DELIVERY)), [row.id]).update({
              status: 'pending',
              lease_owner: null,
              lease_until: null,
              next_attempt_at: trx.raw(`${now()} + ?`, [Math.max(0, Math.round(delayMs))]),
              ...(countsAsAttempt ? {} : { attempts: trx.raw('attempts - 1') }),
              smtp_code: smtpCode,
              last_error: message.slice(0, 1000),
            })
          );
        }
        return written;
      });
    },

    async release(ids) {
      if (ids.length === 0) return 0;
      return Number(
        await held(knex()(table(DELIVERY)), ids).update({
          status: 'pending',
          lease_owner: null,
          lease_until: null,
          attempts: knex().raw('attempts - 1'),
        })
      );
    },

    async counts(issueId) {
      const rows = (await knex()(table(DELIVERY))
        .where('issue_id', issueId)
        .select('status')
        .count({ n: '*' })
        .groupBy('status')) as { status: string; n: number | string }[];
      const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
      return {
        recipients: rows.reduce((sum, row) => sum + Number(row.n), 0),
        pending: (byStatus.pending ?? 0) + (byStatus.sending ?? 0),
        sent: byStatus.sent ?? 0,
        failed: byStatus.failed ?? 0,
        skipped: byStatus.skipped ?? 0,
      };
    },
  };
};
