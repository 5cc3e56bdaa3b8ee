/**
 * Data minimisation of the newsletter, once a day (one instance at a time, by a job lease):
 *
 * - sign-ups never confirmed are deleted after `retention.pendingDays`;
 * - addresses that unsubscribed, bounced or complained are deleted after
 *   `retention.leftMonths`, leaving only the keyed hash of the address (the suppression list,
 *   as after an erasure), so an import cannot add them again without new consent;
 * - delivery rows, mailbox records and finished single mails are deleted after
 *   `retention.deliveryMonths`; the issues keep their figures in their own counters.
 *
 * `run(now)` takes the time to judge by, so tests can move the clock.
 */
import os from 'os';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import type { NewsletterConfig } from '../config';
import { createJobLease } from '../jobs/lease';
import { createRetentionStore } from '../jobs/retention-store';
import { getService } from '../utils/get-service';

export const RETENTION_JOB = 'retention';

export interface RetentionResult {
  state: 'done' | 'busy' | 'off' | 'error';
  pendingDeleted: number;
  leftSuppressed: number;
  deliveriesDeleted: number;
  error?: string;
}

const DAY_MS = 86_400_000;
const monthsBefore = (now: Date, months: number) => {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const lease = createJobLease(strapi);
  const store = createRetentionStore(strapi);
  const me = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  let task: ScheduledTask | null = null;

  return {
    start() {
      const { retention, scheduler } = config();
      if (!retention.enabled || task) return;
      task = cron.schedule(retention.cron, () => void this.run(), {
        timezone: scheduler.timezone,
        name: 'newsletter-retention',
        noOverlap: true,
      });
    },

    async stop() {
      await task?.destroy();
      task = null;
    },

    async run(now = new Date()): Promise<RetentionResult> {
      const { retention } = config();
      const result: RetentionResult = {
        state: 'done',
        pendingDeleted: 0,
        leftSuppressed: 0,
        deliveriesDeleted: 0,
      };
      if (!retention.enabled) return { ...result, state: 'off' };
      if (!(await lease.acquire(RETENTION_JOB, me, 600))) return { ...result, state: 'busy' };
      try {
        const tokens = getService(strapi, 'tokens');
        const pendingBefore = new Date(now.getTime() - retention.pendingDays * DAY_MS);
        for (;;) {
          const batch = await store.pendingBefore(pendingBefore);
          if (batch.length === 0) break;
          result.pendingDeleted += await store.remove(batch, null, now);
          await lease.renew(RETENTION_JOB, me, 600);
        }
        const leftBefore = monthsBefore(now, retention.leftMonths);
        for (;;) {
          const batch = await store.leftBefore(leftBefore);
          if (batch.length === 0) break;
          result.leftSuppressed += await store.remove(
            batch,
            (subscriber) => ({
              addressHash: tokens.addressHash(subscriber.email),
              reason: subscriber.status,
            }),
            now
          );
          await lease.renew(RETENTION_JOB, me, 600);
        }
        const deliveriesBefore = monthsBefore(now, retention.deliveryMonths);
        result.deliveriesDeleted = await store.deleteDeliveriesBefore(
          deliveriesBefore.getTime(),
          deliveriesBefore
        );
      } catch (error) {
        result.state = 'error';
        result.error = error instanceof Error ? error.message : String(error);
        strapi.log.error(`[newsletter] retention: ${result.error}`);
      }
      await lease.release(RETENTION_JOB, me, result).catch(() => undefined);
      if (result.pendingDeleted + result.leftSuppressed + result.deliveriesDeleted > 0) {
        strapi.log.info(`[newsletter] retention: ${JSON.stringify(result)}`);
      }
      return result;
    },
  };
};
