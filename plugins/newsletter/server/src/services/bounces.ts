/**
 * The bounce mailbox: delivery status notifications, feedback reports (complaints) and
 * auto-replies that come back to the VERP return path, read over IMAP on a schedule.
 *
 * Every instance runs the timer; a job lease in the database lets one instance at a time read the
 * mailbox. Each message is classified (lib/bounce), recorded and applied in one transaction
 * (mailbox/store.ts: the unique message key makes the effect happen once, also with two pollers
 * or after a crash), and only then marked on the server (mailbox/imap.ts).
 */
import os from 'os';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import type { NewsletterConfig } from '../config';
import { classifyMessage } from '../lib/bounce';
import { createJobLease } from '../jobs/lease';
import { runMailboxPass, type PassResult } from '../mailbox/imap';
import { createMailboxStore } from '../mailbox/store';

export const BOUNCE_JOB = 'bounce-mailbox';

export interface PollResult {
  /** off: no mailbox configured; busy: another instance holds the lease */
  state: 'done' | 'off' | 'busy' | 'error';
  pass?: PassResult;
  outcomes: { applied: number; ignored: number; unmatched: number; duplicate: number };
  /** subscribers whose status changed, by new status */
  statusChanges: Record<string, number>;
  error?: string;
  at: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const lease = createJobLease(strapi);
  const store = createMailboxStore(strapi);
  const me = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  let task: ScheduledTask | null = null;
  let running: Promise<PollResult> | null = null;

  const returnPathParts = () => {
    const address = config().returnPath?.address ?? config().sender.email;
    const at = address.lastIndexOf('@');
    return { local: address.slice(0, at), domain: address.slice(at + 1) };
  };

  /** Classifies one message and records and applies it (once per key, see mailbox/store.ts). */
  const processMessage = async (key: string, source: Buffer) => {
    const settings = config().bounces;
    const report = await classifyMessage(source, returnPathParts());
    return store.apply(key, report, {
      secret: config().secret,
      softBounceLimit: settings.softBounceLimit,
      softBouncePeriodDays: settings.softBouncePeriodDays,
    });
  };

  const pollWith = async (owner: string): Promise<PollResult> => {
    const settings = config().bounces;
    const outcomes = { applied: 0, ignored: 0, unmatched: 0, duplicate: 0 };
    const statusChanges: Record<string, number> = {};
    const at = new Date().toISOString();
    if (!settings.imap) return { state: 'off', outcomes, statusChanges, at };
    const leaseSeconds = settings.leaseSeconds;
    if (!(await lease.acquire(BOUNCE_JOB, owner, leaseSeconds))) {
      return { state: 'busy', outcomes, statusChanges, at };
    }
    let renewedAt = Date.now();
    let result: PollResult;
    try {
      const pass = await runMailboxPass(
        settings.imap,
        {
          recorded: (keys) => store.recorded(keys),
          proceed: async () => {
            if (Date.now() - renewedAt < (leaseSeconds * 1000) / 3) return true;
            renewedAt = Date.now();
            return lease.renew(BOUNCE_JOB, owner, leaseSeconds).catch(() => false);
          },
          handle: async (key, source) => {
            const applied = await processMessage(key, source);
            outcomes[applied.outcome] += 1;
            if (applied.status) {
              statusChanges[applied.status] = (statusChanges[applied.status] ?? 0) + 1;
            }
            return { flagForPerson: applied.outcome === 'unmatched' };
          },
        },
        { limit: settings.messagesPerPoll }
      );
      result = { state: 'done', pass, outcomes, statusChanges, at };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      strapi.log.error(`[newsletter] bounce mailbox: ${message}`);
      result = { state: 'error', outcomes, statusChanges, error: message.slice(0, 500), at };
    }
    await lease.release(BOUNCE_JOB, owner, result).catch(() => undefined);
    if (result.state === 'done' && (result.pass?.handled ?? 0) > 0) {
      strapi.log.info(
        `[newsletter] bounce mailbox: ${result.pass!.handled} messages, ${JSON.stringify(outcomes)}`
      );
    }
    return result;
  };

  return {
    start() {
      const settings = config().bounces;
      if (!settings.imap || task) return;
      task = cron.schedule(settings.pollCron, () => void this.poll(), {
        timezone: config().scheduler.timezone,
        name: 'newsletter-bounces',
        noOverlap: true,
      });
    },

    async stop() {
      await task?.destroy();
      task = null;
      await running?.catch(() => undefined);
    },

    /**
     * One poll of the mailbox (the timer's, or an editor's "read now"). `owner` names the lease
     * holder; tests pass their own to act as a second instance.
     */
    async poll({ owner = me }: { owner?: string } = {}): Promise<PollResult> {
      if (owner !== me) return pollWith(owner);
      running ??= pollWith(owner).finally(() => {
        running = null;
      });
      return running;
    },

    processMessage,

    /** What editors see: configured or not, the last poll, the messages by outcome and kind. */
    async status() {
      const settings = config().bounces;
      const state = await lease.state(BOUNCE_JOB);
      return {
        configured: Boolean(settings.imap),
        mailbox: settings.imap
          ? `${settings.imap.user}@${settings.imap.host}/${settings.imap.folder}`
          : null,
        lastPollAt: state?.lastRunAt ? new Date(state.lastRunAt).toISOString() : null,
        lastResult: (state?.lastResult as PollResult | null) ?? null,
        running: Boolean(state?.leaseUntil && state.leaseUntil > state.now),
        ...(await store.figures()),
      };
    },
  };
};
