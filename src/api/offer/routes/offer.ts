import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-routes';

export default factories.createCoreRouter('api::offer.offer', {
  config: publicReadRoutes('api::offer.offer', { draftAndPublish: true }),
});
