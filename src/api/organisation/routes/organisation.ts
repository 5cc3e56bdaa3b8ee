import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-routes';

export default factories.createCoreRouter('api::organisation.organisation', {
  config: publicReadRoutes('api::organisation.organisation', { draftAndPublish: false }),
});
