import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::field-of-action.field-of-action');
