import { factories } from '@strapi/strapi';

const publishedOnly = { policies: ['global::published-only'] };

export default factories.createCoreRouter('api::offer.offer', {
  config: { find: publishedOnly, findOne: publishedOnly },
});
