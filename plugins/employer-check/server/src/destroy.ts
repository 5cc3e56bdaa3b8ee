import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('employer-check').service('retention').stop();
  await strapi.plugin('employer-check').service('reminders').stop();
};
