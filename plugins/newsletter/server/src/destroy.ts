import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'scheduler').stop();
  await getService(strapi, 'bounces').stop();
  await getService(strapi, 'retention').stop();
  await getService(strapi, 'dispatcher').stop();
  await getService(strapi, 'outbox').stop();
  getService(strapi, 'mailer').reset();
};
