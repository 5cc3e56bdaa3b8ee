/**
 * Postbox for single mails (confirmation and welcome mails): a row per mail, sent right away when possible
 * and retried with back-off when SMTP fails, so a subscription is never lost and the API never
 * waits for a mail server. Several instances may run this: a row is claimed by a conditional
 * UPDATE (compare-and-set on status and attempts) that only one claimer can win, and a claim is
 * a lease that others may take over only after it expired. Lease times come from the database's
 * clock, the same for every instance.
 */
import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { retryDelayMs } from '../lib/backoff';
import { readDatabaseNow } from '../lib/db-clock';
import { renderConfirmation } from '../mail/confirmation';
import { renderWelcome } from '../mail/welcome';
import { getService } from '../utils/get-service';

const OUTBOX = 'plugin::newsletter.outbox-mail';
const SUBSCRIBER = 'plugin::newsletter.subscriber';

interface OutboxRow {
  id: number;
  kind: 'confirmation' | 'welcome';
  subscriberDocumentId: string;
  status: string;
  attempts: number;
  leaseUntil: string | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const rows = () => strapi.db.query(OUTBOX);
  const databaseNow = () => readDatabaseNow(strapi.db.connection, strapi.db.dialect.client);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;

  const finish = (row: OutboxRow, data: Record<string, unknown>) =>
    rows().updateMany({
      where: { id: row.id, status: 'sending', leaseOwner: owner },
      data: { leaseOwner: null, leaseUntil: null, ...data },
    });

  /** The welcome mail: only to a subscriber still active, and while the mail is switched on. */
  const deliverWelcome = async (
    row: OutboxRow,
    subscriber: {
      documentId: string;
      email: string;
      name: string | null;
      topics: string[] | null;
      status: string;
    } | null
  ) => {
    if (!subscriber || subscriber.status !== 'active' || !config().welcome.enabled) {
      await finish(row, { status: 'cancelled' });
      return;
    }
    const urls = getService(strapi, 'tokens').manageUrls(subscriber);
    const archive = getService(strapi, 'archive');
    const mail = await renderWelcome(config(), {
      name: subscriber.name,
      topics: subscriber.topics ?? [],
      archiveUrl: archive.enabled() ? archive.pageUrl() : null,
      ...urls,
    });
    const sent = await getService(strapi, 'mailer').send({
      to: subscriber.email,
      ...mail,
      headers: {
        'X-Newsletter-Mail': 'welcome',
        'List-Unsubscribe': `<${urls.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      returnPath: { kind: 'mail', id: row.id },
    });
    await finish(row, {
      status: 'sent',
      sentAt: new Date(),
      messageId: sent.messageId,
      lastError: null,
    });
  };

  const deliver = async (row: OutboxRow) => {
    const subscriber = await strapi.db
      .query(SUBSCRIBER)
      .findOne({ where: { documentId: row.subscriberDocumentId } });
    if (row.kind === 'welcome') {
      await deliverWelcome(row, subscriber);
      return;
    }
    // An active subscriber gets a confirmation only for a link it asked for.
    const pendingLinks: number = subscriber
      ? await getService(strapi, 'links').pendingCount(subscriber.id)
      : 0;
    const waiting =
      subscriber &&
      (['pending', 'unsubscribed'].includes(subscriber.status) ||
        (subscriber.status === 'active' && pendingLinks > 0));
    // Confirmed meanwhile, erased, or undeliverable: nothing to send any more.
    if (!waiting) {
      await finish(row, { status: 'cancelled' });
      return;
    }
    const tokens = getService(strapi, 'tokens');
    const personalisation = config().personalisation;
    const mail = await renderConfirmation(config(), {
      name: subscriber.name,
      topics: subscriber.topics ?? [],
      confirmUrl: tokens.confirmUrl(subscriber),
      link:
        pendingLinks > 0 && personalisation
          ? { label: personalisation.label, only: subscriber.status === 'active' }
          : undefined,
    });
    const sent = await getService(strapi, 'mailer').send({
      to: subscriber.email,
      ...mail,
      headers: { 'X-Newsletter-Mail': 'confirmation' },
      returnPath: { kind: 'mail', id: row.id },
    });
    await finish(row, {
      status: 'sent',
      sentAt: new Date(),
      messageId: sent.messageId,
      lastError: null,
    });
  };

  const claimAndSend = async (candidate: OutboxRow): Promise<boolean> => {
    const leaseFrom = await databaseNow();
    const { count } = await rows().updateMany({
      where: { id: candidate.id, status: candidate.status, attempts: candidate.attempts },
      data: {
        status: 'sending',
        attempts: candidate.attempts + 1,
        leaseOwner: owner,
        leaseUntil: new Date(leaseFrom + config().outbox.leaseSeconds * 1000),
      },
    });
    if (count !== 1) return false;
    const row = { ...candidate, status: 'sending', attempts: candidate.attempts + 1 };
    try {
      await deliver(row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = row.attempts >= config().outbox.maxAttempts;
      strapi.log.warn(
        `[newsletter] ${row.kind} mail ${row.id} failed (attempt ${row.attempts}${final ? ', giving up' : ''}): ${message}`
      );
      await finish(row, {
        status: final ? 'failed' : 'queued',
        lastError: message.slice(0, 2000),
        nextAttemptAt: new Date(
          Date.now() +
            retryDelayMs(row.attempts, { baseMs: config().outbox.retryBaseSeconds * 1000 })
        ),
      });
    }
    return true;
  };

  const runOnce = async (limit: number): Promise<number> => {
    // Due times are set by whichever process queued the mail (its clock); leases are on the
    // database's clock, so no instance takes over a live lease whatever its own clock says.
    const due = (await rows().findMany({
      where: {
        $or: [
          { status: 'queued', nextAttemptAt: { $lte: new Date() } },
          { status: 'sending', leaseUntil: { $lt: new Date(await databaseNow()) } },
        ],
      },
      orderBy: { id: 'asc' },
      limit,
    })) as OutboxRow[];
    let handled = 0;
    for (const candidate of due) {
      if (await claimAndSend(candidate)) handled += 1;
    }
    return handled;
  };

  return {
    owner,

    async enqueueConfirmation(subscriberDocumentId: string) {
      await rows().create({
        data: {
          kind: 'confirmation',
          subscriberDocumentId,
          status: 'queued',
          attempts: 0,
          nextAttemptAt: new Date(),
        },
      });
      this.kick();
    },

    /** Sends what is due now, in the background (the caller does not wait for SMTP). */
    kick() {
      setImmediate(() => {
        this.processDue().catch((error: unknown) =>
          strapi.log.error(`[newsletter] outbox: ${error instanceof Error ? error.message : error}`)
        );
      });
    },

    /** Sends due mails; one run at a time per process (a call during a run schedules another). */
    async processDue({ limit = 50 }: { limit?: number } = {}): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await runOnce(limit);
        } while (again);
        return total;
      })();
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },

    start() {
      if (timer) return;
      timer = setInterval(() => this.kick(), config().outbox.pollSeconds * 1000);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running.catch(() => undefined);
    },
  };
};
