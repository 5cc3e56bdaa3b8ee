import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::employer-tip.employer-tip');
