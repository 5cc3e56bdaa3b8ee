/**
 * Which offers are current: the rule the public offer list and the newsletter share.
 *
 * An offer is current unless its `validUntil` date has passed, or it is an event
 * (`veranstaltung`) whose end date (or, without an end date, start date) has passed.
 * "Passed" means strictly before today; an offer valid until today is still shown today.
 */

export const EVENT_TYPE = 'veranstaltung';
const DATE_FIELDS = ['validUntil', 'endDate', 'startDate'] as const;

export interface OfferDates {
  offerType?: string | null;
  validUntil?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export const isCurrentOffer = (offer: OfferDates, today: string): boolean => {
  if (offer.validUntil && offer.validUntil < today) return false;
  if (offer.offerType === EVENT_TYPE) {
    const last = offer.endDate ?? offer.startDate;
    if (last && last < today) return false;
  }
  return true;
};

/** The same rule as a Strapi filter (query engine / Document Service / REST `filters`). */
export const currentOfferFilter = (today: string) => ({
  $and: [
    { $or: [{ validUntil: { $null: true } }, { validUntil: { $gte: today } }] },
    {
      $or: [
        { offerType: { $ne: EVENT_TYPE } },
        { endDate: { $gte: today } },
        {
          $and: [
            { endDate: { $null: true } },
            { $or: [{ startDate: { $null: true } }, { startDate: { $gte: today } }] },
          ],
        },
      ],
    },
  ],
});

/** True when a client's `filters` already name one of the date fields: then they decide. */
export const filtersMentionDates = (filters: unknown): boolean => {
  if (Array.isArray(filters)) return filters.some(filtersMentionDates);
  if (filters && typeof filters === 'object') {
    return Object.entries(filters as Record<string, unknown>).some(
      ([key, value]) =>
        (DATE_FIELDS as readonly string[]).includes(key) || filtersMentionDates(value)
    );
  }
  return false;
};
