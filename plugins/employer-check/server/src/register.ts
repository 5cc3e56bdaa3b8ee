import type { Core } from '@strapi/strapi';

const QUESTIONNAIRE = 'plugin::employer-check.questionnaire';

/** Exactly one active questionnaire: activating one deactivates the others. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (
      context.uid !== QUESTIONNAIRE ||
      (context.action !== 'create' && context.action !== 'update')
    ) {
      return result;
    }
    const data = (context.params as { data?: { active?: boolean } }).data;
    const saved = result as { id?: number; active?: boolean } | null;
    if (data?.active === true && saved?.id) {
      await strapi.db
        .query(QUESTIONNAIRE)
        .updateMany({ where: { id: { $ne: saved.id }, active: true }, data: { active: false } });
    }
    return result;
  });
};
