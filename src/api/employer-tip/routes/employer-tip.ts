import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-routes';

export default factories.createCoreRouter('api::employer-tip.employer-tip', {
  config: publicReadRoutes('api::employer-tip.employer-tip', { draftAndPublish: true }),
});
