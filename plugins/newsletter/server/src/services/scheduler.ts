/**
 * node-cron in the office's time zone: a tick (every minute) that starts due issues and resumes
 * interrupted sends, and the automatic digest. Every instance runs these timers; the database
 * decides who acts (compare-and-set on issue status, a unique key per digest).
 */
import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import type { NewsletterConfig } from '../config';
import { localDayKey } from '../lib/schedule';
import { ISSUE } from './composer';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const tasks: ScheduledTask[] = [];

  return {
    start() {
      const { scheduler, digest } = config();
      if (!scheduler.enabled || tasks.length > 0) return;
      tasks.push(
        cron.schedule(scheduler.tickCron, () => this.tick(), {
          timezone: scheduler.timezone,
          name: 'newsletter-tick',
          noOverlap: true,
        })
      );
      if (digest.enabled) {
        tasks.push(
          cron.schedule(digest.cron, () => this.createDigest(), {
            timezone: scheduler.timezone,
            name: 'newsletter-digest',
            noOverlap: true,
          })
        );
      }
    },

    async stop() {
      for (const task of tasks.splice(0)) await task.destroy();
    },

    /** One tick: start what is due, resume what was interrupted. */
    async tick(now = new Date()) {
      try {
        const dispatcher = getService(strapi, 'dispatcher');
        const started = await dispatcher.startDue(now);
        const resumed = await dispatcher.resumeAll();
        return { started, resumed };
      } catch (error) {
        strapi.log.error(`[newsletter] tick: ${error instanceof Error ? error.message : error}`);
        return { started: 0, resumed: 0 };
      }
    },

    /** The next runs of the digest, e.g. to show editors when the next draft comes. */
    nextDigestRuns(count = 3): Date[] {
      const { scheduler, digest } = config();
      const task = cron.createTask(digest.cron, () => undefined, { timezone: scheduler.timezone });
      const runs = task.getNextRuns(count);
      void task.destroy();
      return runs;
    },

    /**
     * Creates the automatic draft with what was published since the last sent issue; scheduled
     * at once only with `digest.autoSend`. One per local day, whichever instance comes first.
     */
    async createDigest(now = new Date()) {
      const { digest, scheduler } = config();
      const composer = getService(strapi, 'composer');
      const items = await composer.propose({ now });
      if (items.length === 0) {
        strapi.log.info('[newsletter] digest: nothing new since the last issue, no draft created');
        return null;
      }
      const digestKey = `digest-${localDayKey(now, scheduler.timezone)}`;
      try {
        const issue = await strapi.documents(ISSUE as never).create({
          data: {
            subject: digest.subject,
            items,
            digestKey,
            status: digest.autoSend ? 'scheduled' : 'draft',
            scheduledAt: digest.autoSend ? now : null,
          },
        } as never);
        strapi.log.info(
          `[newsletter] digest ${digestKey}: ${items.length} items, ${digest.autoSend ? 'scheduled' : 'draft for editors'}`
        );
        return issue;
      } catch (error) {
        const existing = await strapi.db.query(ISSUE).findOne({ where: { digestKey } });
        if (existing) return null; // another instance created it
        throw error;
      }
    },
  };
};
