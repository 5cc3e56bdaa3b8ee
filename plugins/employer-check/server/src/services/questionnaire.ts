/** The active questionnaire with its dimensions and questions (editors edit them in the admin). */
import type { Core } from '@strapi/strapi';

export const QUESTIONNAIRE = 'plugin::employer-check.questionnaire';
export const DIMENSION = 'plugin::employer-check.dimension';
export const QUESTION = 'plugin::employer-check.question';

export interface ActiveQuestionnaire {
  version: string;
  title: string;
  intro: string | null;
  dimensions: { key: string; name: string; description: string | null; order: number }[];
  questions: {
    id: string;
    key: string;
    dimension: string;
    text: string;
    help: string | null;
    order: number;
    weight: number;
    reverse: boolean;
    onlyIfTrainsApprentices: boolean;
  }[];
}

export const SCALE = [
  { value: 1, label: 'trifft überhaupt nicht zu' },
  { value: 2, label: 'trifft eher nicht zu' },
  { value: 3, label: 'teils, teils' },
  { value: 4, label: 'trifft eher zu' },
  { value: 5, label: 'trifft voll zu' },
  { value: null, label: 'weiß nicht / keine Angabe' },
];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async active(): Promise<ActiveQuestionnaire | null> {
    const questionnaire = await strapi.db.query(QUESTIONNAIRE).findOne({ where: { active: true } });
    if (!questionnaire) return null;
    const questions = (await strapi.db.query(QUESTION).findMany({
      where: { questionnaire: questionnaire.id },
      populate: { dimension: true },
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as Record<string, unknown>[];
    const dimensionRows = new Map<
      string,
      { key: string; name: string; description: string | null; order: number }
    >();
    for (const question of questions) {
      const dimension = question.dimension as {
        key: string;
        name: string;
        description: string | null;
        order: number;
      } | null;
      if (dimension) dimensionRows.set(dimension.key, dimension);
    }
    const dimensions = [...dimensionRows.values()]
      .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
      .map(({ key, name, description, order }) => ({ key, name, description, order }));
    return {
      version: questionnaire.version,
      title: questionnaire.title,
      intro: questionnaire.intro,
      dimensions,
      questions: questions
        .filter((question) => question.dimension)
        .map((question) => ({
          id: question.documentId as string,
          key: question.key as string,
          dimension: (question.dimension as { key: string }).key,
          text: question.text as string,
          help: (question.help as string | null) ?? null,
          order: (question.order as number) ?? 0,
          weight: Number(question.weight ?? 1),
          reverse: Boolean(question.reverse),
          onlyIfTrainsApprentices: Boolean(question.onlyIfTrainsApprentices),
        })),
    };
  },
});
