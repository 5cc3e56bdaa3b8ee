import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::field-of-action.field-of-action');
