/**
 * The employees' answers: stored so that they cannot be linked to a person. A response row
 * holds the survey's public id, the answers, the scores per dimension and the day; its
 * `created_at`/`updated_at` are set to that day's midnight (UTC), so no time finer than the day
 * is kept anywhere. No IP, no cookie value, no user agent is stored. The row id still gives the
 * order in which responses arrived (never shown; the figures are means over whole groups).
 *
 * Everything of a company's checks goes with them: `deleteSurveysOf` removes their surveys and
 * every response, in one transaction.
 */
import type { Core } from '@strapi/strapi';
import type { ResponseScores } from '../lib/survey';

export const SURVEY = 'plugin::employer-check.survey';
export const SURVEY_RESPONSE = 'plugin::employer-check.survey-response';

const midnight = (day: string) => new Date(`${day}T00:00:00.000Z`);

export const surveyStore = (strapi: Core.Strapi) => ({
  async addResponse({
    surveyPublicId,
    answers,
    scores,
    day,
  }: {
    surveyPublicId: string;
    answers: Record<string, number | null>;
    scores: ResponseScores;
    day: string;
  }) {
    await strapi.db.query(SURVEY_RESPONSE).create({
      data: {
        surveyPublicId,
        answers,
        scores,
        answeredOn: day,
        createdAt: midnight(day),
        updatedAt: midnight(day),
      },
    });
  },

  /** The scores of every response of a survey, oldest first. */
  async scoresOf(surveyPublicId: string): Promise<ResponseScores[]> {
    const rows = (await strapi.db.query(SURVEY_RESPONSE).findMany({
      where: { surveyPublicId },
      select: ['id', 'scores'],
      orderBy: { id: 'asc' },
    })) as { scores: ResponseScores | null }[];
    return rows.map((row) => row.scores ?? {});
  },

  /** The scores of every response of several surveys, by survey. */
  async scoresByPublicId(publicIds: string[]): Promise<Map<string, ResponseScores[]>> {
    const byId = new Map<string, ResponseScores[]>();
    for (let start = 0; start < publicIds.length; start += 500) {
      const rows = (await strapi.db.query(SURVEY_RESPONSE).findMany({
        where: { surveyPublicId: { $in: publicIds.slice(start, start + 500) } },
        select: ['id', 'surveyPublicId', 'scores'],
        orderBy: { id: 'asc' },
      })) as { surveyPublicId: string; scores: ResponseScores | null }[];
      for (const row of rows) {
        const list = byId.get(row.surveyPublicId) ?? [];
        list.push(row.scores ?? {});
        byId.set(row.surveyPublicId, list);
      }
    }
    return byId;
  },

  /** Deletes the surveys of these checks and all of their responses. */
  async deleteSurveysOf(checkDocumentIds: string[]) {
    if (!checkDocumentIds.length) return { surveys: 0, responses: 0 };
    return strapi.db.transaction(async () => {
      let surveys = 0;
      let responses = 0;
      for (let start = 0; start < checkDocumentIds.length; start += 500) {
        const batch = checkDocumentIds.slice(start, start + 500);
        const found = (await strapi.db.query(SURVEY).findMany({
          where: { checkDocumentId: { $in: batch } },
          select: ['id', 'publicId'],
        })) as { id: number; publicId: string }[];
        if (!found.length) continue;
        responses += (
          await strapi.db.query(SURVEY_RESPONSE).deleteMany({
            where: { surveyPublicId: { $in: found.map((survey) => survey.publicId) } },
          })
        ).count;
        surveys += (
          await strapi.db
            .query(SURVEY)
            .deleteMany({ where: { id: { $in: found.map((survey) => survey.id) } } })
        ).count;
      }
      return { surveys, responses };
    });
  },
});
