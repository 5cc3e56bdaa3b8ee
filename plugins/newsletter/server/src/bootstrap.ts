import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  const newsletter = strapi.plugin('newsletter');
  const outbox = newsletter.service('outbox');
  outbox.start();
  // Mails queued before a restart go out now rather than at the next poll.
  outbox.kick();
  // The scheduler (if enabled) starts due issues and resumes interrupted sends every minute;
  // resume at once after a restart too.
  newsletter.service('scheduler').start();
  if (
    (strapi.config.get('plugin::newsletter') as { scheduler: { enabled: boolean } }).scheduler
      .enabled
  ) {
    void newsletter.service('scheduler').tick();
  }
};
