/**
 * From the app's content to a frozen rendering: which items an issue proposes (published since
 * the previous sent issue and still current), loading the chosen items through the Document
 * Service with each section's filter, and compiling the MJML once.
 */
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig, SectionConfig } from '../config';
import { freezeIssue, type FrozenRendering, type IssueSection } from '../mail/issue';

export const ISSUE = 'plugin::newsletter.issue';

export interface IssueItemRef {
  section: string;
  documentId: string;
}

export interface IssueDraft {
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

    /** The issue's sections with their rendered items, as of `now`. */
    async sectionsFor(
      items: IssueItemRef[] | null | undefined,
      now = new Date()
    ): Promise<IssueSection[]> {
      const result: IssueSection[] = [];
      for (const section of config().sections) {
        const ids = (items ?? [])
          .filter((item) => item.section === section.topic)
          .map((item) => item.documentId);
        const documents = await loadItems(section, ids, now);
        result.push({
          topic: section.topic,
          title: section.title,
          items: documents.map((document) =>
            section.render(document, { publicUrl: config().publicUrl, now })
          ),
        });
      }
      return result;
    },

    webUrl(documentId: string) {
      return `${config().publicUrl.replace(/\/+$/, '')}/api/newsletter/issues/${documentId}/web`;
    },

    /** Compiles the issue (MJML once) with the content as it is now. */
    async render(issue: IssueDraft, now = new Date()): Promise<FrozenRendering> {
      const sections = await this.sectionsFor(issue.items, now);
      return freezeIssue(config(), {
        subject: issue.subject,
        preheader: issue.preheader,
        intro: issue.intro,
        sections,
        webUrl: issue.documentId ? this.webUrl(issue.documentId) : null,
      });
    },

    sectionFor,
  };
};
