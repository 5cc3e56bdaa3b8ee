/**
 * What editors do with issues: create (with the automatic proposal), edit, preview, test-send,
 * schedule, send, pause, resume, cancel, and follow the progress. State changes are
 * compare-and-set transitions in the dispatcher; an impossible one answers 409.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ConflictError } from '@bildungsbuero/strapi-server-kit';
import type { NewsletterConfig } from '../config';
import { parseScheduleAt } from '../lib/schedule';
import { chooseItems } from '../lib/personal';
import { personalise, type FrozenRendering } from '../mail/issue';
import { ISSUE, type IssueItemRef } from './composer';
import type { IssueRow } from './dispatcher';
import { getService } from '../utils/get-service';

const PUBLIC_FIELDS = [
  'documentId',
  'subject',
  'preheader',
  'intro',
  'items',
  'status',
  'scheduledAt',
  'startedAt',
  'finishedAt',
  'recipients',
  'sent',
  'failed',
  'skipped',
  'personalised',
  'lastError',
  'pausedReason',
  'digestKey',
  'createdAt',
  'updatedAt',
] as const;

/** Statuses whose counts change while deliveries are worked (or may still be pending). */
const LIVE_STATUSES = ['sending', 'paused', 'cancelled'];

export const publicIssue = (issue: IssueRow & Record<string, unknown>) =>
  Object.fromEntries(PUBLIC_FIELDS.map((field) => [field, issue[field] ?? null]));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const dispatcher = () => getService(strapi, 'dispatcher');
  const composer = () => getService(strapi, 'composer');

  const find = async (documentId: string): Promise<IssueRow> => {
    const issue = (await strapi.db
      .query(ISSUE)
      .findOne({ where: { documentId } })) as IssueRow | null;
    if (!issue) throw new errors.NotFoundError('Ausgabe nicht gefunden');
    return issue;
  };

  const conflict = (issue: IssueRow, action: string) =>
    new ConflictError(`„${action}“ ist im Status „${issue.status}“ nicht möglich.`);

  /** The frozen rendering once sending started; before that a fresh one from the content. */
  const renderingOf = async (issue: IssueRow): Promise<FrozenRendering> =>
    issue.rendering ?? composer().render(issue);

  const neutralLinks = () => {
    const subscribe = getService(strapi, 'tokens').subscribePageUrl();
    return { preferencesUrl: subscribe, unsubscribeUrl: subscribe };
  };

  return {
    find,

    /** What the admin pages need from the plugin config (nothing secret). */
    settings() {
      const { topics, sections, scheduler } = config();
      return {
        topics: topics.map(({ key, label }) => ({ key, label })),
        sections: sections.map(({ topic, title }) => ({ topic, title })),
        timezone: scheduler.timezone,
      };
    },

    /** The issue's items with their titles and whether each still goes out. */
    async itemDetails(issue: IssueRow) {
      return composer().describe(issue.items);
    },

    /** Documents an editor can add to a section (published, current), searched by title. */
    async candidates(section: string, q: string) {
      return composer().candidates(section, { q });
    },

    /**
     * One page of issues, newest first. Issues being sent (or paused, or cancelled midway) carry
     * live counts from their deliveries, so the list can show progress.
     */
    async list({ page = 1, pageSize = 25 }: { page?: number; pageSize?: number } = {}) {
      const [rows, total] = await Promise.all([
        strapi.db.query(ISSUE).findMany({
          select: ['id', 'audienceAt', ...PUBLIC_FIELDS],
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }) as Promise<(IssueRow & Record<string, unknown>)[]>,
        strapi.db.query(ISSUE).count(),
      ]);
      const results = await Promise.all(
        rows.map(async (issue) => {
          const live =
            issue.audienceAt && LIVE_STATUSES.includes(issue.status)
              ? await dispatcher().counts(issue.id)
              : null;
          return {
            ...publicIssue(live ? { ...issue, ...live } : issue),
            pending: live?.pending ?? 0,
          };
        })
      );
      return {
        results,
        pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
      };
    },

    async create(input: {
      subject: string;
      preheader?: string | null;
      intro?: unknown;
      items?: IssueItemRef[];
    }) {
      const items = input.items ?? (await composer().propose());
      const created = await strapi.documents(ISSUE as never).create({
        data: {
          subject: input.subject,
          preheader: input.preheader ?? null,
          intro: input.intro ?? null,
          items,
          status: 'draft',
        },
      } as never);
      return find((created as unknown as { documentId: string }).documentId);
    },

    async update(
      documentId: string,
      input: Partial<{
        subject: string;
        preheader: string | null;
        intro: unknown;
        items: IssueItemRef[];
      }>
    ) {
      const issue = await find(documentId);
      if (!['draft', 'scheduled'].includes(issue.status)) throw conflict(issue, 'Bearbeiten');
      const topics = config().sections.map((section) => section.topic);
      const unknown = input.items?.find((item) => !topics.includes(item.section));
      if (unknown) {
        throw new errors.ValidationError(`Unbekannte Rubrik: ${unknown.section}`, {
          errors: [
            {
              path: ['items'],
              message: `Unbekannte Rubrik: ${unknown.section}`,
              name: 'ValidationError',
            },
          ],
        });
      }
      const { count } = await strapi.db.query(ISSUE).updateMany({
        where: { id: issue.id, status: { $in: ['draft', 'scheduled'] } },
        data: Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
      });
      if (count !== 1) throw conflict(await find(documentId), 'Bearbeiten');
      return find(documentId);
    },

    async propose(since?: Date | null) {
      const refs: IssueItemRef[] = await composer().propose(since === undefined ? {} : { since });
      const sections = await composer().sectionsFor(refs);
      return refs.map((ref) => {
        const section = sections.find((entry: { topic: string }) => entry.topic === ref.section);
        const index = refs.filter((other) => other.section === ref.section).indexOf(ref);
        return { ...ref, title: section?.items[index]?.title ?? null };
      });
    },

    /**
     * The mail as a recipient with these topics gets it; with `profile`, as a recipient whose
     * linked result matches that profile (the personalised section's choice, nothing received
     * yet).
     */
    async preview(
      documentId: string,
      {
        topics,
        format,
        profile,
      }: { topics: string[]; format: 'html' | 'text'; profile?: Record<string, string[]> }
    ) {
      const issue = await find(documentId);
      const rendering = await renderingOf(issue);
      const personalisation = config().personalisation;
      let items: string[] | null = null;
      if (profile && personalisation?.preview && rendering.personal) {
        const ranked = await personalisation.preview.rank(profile, { strapi });
        items = chooseItems({
          ranked,
          defaults: rendering.personal.defaults,
          pool: rendering.personal.pool,
          received: [],
          limit: personalisation.limit,
        });
      }
      const mail = personalise(rendering, {
        topics,
        name: 'Erika Mustermann',
        items,
        ...neutralLinks(),
      });
      return {
        subject: rendering.subject,
        format,
        body: mail ? mail[format] : null,
        topicsWithItems: rendering.topics,
        compileMs: rendering.compileMs,
        personalItems: items,
      };
    },

    /**
     * The personalised section for the issue page: whether there is one, how many recipients
     * get it (exact once the audience is fixed; before that the active, linked subscribers with
     * the topic), and the fields of the preview form.
     */
    async personalisation(documentId: string) {
      const issue = await find(documentId);
      const personalisation = config().personalisation;
      if (!personalisation) return { enabled: false };
      const section = config().sections.find((entry) => entry.topic === personalisation.topic);
      const fixed = Boolean(issue.personalisedAt);
      return {
        enabled: true,
        topic: personalisation.topic,
        section: section?.title ?? personalisation.topic,
        label: personalisation.label,
        recipients: fixed
          ? Number(issue.personalised ?? 0)
          : await getService(strapi, 'links').linkedRecipients(),
        exact: fixed,
        fields: personalisation.preview ? await personalisation.preview.fields({ strapi }) : [],
      };
    },

    /** A test mail to given addresses: "[TEST]" in the subject, no delivery rows, all topics. */
    async testSend(documentId: string, emails: string[], topics?: string[]) {
      const issue = await find(documentId);
      const rendering = await renderingOf(issue);
      const mail = personalise(rendering, {
        topics: topics ?? rendering.topics,
        name: null,
        ...neutralLinks(),
      });
      if (!mail)
        throw new errors.ValidationError('Die Ausgabe hat noch keine Beiträge für diese Themen.');
      const mailer = getService(strapi, 'mailer');
      const results = [];
      for (const email of emails) {
        try {
          await mailer.send({
            to: email,
            subject: `[TEST] ${rendering.subject}`,
            html: mail.html,
            text: mail.text,
            headers: { 'X-Newsletter-Issue': issue.documentId, 'X-Newsletter-Test': 'yes' },
          });
          results.push({ email, sent: true });
        } catch (error) {
          results.push({
            email,
            sent: false,
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return results;
    },

    async schedule(documentId: string, at: unknown, now = new Date()) {
      const when = parseScheduleAt(at, config().scheduler.timezone);
      if (!when) {
        const message =
          'Bitte geben Sie Datum und Uhrzeit im Format ISO 8601 an, z. B. 2026-12-01T08:00 (Ortszeit) oder mit Zeitzone.';
        throw new errors.ValidationError(message, {
          errors: [{ path: ['at'], message, name: 'ValidationError' }],
        });
      }
      if (when.getTime() < now.getTime() - 60_000) {
        const message = 'Der Zeitpunkt liegt in der Vergangenheit.';
        throw new errors.ValidationError(message, {
          errors: [{ path: ['at'], message, name: 'ValidationError' }],
        });
      }
      const issue = await find(documentId);
      const { count } = await strapi.db.query(ISSUE).updateMany({
        where: { id: issue.id, status: { $in: ['draft', 'scheduled'] } },
        data: { status: 'scheduled', scheduledAt: when },
      });
      if (count !== 1) throw conflict(issue, 'Planen');
      return find(documentId);
    },

    async unschedule(documentId: string) {
      const issue = await find(documentId);
      const { count } = await strapi.db.query(ISSUE).updateMany({
        where: { id: issue.id, status: 'scheduled' },
        data: { status: 'draft', scheduledAt: null },
      });
      if (count !== 1) throw conflict(issue, 'Planung aufheben');
      return find(documentId);
    },

    async send(documentId: string) {
      const issue = await find(documentId);
      if (!(await dispatcher().start(issue.id))) throw conflict(issue, 'Jetzt senden');
      return find(documentId);
    },

    async pause(documentId: string) {
      const issue = await find(documentId);
      if (!(await dispatcher().pause(issue.id))) throw conflict(issue, 'Anhalten');
      return find(documentId);
    },

    async resume(documentId: string) {
      const issue = await find(documentId);
      if (!(await dispatcher().resume(issue.id))) throw conflict(issue, 'Fortsetzen');
      return find(documentId);
    },

    async cancel(documentId: string) {
      const issue = await find(documentId);
      if (!(await dispatcher().cancel(issue.id))) throw conflict(issue, 'Abbrechen');
      return find(documentId);
    },

    async progress(documentId: string) {
      const issue = await find(documentId);
      const counts = issue.audienceAt ? await dispatcher().counts(issue.id) : null;
      return {
        status: issue.status,
        recipients: counts?.recipients ?? issue.recipients ?? 0,
        sent: counts?.sent ?? issue.sent ?? 0,
        failed: counts?.failed ?? issue.failed ?? 0,
        skipped: counts?.skipped ?? issue.skipped ?? 0,
        pending: counts?.pending ?? 0,
        scheduledAt: issue.scheduledAt,
        startedAt: issue.startedAt,
        finishedAt: issue.finishedAt,
        lastError: issue.lastError,
        pausedReason: issue.pausedReason,
      };
    },

    /** The public web version of a sent issue: all sections, no personal data. */
    async webVersion(documentId: string) {
      const issue = await find(documentId).catch(() => null);
      if (!issue || !issue.rendering || !['sending', 'sent'].includes(issue.status)) return null;
      return (
        personalise(issue.rendering, {
          topics: issue.rendering.topics,
          anonymous: true,
          ...neutralLinks(),
        })?.html ?? null
      );
    },
  };
};
