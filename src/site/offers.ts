/**
 * The offer pages: one page per offer (`/angebote/<slug>`) and the list of current offers
 * (`/angebote/`, filtered by offer type and municipality). Pure rendering: the middleware
 * (src/middlewares/content-pages.ts) loads the documents.
 */
import { blocksToHtml, blocksToText, escapeHtml } from '@bildungsbuero/strapi-server-kit';
import { germanDate, germanNumber } from '../lib/format';
import { isCurrentOffer } from '../lib/offers';
import { OFFER_TYPES, SCHOOL_QUALIFICATIONS } from '../lib/vocabularies';
import { offerLd } from './json-ld';
import { factList, renderPage } from './layout';
import { contactBlock, externalLink, pagination, type Pagination } from './parts';

type Doc = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Doc => (value && typeof value === 'object' ? (value as Doc) : {});

const place = (offer: Doc): string => {
  const location = obj(offer.location);
  const city = [str(location.postalCode), str(location.city)].filter(Boolean).join(' ');
  return city || str(obj(offer.municipality).name);
};

const dateRange = (offer: Doc): string => {
  const start = germanDate(offer.startDate);
  const end = germanDate(offer.endDate);
  return end && end !== start ? `${start} bis ${end}` : start;
};

export const offerFacts = (offer: Doc) => [
  { label: 'Art', value: OFFER_TYPES[str(offer.offerType)] ?? '' },
  { label: 'Anbieter', value: str(obj(offer.organisation).name) },
  { label: 'Ort', value: place(offer) },
  { label: offer.offerType === 'veranstaltung' ? 'Termin' : 'Beginn', value: dateRange(offer) },
  { label: 'Bewerbungsschluss', value: germanDate(offer.applicationDeadline) },
  { label: 'Plätze', value: germanNumber(offer.places) },
  {
    label: 'Schulabschluss',
    value: SCHOOL_QUALIFICATIONS[str(offer.requiredSchoolQualification)] ?? '',
  },
  { label: 'Beruf', value: str(offer.occupation) },
  { label: 'Gültig bis', value: germanDate(offer.validUntil) },
];

/** Plain text of an offer for search engines' `description`. */
const offerText = (offer: Doc): string =>
  [str(offer.summary), blocksToText(offer.description)].filter(Boolean).join('\n\n').trim();

export interface OfferPageInput {
  offer: Doc;
  /** absolute URL of this page (for the structured data) */
  url: string;
  /** today's date in the office's time zone (YYYY-MM-DD) */
  today: string;
}

/** The offer's page; `current: false` for an offer that has expired (served with 410). */
export const renderOfferPage = ({ offer, url, today }: OfferPageInput) => {
  const current = isCurrentOffer(offer, today);
  const title = str(offer.title);
  const apply = str(offer.applyUrl);
  const body = `<article class="card">
<p class="eyebrow">${escapeHtml(OFFER_TYPES[str(offer.offerType)] ?? 'Angebot')}</p>
<h1>${escapeHtml(title)}</h1>
${
  current
    ? ''
    : `<div class="notice notice-error" role="status"><p class="notice-title">Dieses Angebot ist nicht mehr aktuell.</p><p>Es ist abgelaufen oder hat bereits stattgefunden. <a href="./">Zu den aktuellen Angeboten</a></p></div>`
}
${str(offer.summary) ? `<p class="lead">${escapeHtml(offer.summary)}</p>` : ''}
${factList(offerFacts(offer))}
${blocksToHtml(offer.description)}
${current && apply ? `<p>${externalLink(apply, 'Jetzt bewerben oder anmelden', 'button')}</p>` : ''}
${contactBlock(offer.contact)}
<p><a href="./">Alle aktuellen Angebote</a></p>
</article>`;
  return {
    current,
    html: renderPage({
      title: current ? title : `${title} (nicht mehr aktuell)`,
      description: str(offer.summary) || undefined,
      body,
      section: 'angebote',
      jsonLd: current ? offerLd({ offer, url, description: offerText(offer) }) : null,
      robots: current ? undefined : 'noindex',
    }),
  };
};

export interface OfferListInput {
  offers: Doc[];
  municipalities: { slug: string; name: string }[];
  filters: { art?: string; kommune?: string };
  pagination: Pagination;
}

const option = (value: string, label: string, selected: string | undefined) =>
  `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

export const renderOfferList = ({
  offers,
  municipalities,
  filters,
  pagination: pages,
}: OfferListInput): string => {
  const items = offers
    .map(
      (offer) => `<li class="item">
<p class="eyebrow">${escapeHtml(OFFER_TYPES[str(offer.offerType)] ?? '')}</p>
<h2><a href="./${encodeURIComponent(str(offer.slug))}">${escapeHtml(offer.title)}</a></h2>
${str(offer.summary) ? `<p>${escapeHtml(offer.summary)}</p>` : ''}
${factList(offerFacts(offer).filter((fact) => ['Anbieter', 'Ort', 'Beginn', 'Termin', 'Bewerbungsschluss'].includes(fact.label)))}
</li>`
    )
    .join('\n');
  const body = `<div class="card">
<h1>Aktuelle Angebote</h1>
<p class="lead">Ausbildungsplätze, Praktika, Veranstaltungen, Beratung und Material für den Weg von der Schule in den Beruf. Abgelaufene Angebote und vergangene Veranstaltungen werden nicht gezeigt.</p>
<form class="filters" method="get" action="./">
<div class="field"><label for="art">Art des Angebots</label>
<select id="art" name="art">${option('', 'Alle Arten', filters.art)}${Object.entries(OFFER_TYPES)
    .map(([value, label]) => option(value, label, filters.art))
    .join('')}</select></div>
<div class="field"><label for="kommune">Kommune</label>
<select id="kommune" name="kommune">${option('', 'Alle Kommunen', filters.kommune)}${municipalities
    .map((municipality) => option(municipality.slug, municipality.name, filters.kommune))
    .join('')}</select></div>
<button type="submit">Filtern</button>
</form>
<p role="status">${pages.total === 1 ? '1 Angebot' : `${germanNumber(pages.total)} Angebote`}</p>
${items ? `<ul class="item-list">${items}</ul>` : '<p>Zu dieser Auswahl gibt es derzeit keine Angebote.</p>'}
${pagination(pages, { art: filters.art, kommune: filters.kommune })}
</div>`;
  return renderPage({
    title: 'Aktuelle Angebote',
    description: 'Aktuelle Ausbildungsplätze, Praktika, Veranstaltungen und Beratungsangebote.',
    body,
    section: 'angebote',
  });
};
