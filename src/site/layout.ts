/**
 * The frame of the server-rendered public pages (offers, practice examples, employer tips):
 * the same header, skip link, main landmark and footer as the static pages in `public/`, the
 * site style sheet, no inline scripts (the default CSP holds), German.
 *
 * Every page lives one folder below the site root (`/angebote/`, `/angebote/<slug>`), so `../`
 * is the root for all of them and links stay relative: the pages work below a proxy's path
 * prefix such as `/bildung/`.
 */
import { escapeHtml } from '@bildungsbuero/strapi-server-kit';
import { ldScriptContent } from './json-ld';

export const SITE_NAME = 'Bildungsbüro / Fachkräfteoffensive';
const ROOT = '../';

export interface PageInput {
  title: string;
  description?: string;
  /** the page's content, inside <main> (already escaped HTML) */
  body: string;
  /** schema.org data for a `<script type="application/ld+json">` */
  jsonLd?: object | null;
  /** section of the site for the navigation's aria-current */
  section?: 'angebote' | 'praxisbeispiele' | 'arbeitgeber-tipps';
  /** e.g. 'noindex' for pages of what is no longer current */
  robots?: string;
}

const NAVIGATION: { section: PageInput['section']; href: string; label: string }[] = [
  { section: 'angebote', href: `${ROOT}angebote/`, label: 'Angebote' },
  { section: 'praxisbeispiele', href: `${ROOT}praxisbeispiele/`, label: 'Praxisbeispiele' },
  { section: 'arbeitgeber-tipps', href: `${ROOT}arbeitgeber-tipps/`, label: 'Arbeitgeber-Tipps' },
  { section: undefined, href: `${ROOT}selbstcheck/`, label: 'Selbstcheck' },
  { section: undefined, href: `${ROOT}newsletter/`, label: 'Newsletter' },
];

export const renderPage = (page: PageInput): string => {
  const nav = NAVIGATION.map(
    (item) =>
      `<li><a href="${item.href}"${item.section && item.section === page.section ? ' aria-current="page"' : ''}>${escapeHtml(item.label)}</a></li>`
  ).join('');
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escapeHtml(page.title)} – ${escapeHtml(SITE_NAME)}</title>
${page.description ? `<meta name="description" content="${escapeHtml(page.description)}" />\n` : ''}${page.robots ? `<meta name="robots" content="${escapeHtml(page.robots)}" />\n` : ''}<link rel="icon" href="${ROOT}favicon.png" />
<link rel="stylesheet" href="${ROOT}assets/site.css" />
${page.jsonLd ? `<script type="application/ld+json">${ldScriptContent(page.jsonLd)}</script>\n` : ''}</head>
<body>
<a class="skip-link" href="#main">Zum Inhalt springen</a>
<header class="site-header">
<div class="container">
<a href="${ROOT}">${escapeHtml(SITE_NAME)}</a>
<nav aria-label="Bereiche" class="site-nav"><ul>${nav}</ul></nav>
</div>
</header>
<main id="main" class="container" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<div class="container">
<p><a href="${ROOT}impressum/">Impressum</a> · <a href="${ROOT}datenschutz/">Datenschutz</a> · <a href="${ROOT}newsletter/archiv/">Newsletter-Archiv</a></p>
</div>
</footer>
</body>
</html>
`;
};

/** A list of label/value facts as a description list; empty values are left out. */
export const factList = (facts: { label: string; value: string }[]): string => {
  const shown = facts.filter((fact) => fact.value);
  if (shown.length === 0) return '';
  return `<dl class="facts">${shown
    .map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`)
    .join('')}</dl>`;
};
