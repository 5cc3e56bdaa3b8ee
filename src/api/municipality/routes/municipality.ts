import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-routes';

export default factories.createCoreRouter('api::municipality.municipality', {
  config: publicReadRoutes('api::municipality.municipality', { draftAndPublish: false }),
});
