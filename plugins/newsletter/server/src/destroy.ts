import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('newsletter').service('outbox').stop();
  strapi.plugin('newsletter').service('mailer').reset();
};
