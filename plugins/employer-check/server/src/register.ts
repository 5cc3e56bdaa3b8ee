import type { Core } from '@strapi/strapi';

/** The versioned questionnaires: of each kind, one is active. */
const QUESTIONNAIRES = [
  'plugin::employer-check.questionnaire',
  'plugin::employer-check.survey-questionnaire',
];

/** Exactly one active questionnaire per kind: activating one deactivates the others. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (
      !QUESTIONNAIRES.includes(context.uid) ||
      (context.action !== 'create' && context.action !== 'update')
    ) {
      return result;
    }
    const data = (context.params as { data?: { active?: boolean } }).data;
    const saved = result as { id?: number; active?: boolean } | null;
    if (data?.active === true && saved?.id) {
      await strapi.db
        .query(context.uid)
        .updateMany({ where: { id: { $ne: saved.id }, active: true }, data: { active: false } });
    }
    return result;
  });
};
