/**
 * The public archive of sent issues: the list (subject, when it went out, its web version) as an
 * HTML page and as an Atom feed. Only issues with status `sent` are listed, newest first; nothing
 * in it is personal. The app serves both at `paths` (see the app's newsletter-archive
 * middleware); links between them and to the web versions are relative on the page, absolute in
 * the feed (from `publicUrl` and Strapi's REST prefix).
 */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { renderAtomFeed, tagUri } from '../lib/atom';
import { renderArchivePage } from '../pages/archive';
import { publicApiUrl } from '../utils/urls';
import { ISSUE } from './composer';

/** Where the app publishes the archive page (below `publicUrl`). */
export const ARCHIVE_PATH = '/newsletter/archiv/';
export const FEED_FILE = 'feed.atom';

/** The page lists this many issues at most, the feed the newest `FEED_LIMIT`. */
export const PAGE_LIMIT = 1000;
export const FEED_LIMIT = 50;

export interface ArchiveEntry {
  documentId: string;
  subject: string;
  preheader: string | null;
  /** when the send finished */
  sentAt: Date;
}

interface IssueListRow {
  id: number;
  documentId: string;
  subject: string;
  preheader: string | null;
  finishedAt: string | Date | null;
  startedAt: string | Date | null;
  updatedAt: string | Date;
}

const toDate = (value: string | Date | null | undefined) =>
  value === null || value === undefined ? null : new Date(value);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const base = () => config().publicUrl.replace(/\/+$/, '');
  const restPrefix = () =>
    String(strapi.config.get('api.rest.prefix', '/api')).replace(/^\/*/, '/').replace(/\/+$/, '');

  /** The web version relative to the archive page (`../../api/newsletter/issues/…/web`). */
  const relativeWebUrl = (documentId: string) =>
    '../'.repeat(ARCHIVE_PATH.split('/').filter(Boolean).length) +
    [restPrefix().slice(1), 'newsletter/issues', encodeURIComponent(documentId), 'web']
      .filter(Boolean)
      .join('/');

  return {
    paths: { page: ARCHIVE_PATH, feed: `${ARCHIVE_PATH}${FEED_FILE}` },

    enabled(): boolean {
      return config().archive.enabled;
    },

    /** The archive page's public address. */
    pageUrl(): string {
      return `${base()}${ARCHIVE_PATH}`;
    },

    feedUrl(): string {
      return `${base()}${ARCHIVE_PATH}${FEED_FILE}`;
    },

    /** Sent issues, newest first (by the end of their send). */
    async list({ limit = PAGE_LIMIT }: { limit?: number } = {}): Promise<ArchiveEntry[]> {
      const rows = (await strapi.db.query(ISSUE).findMany({
        select: [
          'id',
          'documentId',
          'subject',
          'preheader',
          'finishedAt',
          'startedAt',
          'updatedAt',
        ],
        where: { status: 'sent' },
        orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
        limit,
      })) as IssueListRow[];
      return rows
        .map((row) => ({
          documentId: row.documentId,
          subject: row.subject,
          preheader: row.preheader ?? null,
          sentAt: (toDate(row.finishedAt) ?? toDate(row.startedAt) ?? toDate(row.updatedAt))!,
        }))
        .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
    },

    /** The archive as an HTML page (German). */
    async page(): Promise<string> {
      const settings = config();
      const entries = await this.list();
      return renderArchivePage({
        title: settings.archive.title,
        newsletterName: settings.newsletterName,
        entries: entries.map((entry) => ({
          subject: entry.subject,
          sentAt: entry.sentAt,
          href: relativeWebUrl(entry.documentId),
        })),
        feedHref: FEED_FILE,
        // the app's own subscribe page is the archive's parent folder
        subscribeHref: settings.subscribePageUrl ?? '../',
        imprintUrl: settings.imprint.url ?? null,
        privacyUrl: settings.privacyUrl ?? null,
        timeZone: settings.scheduler.timezone,
      });
    },

    /** The newest `FEED_LIMIT` sent issues as an Atom 1.0 feed. */
    async feed(): Promise<string> {
      const settings = config();
      const entries = await this.list({ limit: FEED_LIMIT });
      // entry ids: tag:<host>,<day sent>:<path prefix>/newsletter/issues/<documentId>
      const { hostname, pathname } = new URL(`${base()}/`);
      const prefix = pathname.replace(/^\/+|\/+$/g, '');
      return renderAtomFeed({
        id: this.feedUrl(),
        title: settings.archive.title,
        subtitle: `Die Ausgaben des Newsletters „${settings.newsletterName}“`,
        updated: entries[0]?.sentAt ?? new Date(),
        selfUrl: this.feedUrl(),
        alternateUrl: this.pageUrl(),
        author: { name: settings.imprint.organisation, uri: settings.imprint.url ?? null },
        language: 'de',
        entries: entries.map((entry) => ({
          id: tagUri(
            hostname,
            entry.sentAt,
            `${prefix ? `${prefix}/` : ''}newsletter/issues/${entry.documentId}`
          ),
          title: entry.subject,
          updated: entry.sentAt,
          published: entry.sentAt,
          url: publicApiUrl(strapi, `/issues/${encodeURIComponent(entry.documentId)}/web`),
          summary: entry.preheader,
        })),
      });
    },
  };
};
