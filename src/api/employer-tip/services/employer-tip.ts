import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::employer-tip.employer-tip');
