/**
 * From the app's content to a frozen rendering: which items an issue proposes (published since
 * the previous sent issue and still current), loading the chosen items through the Document
 * Service with each section's filter, and compiling the MJML once.
 */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig, SectionConfig } from '../config';
import { freezeIssue, type FrozenRendering, type IssueSection } from '../mail/issue';
import { publicApiUrl } from '../utils/urls';
import { getService } from '../utils/get-service';

export const ISSUE = 'plugin::newsletter.issue';

export interface IssueItemRef {
  section: string;
  documentId: string;
}

/** An item as editors see it in the admin: its rendered title and whether it still goes out. */
export interface ItemDetail extends IssueItemRef {
  title: string | null;
  /** published and still current: it will be in the mail */
  current: boolean;
}

export interface Candidate {
  documentId: string;
  title: string;
  label: string | null;
  publishedAt: string | null;
}

/** String attributes searched in the database when a content type has one of them. */
const SEARCH_FIELDS = ['title', 'name', 'subject'];

export interface IssueDraft {
  /** the issue's row id: with it, `render(…, { forSending: true })` counts the items' clicks */
  id?: number;
  documentId?: string;
  subject: string;
  preheader?: string | null;
  intro?: unknown;
  items?: IssueItemRef[] | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const sectionFor = (topic: string) =>
    config().sections.find((section) => section.topic === topic);

  const currentFilter = (section: SectionConfig, now: Date) => section.current?.(now) ?? {};

  /** Documents of one section by id, only those still current, in the given order. */
  const loadItems = async (section: SectionConfig, documentIds: string[], now: Date) => {
    if (documentIds.length === 0) return [];
    const documents = (await strapi.documents(section.uid as never).findMany({
      status: 'published',
      filters: { $and: [{ documentId: { $in: documentIds } }, currentFilter(section, now)] },
      populate: section.populate as never,
      limit: documentIds.length,
    } as never)) as unknown as Record<string, unknown>[];
    const byId = new Map(documents.map((document) => [document.documentId as string, document]));
    return documentIds
      .map((id) => byId.get(id))
      .filter((document): document is Record<string, unknown> => !!document);
  };

  /** Published documents of a section by id (current or not), rendered for the admin. */
  const describeSection = async (section: SectionConfig, documentIds: string[], now: Date) => {
    if (documentIds.length === 0) return new Map<string, { title: string; current: boolean }>();
    const [all, current] = await Promise.all([
      strapi.documents(section.uid as never).findMany({
        status: 'published',
        filters: { documentId: { $in: documentIds } },
        populate: section.populate as never,
        limit: documentIds.length,
      } as never) as unknown as Promise<Record<string, unknown>[]>,
      section.current
        ? (strapi.documents(section.uid as never).findMany({
            status: 'published',
            filters: { $and: [{ documentId: { $in: documentIds } }, currentFilter(section, now)] },
            fields: ['documentId'],
            limit: documentIds.length,
          } as never) as unknown as Promise<{ documentId: string }[]>)
        : null,
    ]);
    const currentIds = current ? new Set(current.map((document) => document.documentId)) : null;
    return new Map(
      all.map((document) => {
        const id = document.documentId as string;
        const rendered = section.render(document, { publicUrl: config().publicUrl, now });
        return [id, { title: rendered.title, current: currentIds ? currentIds.has(id) : true }];
      })
    );
  };

  /** The content type's string attribute a search can filter on in the database, if any. */
  const searchField = (uid: string): string | null => {
    const model = strapi.getModel(uid as never) as
      { attributes?: Record<string, { type?: string }> } | undefined;
    const attributes = model?.attributes ?? {};
    return (
      SEARCH_FIELDS.find((field) => ['string', 'text'].includes(attributes[field]?.type ?? '')) ??
      null
    );
  };

  return {
    sections() {
      return config().sections.map(({ topic, title, uid }) => ({ topic, title, uid }));
    },

    /** When the last issue went out (proposals take what was published after it). */
    async lastSentAt(): Promise<Date | null> {
      const last = await strapi.db.query(ISSUE).findOne({
        where: { status: 'sent', startedAt: { $notNull: true } },
        orderBy: { startedAt: 'desc' },
      });
      return last?.startedAt ? new Date(last.startedAt) : null;
    },

    /** Items published since `since` (or the last sent issue) and still current, per section. */
    async propose({ since, now = new Date() }: { since?: Date | null; now?: Date } = {}): Promise<
      IssueItemRef[]
    > {
      const after = since === undefined ? await this.lastSentAt() : since;
      const refs: IssueItemRef[] = [];
      for (const section of config().sections) {
        const documents = (await strapi.documents(section.uid as never).findMany({
          status: 'published',
          filters: {
            $and: [
              currentFilter(section, now),
              ...(after ? [{ publishedAt: { $gt: after.toISOString() } }] : []),
            ],
          },
          sort: 'publishedAt:desc',
          fields: ['documentId'],
          limit: section.maxItems,
        } as never)) as unknown as { documentId: string }[];
        refs.push(
          ...documents.map((document) => ({
            section: section.topic,
            documentId: document.documentId,
          }))
        );
      }
      return refs;
    },

    /**
     * The issue's sections with their rendered items, as of `now`. The personalised section
     * also carries its pool: the section's current documents (up to `poolLimit`, newest
     * first) that recipients' selections choose from, compiled into the same MJML.
     */
    async sectionsFor(
      items: IssueItemRef[] | null | undefined,
      now = new Date()
    ): Promise<IssueSection[]> {
      const result: IssueSection[] = [];
      const personalisation = config().personalisation;
      for (const section of config().sections) {
        const ids = (items ?? [])
          .filter((item) => item.section === section.topic)
          .map((item) => item.documentId);
        const documents = await loadItems(section, ids, now);
        const render = (document: Record<string, unknown>) => ({
          ...section.render(document, { publicUrl: config().publicUrl, now }),
          id: document.documentId as string,
        });
        const personal = personalisation?.topic === section.topic;
        const pool = personal
          ? ((await strapi.documents(section.uid as never).findMany({
              status: 'published',
              filters: currentFilter(section, now),
              populate: section.populate as never,
              sort: 'publishedAt:desc',
              limit: personalisation.poolLimit,
            } as never)) as unknown as Record<string, unknown>[])
          : [];
        result.push({
          topic: section.topic,
          title: section.title,
          items: documents.map(render),
          ...(personal ? { personal: true, pool: pool.map(render) } : {}),
        });
      }
      return result;
    },

    /** The issue's items with their titles, in the issue's order; unknown sections included. */
    async describe(
      items: IssueItemRef[] | null | undefined,
      now = new Date()
    ): Promise<ItemDetail[]> {
      const refs = items ?? [];
      const bySection = new Map<string, Map<string, { title: string; current: boolean }>>();
      for (const section of config().sections) {
        const ids = refs
          .filter((ref) => ref.section === section.topic)
          .map((ref) => ref.documentId);
        bySection.set(section.topic, await describeSection(section, [...new Set(ids)], now));
      }
      return refs.map((ref) => {
        const found = bySection.get(ref.section)?.get(ref.documentId);
        return {
          section: ref.section,
          documentId: ref.documentId,
          title: found?.title ?? null,
          current: found?.current ?? false,
        };
      });
    },

    /**
     * What an editor can add to a section: its published, current documents, newest first,
     * searched by `q` in the rendered title (in the database when the type has a title field).
     */
    async candidates(
      topic: string,
      { q = '', limit = 20, now = new Date() }: { q?: string; limit?: number; now?: Date } = {}
    ): Promise<Candidate[]> {
      const section = sectionFor(topic);
      if (!section) return [];
      const needle = q.trim().toLocaleLowerCase('de');
      const field = needle ? searchField(section.uid) : null;
      const documents = (await strapi.documents(section.uid as never).findMany({
        status: 'published',
        filters: {
          $and: [
            currentFilter(section, now),
            ...(field ? [{ [field]: { $containsi: q.trim() } }] : []),
          ],
        },
        populate: section.populate as never,
        sort: 'publishedAt:desc',
        // Without a searchable field the rendered titles are filtered here: look further.
        limit: needle && !field ? 500 : limit,
      } as never)) as unknown as Record<string, unknown>[];
      return documents
        .map((document) => {
          const rendered = section.render(document, { publicUrl: config().publicUrl, now });
          return {
            documentId: document.documentId as string,
            title: rendered.title,
            label: rendered.label ?? null,
            publishedAt: (document.publishedAt as string | null) ?? null,
          };
        })
        .filter((candidate) => !needle || candidate.title.toLocaleLowerCase('de').includes(needle))
        .slice(0, limit);
    },

    webUrl(documentId: string) {
      return publicApiUrl(strapi, `/issues/${documentId}/web`);
    },

    /**
     * Compiles the issue (MJML once) with the content as it is now. `forSending`: the rendering
     * that is frozen for the send, whose item links go through the counting redirect when
     * `clickTracking` is on; previews and test mails of an unsent issue link straight to the
     * items (an editor's checks count nowhere).
     */
    async render(
      issue: IssueDraft,
      now = new Date(),
      { forSending = false }: { forSending?: boolean } = {}
    ): Promise<FrozenRendering> {
      const sections = await this.sectionsFor(issue.items, now);
      const clicks = getService(strapi, 'clicks');
      const issueId = issue.id;
      return freezeIssue(config(), {
        subject: issue.subject,
        preheader: issue.preheader,
        intro: issue.intro,
        sections,
        webUrl: issue.documentId ? this.webUrl(issue.documentId) : null,
        ...(forSending && issueId && clicks.enabled()
          ? {
              itemLink: (url: string, item: { section: string; id?: string }) =>
                clicks.redirectUrl(issueId, item, url),
            }
          : {}),
      });
    },

    sectionFor,
  };
};
