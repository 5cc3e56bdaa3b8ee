/**
 * Offers: the public list hides what is no longer current (expired offers, past events) unless
 * the client filters on the date fields itself.
 */
import { factories } from '@strapi/strapi';
import { isoDateIn } from '../../../lib/dates';
import { currentOfferFilter, filtersMentionDates } from '../../../lib/offers';

export default factories.createCoreController('api::offer.offer', () => ({
  async find(ctx) {
    const { filters } = ctx.query as { filters?: unknown };
    if (!filtersMentionDates(filters)) {
      const current = currentOfferFilter(isoDateIn());
      ctx.query = { ...ctx.query, filters: filters ? { $and: [filters, current] } : current };
    }
    return super.find(ctx);
  },
}));
