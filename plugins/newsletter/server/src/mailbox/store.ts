/**
 * Every statement of the bounce mailbox on the database, in one place: which messages are
 * recorded, and what one classified message does, in one transaction.
 *
 * Once-only effect per message: the message's row (its unique `message_key`: mailbox,
 * UIDVALIDITY, UID) is inserted in the same transaction as its effect on the subscriber. A second
 * poller, or the same one after a crash before it flagged the message on the server, hits the
 * unique key and the transaction changes nothing. This holds while the server keeps the mailbox's
 * UIDVALIDITY: a mailbox recreated with old messages in it gets new keys and is read again.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { readDatabaseNow } from '../lib/db-clock';
import { parseReturnPathToken } from '../lib/return-path';
import type { BounceReport } from '../lib/bounce';
import { appendHistory, isDuplicateError, type HistoryEvent } from '../services/subscriptions';

export const MAILBOX_MESSAGE = 'plugin::newsletter.mailbox-message';
const SUBSCRIBER = 'plugin::newsletter.subscriber';
const DELIVERY = 'plugin::newsletter.delivery';
const OUTBOX = 'plugin::newsletter.outbox-mail';
const ISSUE = 'plugin::newsletter.issue';

export type MailboxOutcome = 'applied' | 'ignored' | 'unmatched';

export interface AppliedMessage {
  /** 'duplicate': another poller (or an earlier run) recorded this message already */
  outcome: MailboxOutcome | 'duplicate';
  subscriberId: number | null;
  /** the subscriber's status after the message, when it changed */
  status?: string;
}

export interface BounceRules {
  secret: string;
  /** soft bounces within `softBouncePeriodDays` that turn an address into `bounced` */
  softBounceLimit: number;
  softBouncePeriodDays: number;
}

/** Who a message is about: the first VERP token that verifies names a delivery or a mail. */
interface Target {
  subscriberId: number;
  issueId: number | null;
  issueDocumentId: string | null;
  deliveryId: number | null;
}

const parseHistory = (value: unknown): HistoryEvent[] =>
  typeof value === 'string'
    ? (JSON.parse(value) as HistoryEvent[])
    : ((value as HistoryEvent[] | null) ?? []);

export const createMailboxStore = (strapi: Core.Strapi) => {
  const knex = (): Knex => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  const findTarget = async (trx: Knex, tokens: string[], secret: string) => {
    for (const token of tokens) {
      const ref = parseReturnPathToken(token, secret);
      if (!ref) continue;
      if (ref.kind === 'delivery') {
        const row = (await trx(table(DELIVERY))
          .where('id', ref.id)
          .first('id', 'subscriber_id', 'issue_id')) as
          { id: number; subscriber_id: number; issue_id: number } | undefined;
        if (!row) continue;
        const issue = (await trx(table(ISSUE)).where('id', row.issue_id).first('document_id')) as
          { document_id: string } | undefined;
        return {
          subscriberId: Number(row.subscriber_id),
          issueId: Number(row.issue_id),
          issueDocumentId: issue?.document_id ?? null,
          deliveryId: Number(row.id),
        } satisfies Target;
      }
      const mail = (await trx(table(OUTBOX))
        .where('id', ref.id)
        .first('subscriber_document_id')) as { subscriber_document_id: string } | undefined;
      if (!mail) continue;
      const subscriber = (await trx(table(SUBSCRIBER))
        .where('document_id', mail.subscriber_document_id)
        .first('id')) as { id: number } | undefined;
      if (!subscriber) continue;
      return {
        subscriberId: Number(subscriber.id),
        issueId: null,
        issueDocumentId: null,
        deliveryId: null,
      } satisfies Target;
    }
    return null;
  };

  return {
    /** The keys of `keys` that are recorded already. */
    async recorded(keys: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let start = 0; start < keys.length; start += 500) {
        const rows = (await knex()(table(MAILBOX_MESSAGE))
          .whereIn('message_key', keys.slice(start, start + 500))
          .select('message_key')) as { message_key: string }[];
        for (const row of rows) found.add(row.message_key);
      }
      return found;
    },

    /** Records the message and applies its effect, in one transaction. */
    async apply(
      messageKey: string,
      report: BounceReport,
      rules: BounceRules
    ): Promise<AppliedMessage> {
      try {
        return await knex().transaction(async (trx): Promise<AppliedMessage> => {
          const now = await readDatabaseNow(trx, strapi.db.dialect.client);
          const relevant =
            report.kind === 'hard' || report.kind === 'soft' || report.kind === 'complaint';
          const target = relevant ? await findTarget(trx, report.tokens, rules.secret) : null;
          const outcome: MailboxOutcome =
            report.kind === 'auto-reply' ? 'ignored' : target ? 'applied' : 'unmatched';
          const stamp = new Date(now);
          await trx(table(MAILBOX_MESSAGE)).insert({
            message_key: messageKey,
            kind: report.kind,
            outcome,
            subscriber_id: target?.subscriberId ?? null,
            issue_id: target?.issueId ?? null,
            delivery_id: target?.deliveryId ?? null,
            status_code: report.status?.slice(0, 16) ?? null,
            diagnostic: report.diagnostic?.slice(0, 1000) ?? null,
            reason: report.reason?.slice(0, 255) ?? null,
            subject: report.subject?.slice(0, 255) ?? null,
            received_at: report.date ? report.date.getTime() : null,
            processed_at: now,
            created_at: stamp,
            updated_at: stamp,
          });
          if (!target) return { outcome, subscriberId: null };
          if (target.issueId !== null) {
            // the issue's figures, kept with it when delivery and mailbox rows are deleted later
            const counter = { hard: 'hard_bounces', soft: 'soft_bounces', complaint: 'complaints' }[
              report.kind as 'hard' | 'soft' | 'complaint'
            ];
            await trx(table(ISSUE)).where('id', target.issueId).increment(counter, 1);
          }

          const subscriber = (await trx(table(SUBSCRIBER))
            .where('id', target.subscriberId)
            .first('status', 'history', 'bounce_count')) as
            { status: string; history: unknown; bounce_count: number | null } | undefined;
          if (!subscriber) return { outcome, subscriberId: target.subscriberId };
          const event: HistoryEvent = {
            at: stamp.toISOString(),
            event:
              report.kind === 'complaint'
                ? 'complained'
                : report.kind === 'hard'
                  ? 'bounced'
                  : 'soft-bounce',
            source: 'mailbox',
            ...(target.issueDocumentId ? { issue: target.issueDocumentId } : {}),
            ...(report.status ? { statusCode: report.status } : {}),
            ...(report.diagnostic ? { reason: report.diagnostic.slice(0, 300) } : {}),
          };
          const mailable = subscriber.status === 'active' || subscriber.status === 'pending';
          let status = subscriber.status;
          const data: Record<string, unknown> = {};
          if (report.kind === 'complaint') {
            // a complaint stops all mail at once, whatever the status was
            status = 'complained';
            data.unsubscribed_at = stamp;
          } else if (report.kind === 'hard') {
            if (mailable) status = 'bounced';
            data.bounce_count = Number(subscriber.bounce_count ?? 0) + 1;
          } else {
            const since = now - rules.softBouncePeriodDays * 86_400_000;
            const soft = (await trx(table(MAILBOX_MESSAGE))
              .where({ subscriber_id: target.subscriberId, kind: 'soft', outcome: 'applied' })
              .andWhere('processed_at', '>=', since)
              .count({ n: '*' })
              .first()) as { n: number | string };
            if (mailable && Number(soft.n) >= rules.softBounceLimit) {
              status = 'bounced';
              event.softBounces = Number(soft.n);
            }
          }
          let history = appendHistory(parseHistory(subscriber.history), event);
          if (report.kind === 'soft' && status === 'bounced') {
            history = appendHistory(history, {
              at: stamp.toISOString(),
              event: 'bounced',
              source: 'mailbox',
              reason: `${event.softBounces} vorübergehende Unzustellbarkeiten in ${rules.softBouncePeriodDays} Tagen`,
            });
          }
          await trx(table(SUBSCRIBER))
            .where('id', target.subscriberId)
            .update({ ...data, status, history: JSON.stringify(history), updated_at: stamp });
          return {
            outcome,
            subscriberId: target.subscriberId,
            ...(status !== subscriber.status ? { status } : {}),
          };
        });
      } catch (error) {
        if (isDuplicateError(error)) return { outcome: 'duplicate', subscriberId: null };
        throw error;
      }
    },

    /** Figures of the mailbox for editors: messages per outcome and kind. */
    async figures() {
      const rows = (await knex()(table(MAILBOX_MESSAGE))
        .select('outcome', 'kind')
        .count({ n: '*' })
        .groupBy('outcome', 'kind')) as { outcome: string; kind: string; n: number | string }[];
      const byOutcome: Record<string, number> = {};
      const byKind: Record<string, number> = {};
      for (const row of rows) {
        byOutcome[row.outcome] = (byOutcome[row.outcome] ?? 0) + Number(row.n);
        byKind[row.kind] = (byKind[row.kind] ?? 0) + Number(row.n);
      }
      return { byOutcome, byKind };
    },
  };
};

export type MailboxStore = ReturnType<typeof createMailboxStore>;
