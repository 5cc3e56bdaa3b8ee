import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::practice-example.practice-example');
