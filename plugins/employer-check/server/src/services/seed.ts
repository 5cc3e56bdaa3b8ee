/**
 * The default German questionnaire, seeded when there is none (idempotent: dimensions by key,
 * the questionnaire by version).
 */
import type { Core } from '@strapi/strapi';
import defaultQuestionnaire from '../seed/default-questionnaire';
import { DIMENSION, QUESTION, QUESTIONNAIRE } from './questionnaire';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureDefaultQuestionnaire() {
    const dimensionIds = new Map<string, string>();
    for (const [index, dimension] of defaultQuestionnaire.dimensions.entries()) {
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
    if (await strapi.db.query(QUESTIONNAIRE).count()) return false;
    const questionnaire = (await strapi.documents(QUESTIONNAIRE as never).create({
      data: {
        title: defaultQuestionnaire.title,
        intro: defaultQuestionnaire.intro,
        version: defaultQuestionnaire.version,
        active: true,
      },
    } as never)) as unknown as { documentId: string };
    let order = 0;
    for (const dimension of defaultQuestionnaire.dimensions) {
      for (const question of dimension.questions) {
        order += 1;
        await strapi.documents(QUESTION as never).create({
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
      `[employer-check] default questionnaire ${defaultQuestionnaire.version} seeded (${order} questions)`
    );
    return true;
  },
});
