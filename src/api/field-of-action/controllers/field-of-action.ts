import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::field-of-action.field-of-action');
