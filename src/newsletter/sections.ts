/**
 * The newsletter's sections for this app's content: which content type feeds each topic, what
 * is current, and what a reader sees of an item. The newsletter plugin knows the content only
 * through this (configured in config/plugins.ts).
 */
import { isoDateIn } from '../lib/dates';
import { currentOfferFilter } from '../lib/offers';
import { germanDate, germanNumber } from '../lib/format';
import { LEVELS, OFFER_TYPES, SIZE_CLASSES } from '../lib/vocabularies';

type Doc = Record<string, unknown>;

export interface NewsletterItem {
  title: string;
  url?: string | null;
  label?: string | null;
  facts?: { label: string; value: string }[];
  summary?: string | null;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Doc) : {});

const fact = (label: string, value: string) => ({ label, value });

export const renderOffer = (offer: Doc, siteUrl: string): NewsletterItem => {
  const location = obj(offer.location);
  const place = [str(location.city), str(obj(offer.municipality).name)].filter(Boolean)[0] ?? '';
  const start = germanDate(offer.startDate);
  const end = germanDate(offer.endDate);
  return {
    title: str(offer.title),
    label: OFFER_TYPES[str(offer.offerType)] ?? null,
    // the offer's page (it shows the apply link); an offer without a slug has none
    url: str(offer.slug)
      ? `${siteUrl}/angebote/${str(offer.slug)}`
      : str(offer.applyUrl) || `${siteUrl}/angebote/`,
    summary: str(offer.summary),
    facts: [
      fact('Anbieter', str(obj(offer.organisation).name)),
      fact('Ort', place),
      fact(
        offer.offerType === 'veranstaltung' ? 'Termin' : 'Beginn',
        end && end !== start ? `${start} bis ${end}` : start
      ),
      fact('Bewerbungsschluss', germanDate(offer.applicationDeadline)),
    ],
  };
};

export const renderPracticeExample = (example: Doc, siteUrl: string): NewsletterItem => {
  const municipality = obj(example.municipality);
  return {
    title: str(example.title),
    label: 'Praxisbeispiel',
    url: `${siteUrl}/praxisbeispiele/${str(example.slug)}`,
    summary: str(example.lead),
    facts: [
      fact('Kommune', str(municipality.name)),
      fact('Fläche', municipality.areaKm2 ? `${germanNumber(municipality.areaKm2, 2)} km²` : ''),
      fact('Einwohner', germanNumber(municipality.population)),
      fact(
        'Bevölkerungsdichte',
        municipality.populationDensity
          ? `${germanNumber(municipality.populationDensity, 1)} je km²`
          : ''
      ),
    ],
  };
};

export const renderEmployerTip = (tip: Doc, siteUrl: string): NewsletterItem => {
  const sizes = Array.isArray(tip.suitedSizeClasses)
    ? (tip.suitedSizeClasses as string[])
        .map((size) => SIZE_CLASSES[size as keyof typeof SIZE_CLASSES])
        .filter(Boolean)
        .join(', ')
    : '';
  return {
    title: str(tip.title),
    label: 'Arbeitgeber-Tipp',
    url: `${siteUrl}/arbeitgeber-tipps/${str(tip.slug)}`,
    summary: str(tip.summary),
    facts: [
      fact('Aufwand', LEVELS[str(tip.effort)] ?? ''),
      fact('Kosten', LEVELS[str(tip.cost)] ?? ''),
      fact('Geeignet für', sizes),
    ],
  };
};

/** Section definitions for the newsletter plugin's `sections` config. */
export const newsletterSections = (siteUrl: string) => [
  {
    topic: 'offers',
    title: 'Aktuelle Angebote',
    uid: 'api::offer.offer',
    populate: {
      organisation: { fields: ['name'] },
      municipality: { fields: ['name'] },
      location: true,
    },
    current: (now: Date) => currentOfferFilter(isoDateIn(now)),
    render: (document: Doc) => renderOffer(document, siteUrl),
    maxItems: 12,
  },
  {
    topic: 'practice-examples',
    title: 'Praxisbeispiele aus anderen Kommunen',
    uid: 'api::practice-example.practice-example',
    populate: { municipality: { fields: ['name', 'areaKm2', 'population', 'populationDensity'] } },
    render: (document: Doc) => renderPracticeExample(document, siteUrl),
    maxItems: 6,
  },
  {
    topic: 'employer-tips',
    title: 'Tipps für Arbeitgeber',
    uid: 'api::employer-tip.employer-tip',
    render: (document: Doc) => renderEmployerTip(document, siteUrl),
    maxItems: 6,
  },
];
