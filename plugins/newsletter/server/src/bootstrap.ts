import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  // A subscriber deleted elsewhere (e.g. in the Content Manager) takes its links along: their
  // consent has no subject any more.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::newsletter.subscriber'],
    async afterDelete(event) {
      const id = (event.result as { id?: number } | undefined)?.id;
      if (typeof id === 'number') {
        await strapi.db
          .query('plugin::newsletter.link')
          .deleteMany({ where: { subscriberId: id } });
      }
    },
  });
  const outbox = getService(strapi, 'outbox');
  outbox.start();
  // Mails queued before a restart go out now rather than at the next poll.
  outbox.kick();
  // The scheduler (if enabled) starts due issues and resumes interrupted sends every minute;
  // resume at once after a restart too.
  getService(strapi, 'scheduler').start();
  // Reads the bounce mailbox on its schedule (when one is configured).
  getService(strapi, 'bounces').start();
  // Deletes what is no longer needed, daily (one instance at a time).
  getService(strapi, 'retention').start();
  if (
    (strapi.config.get('plugin::newsletter') as { scheduler: { enabled: boolean } }).scheduler
      .enabled
  ) {
    void getService(strapi, 'scheduler').tick();
  }
};
