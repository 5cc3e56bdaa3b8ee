/**
 * Sending an issue, durably.
 *
 * - Start: the issue moves draft|scheduled → sending by compare-and-set (once, whoever asks).
 * - Prepare (idempotent, any instance): the rendering is compiled once and frozen into the issue
 *   (conditional write: the first one wins); the audience is snapshotted into one delivery row per
 *   (issue, subscriber) by a single INSERT … SELECT in the transaction that sets `audienceAt`,
 *   so it happens exactly once and later subscribers wait for the next issue.
 * - Personalise (idempotent, any instance, only with a personalised section): for the deliveries
 *   of subscribers with an active link, the section's items are chosen once (lib/personal) and
 *   stored in the delivery rows, one UPDATE per batch; sending only picks among the pre-rendered blocks, and
 *   a message sent again after a crash is the same message.
 * - Send: batches of deliveries are claimed by one atomic UPDATE … RETURNING (on PostgreSQL with
 *   FOR UPDATE SKIP LOCKED) that sets a lease; expired leases (a dead instance) are taken over.
 *   Each message goes through the pooled transport; "sent" is written right after the server
 *   accepted it, in small batches (`flushSize` / `flushIntervalMs`), and every write names the
 *   lease owner. So a crash can only repeat messages that were accepted but not yet written:
 *   at most `flushSize` + the messages in flight (≤ `batchSize`) per instance.
 * - Failures: 4xx → retried with back-off; 5xx → failed (5.1.x: the subscriber is marked
 *   bounced); SMTP unreachable → the loop waits and retries, and pauses the issue (with the
 *   reason) when it stays unreachable too long or too many messages fail in a row.
 */
import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { retryDelayMs } from '../lib/backoff';
import { chooseItems, latestProfiles, receivedItems } from '../lib/personal';
import { classifySmtpError } from '../lib/smtp-errors';
import { personalise, type FrozenRendering } from '../mail/issue';
import { ISSUE } from './composer';
import { LINK } from './links';

const SUBSCRIBER = 'plugin::newsletter.subscriber';
const DELIVERY = 'plugin::newsletter.delivery';
/** deliveries personalised per statement batch */
const PERSONALISE_BATCH = 500;

export interface ClaimedDelivery {
  id: number;
  subscriberId: number;
  subscriberDocumentId: string;
  email: string;
  name: string | null;
  topics: string[];
  attempts: number;
  /** the personalised section's items for this recipient (null: the editor's selection) */
  personalItems: string[] | null;
}

export interface IssueRow {
  id: number;
  documentId: string;
  subject: string;
  preheader: string | null;
  intro: unknown;
  items: { section: string; documentId: string }[] | null;
  status: string;
  rendering: FrozenRendering | null;
  audienceAt: string | null;
  personalisedAt: string | null;
  personalised: number | null;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recipients: number;
  sent: number;
  failed: number;
  skipped: number;
  lastError: string | null;
  pausedReason: string | null;
}

export interface DispatcherHooks {
  /** Test hook: called after the SMTP server accepted a message; throwing aborts the loop
   * abruptly (no flush, leases left as they are), as a killed process would. */
  afterAccepted?: (delivery: ClaimedDelivery) => void;
}

export const PAUSE_REASONS = {
  manual: 'Von einer Redakteurin oder einem Redakteur angehalten.',
  unreachable: (seconds: number, error: string) =>
    `Der Mailserver war ${Math.round(seconds / 60)} Minuten lang nicht erreichbar (${error}). Bitte prüfen Sie die SMTP-Einstellungen und setzen Sie den Versand fort.`,
  failures: (count: number, error: string) =>
    `${count} Nachrichten in Folge konnten nicht zugestellt werden (zuletzt: ${error}). Bitte prüfen Sie den Mailserver und setzen Sie den Versand fort.`,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const parseTopics = (value: unknown): string[] => {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.filter((topic) => typeof topic === 'string') : [];
};

/** A JSON list column as read by knex (a string on SQLite, parsed on PostgreSQL); null stays. */
const parseList = (value: unknown): string[] | null =>
  value === null || value === undefined ? null : parseTopics(value);

export const createDispatcher = (
  strapi: Core.Strapi,
  { owner, hooks = {} }: { owner?: string; hooks?: DispatcherHooks } = {}
) => {
  const me = owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const settings = () => config().dispatch;
  const knex = () => strapi.db.connection;
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const loops = new Map<number, Promise<void>>();
  let stopping = false;

  const issues = () => strapi.db.query(ISSUE);
  const loadIssue = async (id: number) =>
    (await issues().findOne({ where: { id } })) as IssueRow | null;

  /** Compare-and-set on the issue's status; true when this call made the change. */
  const transition = async (
    id: number,
    from: string[],
    to: string,
    data: Record<string, unknown> = {}
  ) => {
    const { count } = await issues().updateMany({
      where: { id, status: { $in: from } },
      data: { status: to, ...data },
    });
    return count === 1;
  };

  const freeze = async (issue: IssueRow) => {
    if (issue.rendering) return;
    const rendering = await strapi.plugin('newsletter').service('composer').render(issue);
    await issues().updateMany({
      where: { id: issue.id, rendering: { $null: true } },
      data: { rendering },
    });
  };

  const snapshotAudience = async (issueId: number) => {
    const deliveries = table(DELIVERY);
    const subscribers = table(SUBSCRIBER);
    await strapi.db.transaction(async ({ trx }) => {
      const { count } = await issues().updateMany({
        where: { id: issueId, audienceAt: { $null: true } },
        data: { audienceAt: new Date() },
      });
      if (count !== 1) return;
      await trx.raw(
        `INSERT INTO ?? (issue_id, subscriber_id, subscriber_document_id, email, name, topics, status, attempts)
         SELECT ?, id, document_id, email, name, topics, 'pending', 0 FROM ?? WHERE status = 'active'
         ON CONFLICT (issue_id, subscriber_id) DO NOTHING`,
        [deliveries, issueId, subscribers]
      );
      const [{ n }] = await trx(deliveries).where('issue_id', issueId).count({ n: '*' });
      await trx(table(ISSUE))
        .where('id', issueId)
        .update({ recipients: Number(n) });
    });
  };

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
        const wanting = batch.filter((row) => parseTopics(row.topics).includes(personal.topic));
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
              topics: parseTopics(entry.topics),
              personalItems: parseList(entry.personal_items),
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

  /** Freezes the rendering, fixes the audience and personalises it, if not done yet. Idempotent. */
  const prepare = async (issueId: number) => {
    let issue = await loadIssue(issueId);
    if (!issue) return null;
    if (!issue.rendering) {
      await freeze(issue);
      issue = await loadIssue(issueId);
    }
    if (issue && !issue.audienceAt) {
      await snapshotAudience(issueId);
      issue = await loadIssue(issueId);
    }
    if (issue && !issue.personalisedAt) {
      await personaliseAudience(issue);
      issue = await loadIssue(issueId);
    }
    return issue;
  };

  const claim = async (issueId: number, limit: number): Promise<ClaimedDelivery[]> => {
    const now = Date.now();
    const deliveries = table(DELIVERY);
    const result = await knex().raw(
      `UPDATE ?? SET status = 'sending', lease_owner = ?, lease_until = ?, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM ?? WHERE issue_id = ? AND (
           (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
           OR (status = 'sending' AND lease_until < ?))
         ORDER BY id LIMIT ?${isPostgres() ? ' FOR UPDATE SKIP LOCKED' : ''})
       RETURNING id, subscriber_id, subscriber_document_id, email, name, topics, attempts, personal_items`,
      [deliveries, me, now + settings().leaseSeconds * 1000, deliveries, issueId, now, now, limit]
    );
    const rows = (isPostgres() ? result.rows : result) as Record<string, unknown>[];
    return rows.map((row) => ({
      id: Number(row.id),
      subscriberId: Number(row.subscriber_id),
      subscriberDocumentId: String(row.subscriber_document_id),
      email: String(row.email),
      name: (row.name as string | null) ?? null,
      topics: parseTopics(row.topics),
      attempts: Number(row.attempts),
      personalItems: parseList(row.personal_items),
    }));
  };

  /** Writes a status for deliveries this instance holds the lease of. */
  const settle = async (ids: number[], data: Record<string, unknown>) => {
    if (ids.length === 0) return 0;
    return knex()(table(DELIVERY))
      .whereIn('id', ids)
      .andWhere({ lease_owner: me, status: 'sending' })
      .update({ lease_owner: null, lease_until: null, ...data });
  };

  const bumpCounters = async (
    issueId: number,
    counts: { sent: number; failed: number; skipped: number }
  ) => {
    if (counts.sent + counts.failed + counts.skipped === 0) return;
    await knex()(table(ISSUE)).where('id', issueId).increment(counts);
  };

  interface BatchResult {
    sent: number;
    failed: number;
    skipped: number;
    retried: number;
    unreachable: number;
    lastError: string | null;
  }

  const sendBatch = async (
    issue: IssueRow,
    frozen: FrozenRendering,
    batch: ClaimedDelivery[]
  ): Promise<BatchResult> => {
    const mailer = strapi.plugin('newsletter').service('mailer');
    const tokens = strapi.plugin('newsletter').service('tokens');
    const domain = config().sender.email.split('@')[1] ?? 'localhost';
    const result: BatchResult = {
      sent: 0,
      failed: 0,
      skipped: 0,
      retried: 0,
      unreachable: 0,
      lastError: null,
    };
    const accepted: number[] = [];
    let aborted: unknown = null;

    const flush = async () => {
      const ids = accepted.splice(0);
      await settle(ids, { status: 'sent', sent_at: Date.now(), last_error: null, smtp_code: null });
    };
    const flushTimer = setInterval(
      () => void flush().catch(() => undefined),
      settings().flushIntervalMs
    );
    const renewTimer = setInterval(
      () =>
        void knex()(table(DELIVERY))
          .whereIn(
            'id',
            batch.map((row) => row.id)
          )
          .andWhere({ lease_owner: me, status: 'sending' })
          .update({ lease_until: Date.now() + settings().leaseSeconds * 1000 })
          .catch(() => undefined),
      (settings().leaseSeconds * 1000) / 3
    );

    const skipped: number[] = [];
    const failures: { row: ClaimedDelivery; error: unknown }[] = [];
    try {
      await Promise.all(
        batch.map(async (row) => {
          const urls = tokens.manageUrls({
            documentId: row.subscriberDocumentId,
            email: row.email,
          });
          const mail = personalise(frozen, {
            topics: row.topics,
            name: row.name,
            items: row.personalItems,
            ...urls,
          });
          if (!mail) {
            skipped.push(row.id);
            return;
          }
          try {
            await mailer.send({
              to: row.email,
              subject: frozen.subject,
              html: mail.html,
              text: mail.text,
              messageId: `<${issue.documentId}.${row.subscriberId}@${domain}>`,
              headers: {
                'List-Unsubscribe': `<${urls.unsubscribeUrl}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                'X-Newsletter-Issue': issue.documentId,
                Precedence: 'bulk',
              },
            });
          } catch (error) {
            failures.push({ row, error });
            return;
          }
          if (aborted) return;
          try {
            hooks.afterAccepted?.(row);
          } catch (error) {
            aborted = error;
            return;
          }
          accepted.push(row.id);
          result.sent += 1;
          if (accepted.length >= settings().flushSize) await flush();
        })
      );
    } finally {
      clearInterval(flushTimer);
      clearInterval(renewTimer);
    }
    if (aborted) throw aborted;
    await flush();

    if (skipped.length) result.skipped = await settle(skipped, { status: 'skipped' });

    const now = Date.now();
    const bounced: number[] = [];
    for (const { row, error } of failures) {
      const { outcome, code } = classifySmtpError(error);
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      result.lastError = message;
      if (outcome === 'unreachable') {
        // Not the recipient's fault: back to pending without using up an attempt.
        result.unreachable += 1;
        await settle([row.id], {
          status: 'pending',
          attempts: row.attempts - 1,
          next_attempt_at: now,
          last_error: message,
        });
      } else if (outcome === 'retry' && row.attempts < settings().maxAttempts) {
        result.retried += 1;
        await settle([row.id], {
          status: 'pending',
          next_attempt_at:
            now + retryDelayMs(row.attempts, { baseMs: settings().retryBaseSeconds * 1000 }),
          smtp_code: code,
          last_error: message,
        });
      } else {
        result.failed += 1;
        if (outcome === 'bounce') bounced.push(row.subscriberId);
        await settle([row.id], { status: 'failed', smtp_code: code, last_error: message });
      }
    }
    if (bounced.length) {
      await knex()(table(SUBSCRIBER))
        .whereIn('id', bounced)
        .update({ status: 'bounced', bounce_count: knex().raw('COALESCE(bounce_count, 0) + 1') });
    }
    await bumpCounters(issue.id, {
      sent: result.sent,
      failed: result.failed,
      skipped: result.skipped,
    });
    return result;
  };

  const counts = async (issueId: number) => {
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
  };

  const finishIfDone = async (issueId: number) => {
    const current = await counts(issueId);
    if (current.pending > 0) return false;
    const { pending: _pending, ...totals } = current;
    await transition(issueId, ['sending'], 'sent', { ...totals, finishedAt: new Date() });
    return true;
  };

  /** Works one issue until it is sent, paused, cancelled, or this dispatcher stops. */
  const runLoop = async (issueId: number) => {
    let unreachableSince: number | null = null;
    let consecutiveFailures = 0;
    let backoffMs = 500;
    for (;;) {
      if (stopping) return;
      const issue = await prepare(issueId);
      if (!issue || issue.status !== 'sending' || !issue.rendering) return;
      const batch = await claim(issueId, settings().batchSize);
      if (batch.length === 0) {
        if (await finishIfDone(issueId)) return;
        // Rows wait for a retry or are leased by another instance: look again shortly.
        await sleep(Math.min(1000, backoffMs));
        continue;
      }
      const result = await sendBatch(issue, issue.rendering, batch);
      if (result.lastError) {
        await issues().updateMany({
          where: { id: issueId },
          data: { lastError: result.lastError },
        });
      }

      if (result.sent > 0) {
        consecutiveFailures = 0;
        unreachableSince = null;
        backoffMs = 500;
      } else {
        consecutiveFailures += result.failed + result.retried + result.unreachable;
      }
      if (result.unreachable > 0 && result.sent === 0) {
        unreachableSince ??= Date.now();
        const seconds = (Date.now() - unreachableSince) / 1000;
        if (seconds >= settings().unreachablePauseSeconds) {
          await transition(issueId, ['sending'], 'paused', {
            pausedReason: PAUSE_REASONS.unreachable(seconds, result.lastError ?? ''),
          });
          return;
        }
        strapi.plugin('newsletter').service('mailer').reset();
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 15_000);
        continue;
      }
      if (consecutiveFailures >= settings().maxConsecutiveFailures) {
        await transition(issueId, ['sending'], 'paused', {
          pausedReason: PAUSE_REASONS.failures(consecutiveFailures, result.lastError ?? ''),
        });
        return;
      }
    }
  };

  const kick = (issueId: number): Promise<void> => {
    const running = loops.get(issueId);
    if (running) return running;
    const loop = runLoop(issueId)
      .catch(async (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        strapi.log.error(`[newsletter] issue ${issueId}: ${message}`);
        await issues()
          .updateMany({ where: { id: issueId }, data: { lastError: message.slice(0, 2000) } })
          .catch(() => undefined);
        throw error;
      })
      .finally(() => loops.delete(issueId));
    loops.set(issueId, loop);
    loop.catch(() => undefined);
    return loop;
  };

  return {
    owner: me,
    counts,
    prepare,
    claim,
    runLoop,
    kick,

    /** Send now: draft|scheduled → sending; the work starts in the background at once. */
    async start(issueId: number) {
      const started = await transition(issueId, ['draft', 'scheduled'], 'sending', {
        startedAt: new Date(),
        pausedReason: null,
        lastError: null,
      });
      if (started) void kick(issueId).catch(() => undefined);
      return started;
    },

    async pause(issueId: number, reason = PAUSE_REASONS.manual) {
      return transition(issueId, ['sending'], 'paused', { pausedReason: reason });
    },

    async resume(issueId: number) {
      const resumed = await transition(issueId, ['paused'], 'sending', { pausedReason: null });
      if (resumed) void kick(issueId).catch(() => undefined);
      return resumed;
    },

    async cancel(issueId: number) {
      return transition(issueId, ['draft', 'scheduled', 'paused', 'sending'], 'cancelled', {
        finishedAt: new Date(),
      });
    },

    /** Starts scheduled issues whose time has come. */
    async startDue(now = new Date()) {
      const due = (await issues().findMany({
        where: { status: 'scheduled', scheduledAt: { $lte: now } },
        select: ['id'],
      })) as { id: number }[];
      for (const { id } of due) await this.start(id);
      return due.length;
    },

    /** Picks up every issue in "sending" (after a restart, or to help another instance). */
    async resumeAll() {
      const sending = (await issues().findMany({
        where: { status: 'sending' },
        select: ['id'],
      })) as { id: number }[];
      for (const { id } of sending) void kick(id).catch(() => undefined);
      return sending.length;
    },

    /** Waits for the running loops (e.g. in tests). */
    async idle() {
      await Promise.allSettled([...loops.values()]);
    },

    async stop() {
      stopping = true;
      await Promise.allSettled([...loops.values()]);
    },
  };
};

export type Dispatcher = ReturnType<typeof createDispatcher>;

export default ({ strapi }: { strapi: Core.Strapi }) => createDispatcher(strapi);
