import { factories } from '@strapi/strapi';

const publishedOnly = { policies: ['global::published-only'] };

export default factories.createCoreRouter('api::employer-tip.employer-tip', {
  config: { find: publishedOnly, findOne: publishedOnly },
});
