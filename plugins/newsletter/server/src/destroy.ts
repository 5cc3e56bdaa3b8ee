import type { Core } from '@strapi/strapi';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const newsletter = strapi.plugin('newsletter');
  await newsletter.service('scheduler').stop();
  await newsletter.service('dispatcher').stop();
  await newsletter.service('outbox').stop();
  newsletter.service('mailer').reset();
};
