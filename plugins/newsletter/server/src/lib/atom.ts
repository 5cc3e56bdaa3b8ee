/**
 * Atom 1.0 (RFC 4287) feeds, written as text: the feed's id, title, updated, author and its
 * `self` and `alternate` links; per entry id, title, updated, published, the `alternate` link and
 * an optional summary. Every value is escaped, and characters XML 1.0 does not allow (control
 * characters, lone surrogates) are dropped, so any subject makes a well-formed document.
 */

export interface AtomEntry {
  /** a permanent IRI, e.g. from `tagUri` */
  id: string;
  title: string;
  updated: Date;
  published?: Date;
  /** the entry's page (rel="alternate", text/html) */
  url: string;
  summary?: string | null;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string | null;
  /** when the feed last changed (e.g. its newest entry) */
  updated: Date;
  /** where the feed itself is published (rel="self") */
  selfUrl: string;
  /** the HTML page with the same list (rel="alternate") */
  alternateUrl: string;
  author: { name: string; uri?: string | null };
  /** `xml:lang` of the feed, e.g. "de" */
  language?: string;
  entries: AtomEntry[];
}

/** Characters XML 1.0 does not allow, and lone surrogates. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and attribute values. */
export const escapeXml = (value: unknown): string =>
  String(value ?? '')
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** RFC 3339 in UTC, whole seconds. */
export const atomDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A tag URI (RFC 4151): `tag:<host>,<YYYY-MM-DD>:<specific>`. The host and the date (a day the
 * host name belonged to the publisher) make it unique; it never changes for the same inputs.
 */
export const tagUri = (host: string, date: Date, specific: string): string =>
  `tag:${host.toLowerCase()},${date.toISOString().slice(0, 10)}:${specific
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/')}`;

const link = (rel: string, type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;

export const renderAtomFeed = (feed: AtomFeed): string => {
  const entries = feed.entries.map((entry) =>
    [
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title type="text">${escapeXml(entry.title)}</title>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      ...(entry.published ? [`    <published>${atomDate(entry.published)}</published>`] : []),
      `    ${link('alternate', 'text/html', entry.url)}`,
      ...(entry.summary ? [`    <summary type="text">${escapeXml(entry.summary)}</summary>`] : []),
      '  </entry>',
    ].join('\n')
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${escapeXml(feed.language)}"` : ''}>`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${atomDate(feed.updated)}</updated>`,
    `  ${link('self', 'application/atom+xml', feed.selfUrl)}`,
    `  ${link('alternate', 'text/html', feed.alternateUrl)}`,
    '  <author>',
    `    <name>${escapeXml(feed.author.name)}</name>`,
    ...(feed.author.uri ? [`    <uri>${escapeXml(feed.author.uri)}</uri>`] : []),
    '  </author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
};
