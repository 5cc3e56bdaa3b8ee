/**
 * Pages of practice examples (`/praxisbeispiele/`, `/praxisbeispiele/<slug>`) and employer tips
 * (`/arbeitgeber-tipps/`, `/arbeitgeber-tipps/<slug>`), which link to each other. Pure rendering;
 * the middleware (src/middlewares/content-pages.ts) loads the documents.
 */
import { blocksToHtml, escapeHtml } from '@bildungsbuero/strapi-server-kit';
import { germanNumber } from '../lib/format';
import { KINDS_OF_OFFER, LEVELS, SIZE_CLASSES } from '../lib/vocabularies';
import { factList, renderPage } from './layout';
import { contactBlock, externalLink, pagination, type Pagination } from './parts';

type Doc = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Doc => (value && typeof value === 'object' ? (value as Doc) : {});
const docs = (value: unknown): Doc[] => (Array.isArray(value) ? value.map(obj) : []);
const labels = (values: unknown, vocabulary: Record<string, string>): string =>
  (Array.isArray(values) ? values : [])
    .map((value) => vocabulary[String(value)])
    .filter(Boolean)
    .join(', ');

/** Links to related pages in a sibling section (`../arbeitgeber-tipps/<slug>`). */
const relatedList = (heading: string, id: string, section: string, items: Doc[]): string => {
  const shown = items.filter((item) => str(item.slug) && str(item.title));
  if (shown.length === 0) return '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2><ul>${shown
    .map(
      (item) =>
        `<li><a href="../${section}/${encodeURIComponent(str(item.slug))}">${escapeHtml(item.title)}</a></li>`
    )
    .join('')}</ul></section>`;
};

const textSection = (heading: string, id: string, text: unknown): string =>
  str(text).trim()
    ? `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(heading)}</h2>${str(text)
        .split(/\n\s*\n/)
        .map((part) => `<p>${escapeHtml(part.trim())}</p>`)
        .join('')}</section>`
    : '';

export const practiceFacts = (example: Doc) => {
  const municipality = obj(example.municipality);
  return [
    { label: 'Kommune', value: str(municipality.name) },
    { label: 'Einwohner', value: germanNumber(municipality.population) },
    {
      label: 'Bevölkerungsdichte',
      value: municipality.populationDensity
        ? `${germanNumber(municipality.populationDensity, 1)} je km²`
        : '',
    },
    { label: 'Seit', value: example.yearStarted ? String(example.yearStarted) : '' },
    { label: 'Art', value: labels(example.kindsOfOffer, KINDS_OF_OFFER) },
    {
      label: 'Handlungsfelder',
      value: docs(example.fieldsOfAction)
        .map((field) => str(field.name))
        .filter(Boolean)
        .join(', '),
    },
  ];
};

export const renderPracticeExamplePage = (example: Doc): string => {
  const quote = obj(example.quote);
  const links = docs(example.links)
    .map((link) => externalLink(str(link.url), str(link.label) || str(link.url)))
    .filter(Boolean);
  const website = str(example.website)
    ? externalLink(str(example.website), 'Website des Projekts')
    : '';
  const body = `<article class="card">
<p class="eyebrow">Praxisbeispiel</p>
<h1>${escapeHtml(example.title)}</h1>
${str(example.lead) ? `<p class="lead">${escapeHtml(example.lead)}</p>` : ''}
${factList(practiceFacts(example))}
${blocksToHtml(example.body)}
${
  str(quote.text)
    ? `<figure class="quote"><blockquote><p>${escapeHtml(quote.text)}</p></blockquote>${
        str(quote.author)
          ? `<figcaption>${escapeHtml([str(quote.author), str(quote.role)].filter(Boolean).join(', '))}</figcaption>`
          : ''
      }</figure>`
    : ''
}
${textSection('Erfolgsfaktoren', 'success-heading', example.successFactors)}
${textSection('Partner', 'partners-heading', example.partners)}
${relatedList('Passende Arbeitgeber-Tipps', 'tips-heading', 'arbeitgeber-tipps', docs(example.employerTips))}
${
  website || links.length
    ? `<section aria-labelledby="links-heading"><h2 id="links-heading">Mehr dazu</h2><ul>${[
        website,
        ...links,
      ]
        .filter(Boolean)
        .map((link) => `<li>${link}</li>`)
        .join('')}</ul></section>`
    : ''
}
${contactBlock(example.contact)}
<p><a href="./">Alle Praxisbeispiele</a></p>
</article>`;
  return renderPage({
    title: str(example.title),
    description: str(example.lead) || undefined,
    body,
    section: 'praxisbeispiele',
  });
};

export const tipFacts = (tip: Doc) => [
  { label: 'Aufwand', value: LEVELS[str(tip.effort)] ?? '' },
  { label: 'Kosten', value: LEVELS[str(tip.cost)] ?? '' },
  { label: 'Geeignet für', value: labels(tip.suitedSizeClasses, SIZE_CLASSES) },
];

export const renderEmployerTipPage = (tip: Doc): string => {
  const body = `<article class="card">
<p class="eyebrow">Arbeitgeber-Tipp</p>
<h1>${escapeHtml(tip.title)}</h1>
${str(tip.summary) ? `<p class="lead">${escapeHtml(tip.summary)}</p>` : ''}
${factList(tipFacts(tip))}
${blocksToHtml(tip.body)}
${relatedList('So machen es andere Kommunen', 'examples-heading', 'praxisbeispiele', docs(tip.practiceExamples))}
<p><a href="../selbstcheck/">Wie attraktiv ist Ihr Betrieb? Zum Selbstcheck</a></p>
<p><a href="./">Alle Arbeitgeber-Tipps</a></p>
</article>`;
  return renderPage({
    title: str(tip.title),
    description: str(tip.summary) || undefined,
    body,
    section: 'arbeitgeber-tipps',
  });
};

export interface ListInput {
  items: Doc[];
  pagination: Pagination;
}

const listPage = (
  { items, pagination: pages }: ListInput,
  options: {
    title: string;
    lead: string;
    section: 'praxisbeispiele' | 'arbeitgeber-tipps';
    summary: (item: Doc) => string;
    facts: (item: Doc) => { label: string; value: string }[];
    count: (total: number) => string;
  }
): string => {
  const list = items
    .map(
      (item) => `<li class="item">
<h2><a href="./${encodeURIComponent(str(item.slug))}">${escapeHtml(item.title)}</a></h2>
${options.summary(item) ? `<p>${escapeHtml(options.summary(item))}</p>` : ''}
${factList(options.facts(item))}
</li>`
    )
    .join('\n');
  return renderPage({
    title: options.title,
    description: options.lead,
    section: options.section,
    body: `<div class="card">
<h1>${escapeHtml(options.title)}</h1>
<p class="lead">${escapeHtml(options.lead)}</p>
<p role="status">${options.count(pages.total)}</p>
${list ? `<ul class="item-list">${list}</ul>` : '<p>Hier ist noch nichts veröffentlicht.</p>'}
${pagination(pages, {})}
</div>`,
  });
};

export const renderPracticeExampleList = (input: ListInput): string =>
  listPage(input, {
    title: 'Praxisbeispiele',
    lead: 'Wie andere Kommunen den Übergang von der Schule in den Beruf und die Fachkräftesicherung gestalten.',
    section: 'praxisbeispiele',
    summary: (item) => str(item.lead),
    facts: (item) => practiceFacts(item).filter((fact) => fact.label === 'Kommune'),
    count: (total) => (total === 1 ? '1 Praxisbeispiel' : `${germanNumber(total)} Praxisbeispiele`),
  });

export const renderEmployerTipList = (input: ListInput): string =>
  listPage(input, {
    title: 'Arbeitgeber-Tipps',
    lead: 'Was Betriebe tun können, um Auszubildende und Fachkräfte zu gewinnen und zu halten.',
    section: 'arbeitgeber-tipps',
    summary: (item) => str(item.summary),
    facts: tipFacts,
    count: (total) => (total === 1 ? '1 Tipp' : `${germanNumber(total)} Tipps`),
  });
