import { factories } from '@strapi/strapi';

const publishedOnly = { policies: ['global::published-only'] };

export default factories.createCoreRouter('api::practice-example.practice-example', {
  config: { find: publishedOnly, findOne: publishedOnly },
});
