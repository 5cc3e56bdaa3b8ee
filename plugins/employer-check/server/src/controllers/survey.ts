/**
 * Public routes of the employee survey: the company starts it from its check, employees read
 * the questionnaire and answer once per device, whoever holds the management token sees the
 * state and closes it. Thin: validate, call the `surveys` service.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { ConflictError, withConflicts } from '@bildungsbuero/strapi-server-kit';
import { getService } from '../utils/get-service';
import { validateSurveyResponse, validateSurveyStart } from '../validation';
import { body, checkSize } from './request';

/** An employee's answers are a few kilobytes. */
const MAX_BODY_BYTES = 32 * 1024;

/**
 * The signed cookie that marks "this browser has answered this survey". It holds no id of the
 * person, only a constant, signed with the app keys (a forged one is ignored). Without a path
 * attribute the browser sends it back only below this survey's own route, also behind a proxy
 * that publishes the API under a prefix.
 */
const answeredCookie = (surveyId: string) => `ec_answered_${surveyId}`;

const cookieMaxAge = (endsOn: string) =>
  Math.max(86_400_000, Date.parse(`${endsOn}T23:59:59Z`) + 86_400_000 - Date.now());

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const surveys = () => getService(strapi, 'surveys');

  return {
    /** Starts the employee survey of a completed check. */
    create: withConflicts(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      await getService(strapi, 'submissions').get(ctx.params.token); // 404 before 400
      checkSize(ctx, MAX_BODY_BYTES);
      const { endsOn } = await validateSurveyStart(body(ctx));
      ctx.status = 201;
      ctx.body = await surveys().create(ctx.params.token, { endsOn });
    }),

    async questionnaire(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await surveys().questionnaireFor(ctx.params.surveyId) };
    },

    respond: withConflicts(async (ctx: Context) => {
      ctx.set('Cache-Control', 'no-store');
      checkSize(ctx, MAX_BODY_BYTES);
      const surveyId = String(ctx.params.surveyId);
      const found = await surveys().answerableQuestions(surveyId);
      if (!found) {
        const message = 'Diese Befragung gibt es nicht (mehr).';
        throw new errors.ValidationError(message, {
          errors: [{ path: ['surveyId'], message, name: 'ValidationError' }],
        });
      }
      const input = await validateSurveyResponse(
        body(ctx),
        found.questionnaire.questions.map((question) => question.id)
      );
      const cookie = answeredCookie(found.survey.publicId);
      if (ctx.cookies.get(cookie, { signed: true })) {
        throw new ConflictError(
          'Von diesem Gerät aus wurde die Befragung schon beantwortet. Vielen Dank!'
        );
      }
      const honeypot = typeof input.website === 'string' && input.website.trim() !== '';
      const answered = honeypot
        ? { surveyId: found.survey.publicId, endsOn: found.survey.endsOn }
        : await surveys().respond(surveyId, input.answers);
      ctx.cookies.set(cookie, '1', {
        signed: true,
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.request.secure,
        maxAge: cookieMaxAge(answered.endsOn),
        path: undefined as unknown as string,
        overwrite: true,
      });
      ctx.status = 201;
      ctx.body = { surveyId: answered.surveyId, received: true };
    }),

    async manage(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await surveys().manage(ctx.params.manageToken);
    },

    async close(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await surveys().close(ctx.params.manageToken);
    },
  };
};
