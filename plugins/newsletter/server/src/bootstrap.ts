import type { Core } from '@strapi/strapi';
import { ACTION_DEFINITIONS } from './permissions';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTION_DEFINITIONS);
  const outbox = strapi.plugin('newsletter').service('outbox');
  outbox.start();
  // Mails queued before a restart go out now rather than at the next poll.
  outbox.kick();
};
