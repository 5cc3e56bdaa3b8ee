import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::practice-example.practice-example');
