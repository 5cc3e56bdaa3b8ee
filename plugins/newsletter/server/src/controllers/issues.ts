/** Admin routes for newsletter issues: thin, validate and call the `issues` service. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { NewsletterConfig } from '../config';
import { withConflicts } from '@bildungsbuero/strapi-server-kit';
import { publicIssue } from '../services/issues';
import type { IssueRow } from '../services/dispatcher';
import {
  validateCandidatesQuery,
  validateDocumentId,
  validateIssueCreate,
  validateIssueUpdate,
  validatePageQuery,
  validatePreviewQuery,
  validateTestSend,
} from '../validation';
import { getService } from '../utils/get-service';

const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body ?? {};

/** Every handler answers a ConflictError as 409 in Strapi's error body. */
const conflictsAs409 = <T extends Record<string, (ctx: Context) => Promise<void>>>(
  handlers: T
): T =>
  Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [name, withConflicts(handler)])
  ) as T;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'issues');
  const topicKeys = () =>
    (strapi.config.get('plugin::newsletter') as NewsletterConfig).topics.map((topic) => topic.key);
  const id = (ctx: Context) => validateDocumentId(ctx.params.id);
  /** The issue as the admin shows it, with its web version's public link. */
  const one = (issue: IssueRow) => ({
    data: {
      ...publicIssue(issue as IssueRow & Record<string, unknown>),
      webUrl: getService(strapi, 'composer').webUrl(issue.documentId),
    },
  });
  /** The issue, with its items' titles for the editor (`meta.items`). */
  const detailed = async (issue: IssueRow) => ({
    ...one(issue),
    meta: { items: await service().itemDetails(issue) },
  });

  return conflictsAs409({
    async settings(ctx: Context) {
      ctx.body = { data: service().settings() };
    },

    async list(ctx: Context) {
      const { page, pageSize } = validatePageQuery(ctx.query);
      const { results, pagination } = await service().list({ page, pageSize });
      ctx.body = { data: results, meta: { pagination } };
    },

    async create(ctx: Context) {
      ctx.status = 201;
      ctx.body = one(await service().create(validateIssueCreate(body(ctx))));
    },

    async findOne(ctx: Context) {
      ctx.body = await detailed(await service().find(id(ctx)));
    },

    async update(ctx: Context) {
      ctx.body = await detailed(await service().update(id(ctx), validateIssueUpdate(body(ctx))));
    },

    async candidates(ctx: Context) {
      const sections = (strapi.config.get('plugin::newsletter') as NewsletterConfig).sections.map(
        (section) => section.topic
      );
      const { section, q } = validateCandidatesQuery(ctx.query, sections);
      ctx.body = { data: await service().candidates(section, q) };
    },

    async proposal(ctx: Context) {
      const since =
        typeof ctx.query.since === 'string' && ctx.query.since
          ? new Date(ctx.query.since)
          : undefined;
      ctx.body = {
        data: await service().propose(since && !Number.isNaN(since.getTime()) ? since : undefined),
      };
    },

    async preview(ctx: Context) {
      const query = validatePreviewQuery(ctx.query, topicKeys());
      const preview = await service().preview(id(ctx), query);
      if (ctx.query.raw !== undefined) {
        ctx.type =
          query.format === 'html' ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
        ctx.body = preview.body ?? '';
        return;
      }
      ctx.body = { data: preview };
    },

    /** The personalised section of this issue: how many get it, and the preview form. */
    async personalisation(ctx: Context) {
      ctx.body = { data: await service().personalisation(id(ctx)) };
    },

    async test(ctx: Context) {
      const { emails, topics } = validateTestSend(body(ctx));
      ctx.body = { data: await service().testSend(id(ctx), emails, topics) };
    },

    async schedule(ctx: Context) {
      ctx.body = one(await service().schedule(id(ctx), (body(ctx) as { at?: unknown }).at));
    },

    async unschedule(ctx: Context) {
      ctx.body = one(await service().unschedule(id(ctx)));
    },

    async send(ctx: Context) {
      ctx.status = 202;
      ctx.body = one(await service().send(id(ctx)));
    },

    async pause(ctx: Context) {
      ctx.body = one(await service().pause(id(ctx)));
    },

    async resume(ctx: Context) {
      ctx.body = one(await service().resume(id(ctx)));
    },

    async cancel(ctx: Context) {
      ctx.body = one(await service().cancel(id(ctx)));
    },

    async progress(ctx: Context) {
      ctx.body = { data: await service().progress(id(ctx)) };
    },

    /** What the issue achieved (figures, clicks per item, bounce mailbox). */
    async report(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService(strapi, 'report').issueReport(id(ctx)) };
    },

    async reportCsv(ctx: Context) {
      const documentId = id(ctx);
      const csv = await getService(strapi, 'report').issueReportCsv(documentId);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set('Content-Disposition', `attachment; filename="newsletter-bericht-${documentId}.csv"`);
      // with a byte order mark, Excel reads the umlauts as UTF-8
      ctx.body = `\ufeff${csv}`;
    },
  });
};
