/**
 * Data minimisation: completed submissions are deleted after `completedMonths`, drafts that were
 * not completed after `draftDays`. A daily node-cron job; several instances may run it (deleting
 * twice is harmless).
 */
import type { Core } from '@strapi/strapi';
import cron, { type ScheduledTask } from 'node-cron';
import type { EmployerCheckConfig } from '../config';
import { deleteDependents, notifyDeleted, SUBMISSION } from './submissions';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::employer-check') as EmployerCheckConfig;
  let task: ScheduledTask | undefined;

  return {
    async purge(now = new Date()) {
      const { completedMonths, draftDays } = config().retention;
      const completedBefore = new Date(now);
      completedBefore.setUTCMonth(completedBefore.getUTCMonth() - completedMonths);
      const draftBefore = new Date(now.getTime() - draftDays * 86_400_000);
      // Completed checks are deleted in batches whose keys the app hears of (links to them go).
      let completed = 0;
      for (;;) {
        const expired = (await strapi.db.query(SUBMISSION).findMany({
          where: { status: 'complete', completedAt: { $lt: completedBefore } },
          select: ['id', 'documentId'],
          limit: 500,
        })) as { id: number; documentId: string }[];
        if (expired.length === 0) break;
        await deleteDependents(
          strapi,
          expired.map((row) => row.documentId)
        );
        const { count } = await strapi.db
          .query(SUBMISSION)
          .deleteMany({ where: { id: { $in: expired.map((row) => row.id) } } });
        completed += count;
        await notifyDeleted(
          strapi,
          expired.map((row) => row.documentId)
        );
      }
      const drafts = await strapi.db
        .query(SUBMISSION)
        .deleteMany({ where: { status: 'draft', updatedAt: { $lt: draftBefore } } });
      return { completed, drafts: drafts.count };
    },

    start() {
      const { retention } = config();
      if (!retention.enabled || task) return;
      task = cron.schedule(
        retention.cron,
        async () => {
          const result = await this.purge();
          strapi.log.info(
            `[employer-check] retention: ${result.completed} completed and ${result.drafts} draft submissions deleted`
          );
        },
        { timezone: retention.timezone, name: 'employer-check-retention', noOverlap: true }
      );
    },

    async stop() {
      await task?.destroy();
      task = undefined;
    },
  };
};
