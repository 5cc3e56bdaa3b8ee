/**
 * The anonymous employee survey of a completed check.
 *
 * - The company starts it from its check (check token) and gets the survey's public id (the
 *   link it passes to its staff) and a management token (192 random bits, only its hash is
 *   stored) that shows the survey's state and figures and closes it, without opening the check.
 * - Employees answer the active survey questionnaire of the day the survey started (its
 *   version stays with the survey). No login, no name, no e-mail, no IP; the day only.
 * - Figures are given per dimension only, and only from `survey.k` responses on. They are
 *   computed over the first ⌊n / k⌋ · k responses, so they change in steps of k responses: two
 *   snapshots taken around a single new response cannot single out that response.
 * - One check has at most one survey. A survey ends at the end of its end date or when closed.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { atomically, ConflictError } from '@bildungsbuero/strapi-server-kit';
import type { EmployerCheckConfig } from '../config';
import { addDays, officeToday } from '../lib/days';
import type { DimensionResult } from '../lib/scoring';
import {
  aggregateSurvey,
  gapsOf,
  scoreResponse,
  type ResponseScores,
  type SurveyAggregate,
} from '../lib/survey';
import { createSubmissionToken, hashSubmissionToken, looksLikeToken } from '../lib/tokens';
import { SURVEY, surveyStore } from '../queries/survey-store';
import { SURVEY_QUESTION, SURVEY_QUESTIONNAIRE } from './seed';
import { readQuestionnaire, SCALE, type ActiveQuestionnaire } from './questionnaire';
import { notFound, SUBMISSION } from './submissions';

export interface SurveyRow {
  id: number;
  publicId: string;
  checkDocumentId: string;
  questionnaireVersion: string;
  endsOn: string;
  closedOn: string | null;
}

/** A survey questionnaire has the shape of the company's (services/questionnaire.ts). */
export type SurveyQuestionnaire = ActiveQuestionnaire;

/** A survey's public id: 128 random bits, URL-safe (22 characters). */
const createPublicId = () => crypto.randomBytes(16).toString('base64url');
export const looksLikeSurveyId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: [path], message, name: 'ValidationError' }],
  });

const surveyNotFound = () => new errors.NotFoundError('Diese Befragung gibt es nicht (mehr).');

export const isOpen = (survey: Pick<SurveyRow, 'endsOn' | 'closedOn'>, today = officeToday()) =>
  !survey.closedOn && today <= survey.endsOn;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::employer-check') as EmployerCheckConfig;
  const store = surveyStore(strapi);
  const surveys = () => strapi.db.query(SURVEY);
  const submissions = () => strapi.plugin('employer-check').service('submissions');

  const linkOf = (publicId: string) => config().survey.link?.(publicId) ?? null;

  const byPublicId = async (surveyId: unknown): Promise<SurveyRow | null> =>
    looksLikeSurveyId(surveyId)
      ? ((await surveys().findOne({ where: { publicId: surveyId } })) as SurveyRow | null)
      : null;

  const byManageToken = async (manageToken: unknown): Promise<SurveyRow> => {
    if (!looksLikeToken(manageToken)) throw surveyNotFound();
    const survey = (await surveys().findOne({
      where: { manageKeyHash: hashSubmissionToken(manageToken) },
    })) as SurveyRow | null;
    if (!survey) throw surveyNotFound();
    return survey;
  };

  const checkOf = async (survey: SurveyRow) =>
    (await strapi.db.query(SUBMISSION).findOne({
      where: { documentId: survey.checkDocumentId },
      select: ['id', 'documentId', 'trainsApprentices', 'result'],
    })) as {
      id: number;
      trainsApprentices: boolean;
      result: { dimensions: DimensionResult[] } | null;
    } | null;

  /** A survey questionnaire by version, or the active one; only the questions that apply. */
  const questionnaire = async (
    version: string | null,
    trainsApprentices = true
  ): Promise<SurveyQuestionnaire | null> => {
    const found = await readQuestionnaire(
      strapi,
      { questionnaire: SURVEY_QUESTIONNAIRE, question: SURVEY_QUESTION },
      version ? { version } : { active: true }
    );
    if (!found) return null;
    const questions = found.questions.filter(
      (question) => trainsApprentices || !question.onlyIfTrainsApprentices
    );
    const asked = new Set(questions.map((question) => question.dimension));
    return {
      ...found,
      dimensions: found.dimensions.filter((dimension) => asked.has(dimension.key)),
      questions,
    };
  };

  /** Figures as far as k allows: the count always, per dimension only from k responses on. */
  const aggregate = (scores: ResponseScores[], dimensionKeys: string[]): SurveyAggregate => {
    const { k } = config().survey;
    const counted = scores.slice(0, Math.floor(scores.length / k) * k);
    const result = aggregateSurvey({
      responses: counted,
      dimensionKeys,
      k,
      thresholds: config().thresholds,
    });
    return {
      ...result,
      responses: scores.length,
      missing: Math.max(0, k - scores.length),
    };
  };

  /** The survey's state and the employees' figures next to the company's own, per dimension. */
  const view = async (survey: SurveyRow, management?: { dimensions: DimensionResult[] } | null) => {
    const check = management === undefined ? await checkOf(survey) : null;
    const own = management ?? check?.result ?? null;
    const dimensions = own?.dimensions ?? [];
    const figures = aggregate(
      await store.scoresOf(survey.publicId),
      dimensions.map((dimension) => dimension.key)
    );
    const gaps = gapsOf(
      dimensions.map(({ key, score }) => ({ key, score })),
      figures.dimensions
    );
    return {
      surveyId: survey.publicId,
      link: linkOf(survey.publicId),
      endsOn: survey.endsOn,
      closedOn: survey.closedOn,
      open: isOpen(survey),
      responses: figures.responses,
      k: figures.k,
      available: figures.available,
      missing: figures.missing,
      dimensions: figures.available
        ? dimensions.map((dimension) => {
            const employees = figures.dimensions!.find((entry) => entry.key === dimension.key);
            const gap = gaps.find((entry) => entry.key === dimension.key);
            return {
              key: dimension.key,
              name: dimension.name,
              management: dimension.score,
              employees: employees?.mean ?? null,
              band: employees?.band ?? null,
              answered: employees?.answered ?? 0,
              gap: gap?.gap ?? null,
              reading: gap?.reading ?? null,
            };
          })
        : null,
    };
  };

  return {
    /** Starts the employee survey of the completed check `token` opens. */
    async create(token: unknown, { endsOn }: { endsOn?: string | null }) {
      const check = await submissions().get(token); // 404 for unknown tokens
      if (check.status !== 'complete') {
        throw new ConflictError(
          'Eine Befragung kann beginnen, sobald der Check abgeschlossen ist.'
        );
      }
      const today = officeToday();
      const { defaultDays, maxDays } = config().survey;
      const end = endsOn ?? addDays(today, defaultDays);
      if (end < today) throw fieldError('endsOn', 'Das Enddatum liegt in der Vergangenheit.');
      if (end > addDays(today, maxDays))
        throw fieldError('endsOn', `Eine Befragung läuft höchstens ${maxDays} Tage.`);
      const active = await questionnaire(null);
      if (!active || !active.questions.length)
        throw new ConflictError('Für die Befragung ist derzeit kein Fragebogen aktiv.');
      const publicId = createPublicId();
      const manageToken = createSubmissionToken();
      const created = await atomically(strapi, async () => {
        const row = (await strapi.db.query(SUBMISSION).findOne({
          where: { tokenHash: hashSubmissionToken(token as string) },
          select: ['id', 'documentId', 'result'],
        })) as { documentId: string; result: { dimensions: DimensionResult[] } } | null;
        if (!row) throw notFound();
        if (await surveys().count({ where: { checkDocumentId: row.documentId } }))
          throw new ConflictError(
            'Zu diesem Check gibt es schon eine Befragung der Beschäftigten.'
          );
        const survey = (await surveys().create({
          data: {
            publicId,
            manageKeyHash: hashSubmissionToken(manageToken),
            checkDocumentId: row.documentId,
            questionnaireVersion: active.version,
            endsOn: end,
            closedOn: null,
          },
        })) as SurveyRow;
        return { survey, result: row.result };
      });
      return { ...(await view(created.survey, created.result)), manageToken };
    },

    /** The survey of a check, for its result (null when it has none). */
    async forCheck(checkDocumentId: string, result: { dimensions: DimensionResult[] }) {
      const survey = (await surveys().findOne({ where: { checkDocumentId } })) as SurveyRow | null;
      return survey ? view(survey, result) : null;
    },

    /** What employees see: the questionnaire, or 404 for an unknown survey. */
    async questionnaireFor(surveyId: unknown) {
      const survey = await byPublicId(surveyId);
      if (!survey) throw surveyNotFound();
      const check = await checkOf(survey);
      const found = await questionnaire(
        survey.questionnaireVersion,
        check?.trainsApprentices ?? true
      );
      if (!check || !found) throw surveyNotFound();
      return {
        surveyId: survey.publicId,
        open: isOpen(survey),
        endsOn: survey.endsOn,
        // the company sees figures from k answers on
        k: config().survey.k,
        version: found.version,
        title: found.title,
        intro: found.intro,
        dimensions: found.dimensions,
        questions: found.questions.map(({ id, key, dimension, text, help, order }) => ({
          id,
          key,
          dimension,
          text,
          help,
          order,
        })),
        scale: SCALE,
      };
    },

    /** The questions an answer may name (for the controller's validation); null: no survey. */
    async answerableQuestions(surveyId: unknown) {
      const survey = await byPublicId(surveyId);
      if (!survey) return null;
      const check = await checkOf(survey);
      const found = await questionnaire(
        survey.questionnaireVersion,
        check?.trainsApprentices ?? true
      );
      return found ? { survey, questionnaire: found } : null;
    },

    /** One employee's answers; refused (400 naming `surveyId`) for an unknown or ended survey. */
    async respond(surveyId: unknown, answers: Record<string, number | null>) {
      const found = await this.answerableQuestions(surveyId);
      if (!found) throw fieldError('surveyId', 'Diese Befragung gibt es nicht (mehr).');
      const { survey, questionnaire: asked } = found;
      if (!isOpen(survey)) throw fieldError('surveyId', 'Diese Befragung ist beendet.');
      const check = await checkOf(survey);
      const scores = scoreResponse(
        asked.questions,
        asked.dimensions.map(({ key, name }) => ({ key, name })),
        answers,
        config().thresholds,
        { trainsApprentices: check?.trainsApprentices ?? true }
      );
      await store.addResponse({
        surveyPublicId: survey.publicId,
        answers,
        scores,
        day: officeToday(),
      });
      return { surveyId: survey.publicId, endsOn: survey.endsOn };
    },

    /** The survey's state and figures, by its management token. */
    async manage(manageToken: unknown) {
      return view(await byManageToken(manageToken));
    },

    /** Ends the survey today; answers after that are refused. Closing twice changes nothing. */
    async close(manageToken: unknown) {
      const survey = await byManageToken(manageToken);
      if (!survey.closedOn) {
        await surveys().update({ where: { id: survey.id }, data: { closedOn: officeToday() } });
      }
      return view((await byManageToken(manageToken)) as SurveyRow);
    },

    deleteForChecks: (checkDocumentIds: string[]) => store.deleteSurveysOf(checkDocumentIds),

    /**
     * The employees' view for the office's statistics: over the surveys of these checks that
     * reached k responses, the mean per dimension (each survey weighs the same); null per
     * dimension unless at least `k` companies contribute (the statistics' own k).
     */
    async statistics(checkDocumentIds: string[], dimensionKeys: string[], companiesK: number) {
      const found: SurveyRow[] = [];
      for (let start = 0; start < checkDocumentIds.length; start += 500) {
        found.push(
          ...((await surveys().findMany({
            where: { checkDocumentId: { $in: checkDocumentIds.slice(start, start + 500) } },
            select: ['id', 'publicId'],
          })) as SurveyRow[])
        );
      }
      const scores = await store.scoresByPublicId(found.map((survey) => survey.publicId));
      const means = found
        .map((survey) => aggregate(scores.get(survey.publicId) ?? [], dimensionKeys))
        .filter((figures) => figures.available);
      const dimensions = Object.fromEntries(
        dimensionKeys.map((key) => {
          const values = means
            .map((figures) => figures.dimensions?.find((entry) => entry.key === key)?.mean)
            .filter((value): value is number => typeof value === 'number');
          return [
            key,
            values.length >= companiesK
              ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) /
                10
              : null,
          ];
        })
      );
      const suppressed = means.length < companiesK;
      // like a suppressed group: not even the number of companies is shown
      return {
        companies: suppressed ? null : means.length,
        responses: suppressed ? null : means.reduce((sum, figures) => sum + figures.responses, 0),
        suppressed,
        dimensions: suppressed ? null : dimensions,
      };
    },
  };
};
