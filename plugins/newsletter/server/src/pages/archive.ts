/**
 * The public archive page: every sent issue, newest first, with the day it went out and a link to
 * its web version. Same frame and stylesheet as the other pages (pages/render.ts), WCAG 2.1 AA
 * like them; no personal data (only subjects and dates). Links are relative where they stay on
 * this server, so the page works below a proxy's path prefix.
 */
import { escapeHtml } from '../lib/html';
import { ACCENT, STYLE } from './render';

export interface ArchivePageEntry {
  subject: string;
  sentAt: Date;
  /** the web version, relative to the page (or absolute) */
  href: string;
}

export interface ArchivePageOptions {
  title: string;
  newsletterName: string;
  entries: ArchivePageEntry[];
  /** the Atom feed, relative to the page */
  feedHref: string;
  /** where people subscribe */
  subscribeHref: string;
  imprintUrl?: string | null;
  privacyUrl?: string | null;
  /** the time zone the dates are shown in */
  timeZone: string;
}

const ARCHIVE_STYLE = `
.issues{list-style:none;margin:0 0 1.5rem;padding:0}
.issues li{padding:.75rem 0;border-bottom:1px solid #e4e7eb}
.issues li:first-child{border-top:1px solid #e4e7eb}
.issues time{display:block;color:#52606d;font-size:.9375rem}
.issues a{display:inline-block;padding:.125rem 0;font-weight:bold}
.feed{color:#52606d;font-size:.9375rem}
footer{max-width:36rem;margin:1rem auto 0;color:#52606d;font-size:.9375rem;text-align:center}
footer a{color:#1f2933}
`;

/** "5. Dezember 2026" in the given time zone. */
export const germanDate = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('de-DE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);

export const renderArchivePage = ({
  title,
  newsletterName,
  entries,
  feedHref,
  subscribeHref,
  imprintUrl,
  privacyUrl,
  timeZone,
}: ArchivePageOptions): string => {
  const list = entries.length
    ? `<ul class="issues">\n${entries
        .map(
          (entry) =>
            `<li><time datetime="${escapeHtml(entry.sentAt.toISOString())}">${escapeHtml(germanDate(entry.sentAt, timeZone))}</time><a href="${escapeHtml(entry.href)}">${escapeHtml(entry.subject)}</a></li>`
        )
        .join('\n')}\n</ul>`
    : '<p>Bisher ist noch keine Ausgabe erschienen.</p>';
  const footerLinks = [
    imprintUrl ? `<a href="${escapeHtml(imprintUrl)}">Impressum</a>` : '',
    privacyUrl ? `<a href="${escapeHtml(privacyUrl)}">Datenschutz</a>` : '',
  ].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<link rel="alternate" type="application/atom+xml" title="${escapeHtml(`${title} (Atom-Feed)`)}" href="${escapeHtml(feedHref)}">
<style>:root{--accent:${ACCENT.info}}${STYLE}${ARCHIVE_STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`Alle bisher versendeten Ausgaben des Newsletters „${newsletterName}“, die neueste zuerst. Jede Ausgabe öffnet sich in der Ansicht für den Browser.`)}</p>
${list}
<p class="feed">Neue Ausgaben im Feed-Reader verfolgen: <a href="${escapeHtml(feedHref)}">Atom-Feed</a></p>
<ul class="links"><li><a href="${escapeHtml(subscribeHref)}">Newsletter abonnieren</a></li></ul>
</main>
${footerLinks.length ? `<footer><p>${footerLinks.join(' · ')}</p></footer>\n` : ''}</body>
</html>
`;
};
