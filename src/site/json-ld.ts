/**
 * schema.org structured data for the public item pages, as search engines read it:
 * `JobPosting` for apprenticeships, internships, dual study and holiday jobs (the properties
 * Google's job-posting guidelines require: title, description, datePosted, hiringOrganization,
 * jobLocation with a postal address; plus validThrough and employmentType), `Event` for events
 * (name, startDate, endDate, location).
 *
 * Typed with schema-dts (generated from the schema.org vocabulary), so a property that schema.org
 * does not define for the type fails the type check. An offer that lacks what a search engine
 * requires (no provider, no postal code, no date) gets no structured data rather than invalid
 * data; so does an offer that is no longer current (the page says so instead).
 */
import type {
  Event,
  JobPosting,
  Organization,
  Place,
  PostalAddress,
  WithContext,
} from 'schema-dts';

type Doc = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const obj = (value: unknown): Doc => (value && typeof value === 'object' ? (value as Doc) : {});

/** Offer types published as job postings, with their schema.org employment type. */
export const JOB_POSTING_TYPES: Record<string, string[]> = {
  ausbildungsplatz: ['FULL_TIME'],
  'duales-studium': ['FULL_TIME'],
  praktikum: ['INTERN'],
  ferienjob: ['TEMPORARY', 'PART_TIME'],
};
export const EVENT_OFFER_TYPE = 'veranstaltung';

export interface OfferLdInput {
  /** the offer with organisation (name, website, address), municipality (name), location */
  offer: Doc;
  /** absolute URL of the offer's page */
  url: string;
  /** the offer as HTML-free text (summary and description), for `description` */
  description: string;
}

/** A postal address from the offer's own location, else its provider's address. */
const postalAddress = (offer: Doc): PostalAddress | null => {
  const candidates = [obj(offer.location), obj(obj(offer.organisation).address)];
  const address = candidates.find((candidate) => str(candidate.postalCode));
  if (!address) return null;
  const locality = str(address.city) || str(obj(offer.municipality).name);
  return {
    '@type': 'PostalAddress',
    ...(str(address.street) ? { streetAddress: str(address.street) } : {}),
    postalCode: str(address.postalCode),
    ...(locality ? { addressLocality: locality } : {}),
    addressCountry: 'DE',
  };
};

const organisation = (offer: Doc): Organization | null => {
  const org = obj(offer.organisation);
  if (!str(org.name)) return null;
  return {
    '@type': 'Organization',
    name: str(org.name),
    ...(/^https?:\/\//.test(str(org.website)) ? { sameAs: str(org.website) } : {}),
  };
};

const isoDate = (value: unknown): string | null => {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(str(value));
  return match ? match[0] : null;
};

export const jobPostingLd = ({
  offer,
  url,
  description,
}: OfferLdInput): WithContext<JobPosting> | null => {
  const employmentType = JOB_POSTING_TYPES[str(offer.offerType)];
  const hiringOrganization = organisation(offer);
  const address = postalAddress(offer);
  const datePosted = isoDate(offer.publishedAt) ?? isoDate(offer.createdAt);
  if (!employmentType || !hiringOrganization || !address || !datePosted || !description) {
    return null;
  }
  const validThrough = isoDate(offer.validUntil) ?? isoDate(offer.applicationDeadline);
  const places = Number(offer.places);
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: str(offer.title),
    description,
    url,
    datePosted,
    ...(validThrough ? { validThrough } : {}),
    employmentType,
    hiringOrganization,
    jobLocation: { '@type': 'Place', address },
    ...(isoDate(offer.startDate) ? { jobStartDate: isoDate(offer.startDate) as string } : {}),
    ...(Number.isInteger(places) && places > 0 ? { totalJobOpenings: places } : {}),
    ...(str(offer.occupation) ? { occupationalCategory: str(offer.occupation) } : {}),
    ...(str(offer.applyUrl) ? { directApply: false } : {}),
  };
};

export const eventLd = ({ offer, url, description }: OfferLdInput): WithContext<Event> | null => {
  if (str(offer.offerType) !== EVENT_OFFER_TYPE) return null;
  const startDate = isoDate(offer.startDate);
  const address = postalAddress(offer);
  const placeName =
    str(obj(offer.location).city) ||
    str(obj(offer.municipality).name) ||
    str(obj(offer.organisation).name);
  if (!startDate || (!address && !placeName)) return null;
  const location: Place = {
    '@type': 'Place',
    ...(placeName ? { name: placeName } : {}),
    ...(address ? { address } : {}),
  };
  const organizer = organisation(offer);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: str(offer.title),
    ...(description ? { description } : {}),
    url,
    startDate,
    endDate: isoDate(offer.endDate) ?? startDate,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location,
    ...(organizer ? { organizer } : {}),
  };
};

/** The structured data of a current offer's page, or null. */
export const offerLd = (input: OfferLdInput) => jobPostingLd(input) ?? eventLd(input);

/** JSON for a `<script type="application/ld+json">` element: `<` escaped so it cannot end it. */
export const ldScriptContent = (data: object): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
