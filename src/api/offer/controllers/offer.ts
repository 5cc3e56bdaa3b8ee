/**
 * Offers: the public list hides what is no longer current (expired offers, past events) unless
 * the client filters on the date fields itself.
 *
 * The current-offer rule is server code, not client input: it is added after Strapi has
 * validated and sanitized the client's query (the same steps as the core `find`), so its
 * nested filter does not go through validation on every request.
 */
import { factories } from '@strapi/strapi';
import { isoDateIn } from '../../../lib/dates';
import { currentOfferFilter, filtersMentionDates } from '../../../lib/offers';

const UID = 'api::offer.offer';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    await this.validateQuery!(ctx);
    const query = (await this.sanitizeQuery!(ctx)) as { filters?: unknown };
    if (!filtersMentionDates((ctx.query as { filters?: unknown }).filters)) {
      const current = currentOfferFilter(isoDateIn());
      query.filters = query.filters ? { $and: [query.filters, current] } : current;
    }
    const { results, pagination } = await strapi.service(UID)!.find!(query as never);
    const sanitized = await this.sanitizeOutput!(results, ctx);
    return this.transformResponse!(sanitized, { pagination });
  },
}));
