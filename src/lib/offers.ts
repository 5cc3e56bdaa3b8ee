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

/**
 * The calendar day (YYYY-MM-DD) of a date value as Strapi stores it for a `date` field: the
 * leading date of an ISO string, a `Date` by its local calendar day; anything else is no date.
 */
export const calendarDay = (value: unknown): string | null => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
};

/**
 * The last calendar day on which an offer is current (`isCurrentOffer`), or null when no date
 * ends it: the earlier of `validUntil` and, for events, `endDate` (or without one `startDate`).
 * Stored as the private field `visibleUntil` (document middleware on every write, backfilled at
 * bootstrap), so that "current" is one column comparison:
 * `isCurrentOffer(offer, today)` ⇔ `visibleUntil === null || visibleUntil >= today`.
 */
export const offerVisibleUntil = (offer: {
  offerType?: unknown;
  validUntil?: unknown;
  startDate?: unknown;
  endDate?: unknown;
}): string | null => {
  const validUntil = calendarDay(offer.validUntil);
  const eventEnd =
    offer.offerType === EVENT_TYPE
      ? (calendarDay(offer.endDate) ?? calendarDay(offer.startDate))
      : null;
  if (validUntil && eventEnd) return validUntil < eventEnd ? validUntil : eventEnd;
  return validUntil ?? eventEnd;
};

/**
 * The same rule as a Strapi filter (query engine / Document Service; not REST `filters`, the
 * field is private): one comparison on the stored `visibleUntil` instead of the nested rule over
 * validUntil, offerType, endDate and startDate.
 */
export const currentOfferFilter = (today: string) => ({
  $or: [{ visibleUntil: { $null: true } }, { visibleUntil: { $gte: today } }],
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
