import { factories } from '@strapi/strapi';
import { publicReadRoutes } from '../../../lib/public-routes';

export default factories.createCoreRouter('api::practice-example.practice-example', {
  config: publicReadRoutes('api::practice-example.practice-example', { draftAndPublish: true }),
});
