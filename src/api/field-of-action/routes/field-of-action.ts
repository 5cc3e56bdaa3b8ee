import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-routes';

export default factories.createCoreRouter('api::field-of-action.field-of-action', {
  config: publicReadRoutes('api::field-of-action.field-of-action', { draftAndPublish: false }),
});
