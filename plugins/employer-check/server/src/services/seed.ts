/**
 * The default German questionnaires, seeded when there is none of their kind (idempotent:
 * dimensions by key, a questionnaire by version): the company's self-check and the employees'
 * survey. Both use the same dimensions.
 */
import type { Core } from '@strapi/strapi';
import defaultQuestionnaire, { type DefaultQuestionnaire } from '../seed/default-questionnaire';
import defaultEmployeeSurvey from '../seed/default-employee-survey';
import { DIMENSION, QUESTION, QUESTIONNAIRE } from './questionnaire';

export const SURVEY_QUESTIONNAIRE = 'plugin::employer-check.survey-questionnaire';
export const SURVEY_QUESTION = 'plugin::employer-check.survey-question';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ensure = async (
    seed: DefaultQuestionnaire,
    { questionnaireUid, questionUid }: { questionnaireUid: string; questionUid: string }
  ) => {
    const dimensionIds = new Map<string, string>();
    for (const [index, dimension] of seed.dimensions.entries()) {
      const existing = await strapi.db.query(DIMENSION).findOne({ where: { key: dimension.key } });
      const row =
        existing ??
        (await strapi.documents(DIMENSION as never).create({
          data: {
            key: dimension.key,
            name: dimension.name,
            description: dimension.description,
            order: index + 1,
          },
        } as never));
      dimensionIds.set(dimension.key, (row as { documentId: string }).documentId);
    }
    if (await strapi.db.query(questionnaireUid as never).count()) return false;
    const questionnaire = (await strapi.documents(questionnaireUid as never).create({
      data: { title: seed.title, intro: seed.intro, version: seed.version, active: true },
    } as never)) as unknown as { documentId: string };
    let order = 0;
    for (const dimension of seed.dimensions) {
      for (const question of dimension.questions) {
        order += 1;
        await strapi.documents(questionUid as never).create({
          data: {
            key: question.key,
            text: question.text,
            help: question.help,
            weight: question.weight,
            reverse: question.reverse,
            onlyIfTrainsApprentices: question.onlyIfTrainsApprentices,
            order,
            dimension: dimensionIds.get(dimension.key),
            questionnaire: questionnaire.documentId,
          },
        } as never);
      }
    }
    strapi.log.info(
      `[employer-check] default questionnaire ${seed.version} seeded (${order} questions)`
    );
    return true;
  };

  return {
    ensureDefaultQuestionnaire: () =>
      ensure(defaultQuestionnaire, { questionnaireUid: QUESTIONNAIRE, questionUid: QUESTION }),

    ensureDefaultSurvey: () =>
      ensure(defaultEmployeeSurvey, {
        questionnaireUid: SURVEY_QUESTIONNAIRE,
        questionUid: SURVEY_QUESTION,
      }),
  };
};
