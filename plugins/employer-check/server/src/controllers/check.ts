/** Public routes for companies: thin, validate and call the `submissions` service. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EmployerCheckConfig } from '../config';
import { SCALE } from '../services/questionnaire';
import { ConflictError, withConflicts } from '@bildungsbuero/strapi-server-kit';
import type { SubmissionInput } from '../services/submissions';
import { getService } from '../utils/get-service';
import { body, checkSize } from './request';
import { validatePlan, validateSubmission } from '../validation';

/** A complete check is a few kilobytes; anything far larger is refused as bad input. */
const MAX_BODY_BYTES = 64 * 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('employer-check').service('submissions');
  const series = () => strapi.plugin('employer-check').service('series');
  const config = () => strapi.config.get('plugin::employer-check') as EmployerCheckConfig;

  const validate = async (ctx: Context, partial: boolean) => {
    checkSize(ctx, MAX_BODY_BYTES);
    const questionnaire = await service().activeQuestionnaire();
    const input = validateSubmission(
      body(ctx),
      {
        sectors: Object.keys(config().sectors),
        sizeClasses: Object.keys(config().sizeClasses),
        questions: questionnaire.questions,
      },
      partial
    );
    return input as SubmissionInput & { website?: unknown };
  };

  return {
    async questionnaire(ctx: Context) {
      const active = await service().activeQuestionnaire();
      ctx.body = {
        data: {
          ...active,
          questions: active.questions.map(
            ({ weight: _weight, reverse: _reverse, ...question }: Record<string, unknown>) =>
              question
          ),
          scale: SCALE,
          sectors: Object.entries(config().sectors).map(([key, label]) => ({ key, label })),
          sizeClasses: Object.entries(config().sizeClasses).map(([key, label]) => ({ key, label })),
        },
      };
    },

    create: withConflicts(async (ctx: Context) => {
      const input = await validate(ctx, false);
      const honeypot = typeof input.website === 'string' && input.website.trim() !== '';
      ctx.status = 201;
      ctx.body = await service().create(input, { honeypot });
    }),

    update: withConflicts(async (ctx: Context) => {
      await service().get(ctx.params.token); // 404 before 400 for unknown tokens
      const input = await validate(ctx, true);
      // The page sends the version it shows; another one means the page is out of date (as on
      // create). The update itself checks the submission's own version. Without this, a body
      // naming any version was stored (found by the hostile-input suite).
      const active = await service().activeQuestionnaire();
      if (input.questionnaireVersion && input.questionnaireVersion !== active.version) {
        throw new ConflictError(
          `Der Fragebogen wurde inzwischen aktualisiert (Version ${active.version}). Bitte laden Sie die Seite neu.`
        );
      }
      ctx.body = await service().update(ctx.params.token, input);
    }),

    async findOne(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await service().get(ctx.params.token);
    },

    async remove(ctx: Context) {
      await service().remove(ctx.params.token);
      ctx.status = 204;
    },

    /** A new check in the company's series, with the profile of a completed check. */
    recheck: withConflicts(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 201;
      ctx.body = await series().recheck(ctx.params.token);
    }),

    /** Replaces the action plan of a completed check. */
    updatePlan: withConflicts(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      await service().get(ctx.params.token); // 404 before 400 for unknown tokens
      checkSize(ctx, MAX_BODY_BYTES);
      const { measures } = await validatePlan(body(ctx));
      ctx.body = await getService(strapi, 'plan').update(ctx.params.token, measures);
    }),

    /** Deletes every check of a company, by its company token. */
    async removeCompany(ctx: Context) {
      await series().removeCompany(ctx.params.companyToken);
      ctx.status = 204;
    },

    report: withConflicts(async (ctx: Context) => {
      const pdf = await service().report(ctx.params.token);
      ctx.type = 'application/pdf';
      ctx.set(
        'Content-Disposition',
        'attachment; filename="selbstcheck-arbeitgeberattraktivitaet.pdf"'
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.body = pdf;
    }),
  };
};
