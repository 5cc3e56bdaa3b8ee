/**
 * The active questionnaire with its dimensions and questions (editors edit them in the admin),
 * the state of all versions for the admin, and new versions copied from the active one.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { questionCopies, suggestVersion, type SourceQuestion } from '../lib/versions';

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

const SUBMISSION = 'plugin::employer-check.submission';

interface QuestionnaireRow {
  id: number;
  documentId: string;
  title: string;
  version: string;
  active: boolean | null;
  updatedAt: string;
}

export type QuestionnaireModel = 'questionnaire' | 'dimension' | 'question';

/**
 * A questionnaire with its dimensions (in their order) and questions (in theirs), of either
 * kind: the company's (`questionnaire`/`question`) or the employees' survey
 * (`survey-questionnaire`/`survey-question`). Questions without a dimension are left out.
 */
export const readQuestionnaire = async (
  strapi: Core.Strapi,
  uids: { questionnaire: string; question: string },
  where: Record<string, unknown>
): Promise<ActiveQuestionnaire | null> => {
  const questionnaire = await strapi.db.query(uids.questionnaire as never).findOne({ where });
  if (!questionnaire) return null;
  const questions = (await strapi.db.query(uids.question as never).findMany({
    where: { questionnaire: questionnaire.id },
    populate: { dimension: true },
    orderBy: [{ order: 'asc' }, { id: 'asc' }],
  })) as Record<string, unknown>[];
  const dimensionRows = new Map<string, ActiveQuestionnaire['dimensions'][number]>();
  for (const question of questions) {
    const dimension = question.dimension as ActiveQuestionnaire['dimensions'][number] | null;
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
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every version with its question count and its running (draft) and completed checks. */
  async status() {
    const questionnaires = (await strapi.db.query(QUESTIONNAIRE).findMany({
      select: ['id', 'documentId', 'title', 'version', 'active', 'updatedAt'],
      orderBy: [{ active: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    })) as QuestionnaireRow[];
    const submissions = strapi.db.query(SUBMISSION);
    const versions = [];
    for (const row of questionnaires) {
      const questionIds = (await strapi.db.query(QUESTION).findMany({
        where: { questionnaire: row.id },
        select: ['id'],
        populate: { dimension: { select: ['id'] } },
      })) as { id: number; dimension: { id: number } | null }[];
      versions.push({
        documentId: row.documentId,
        title: row.title,
        version: row.version,
        active: Boolean(row.active),
        updatedAt: row.updatedAt,
        questions: questionIds.length,
        dimensions: new Set(questionIds.flatMap((question) => question.dimension?.id ?? [])).size,
        drafts: await submissions.count({
          where: { questionnaireVersion: row.version, status: 'draft' },
        }),
        completed: await submissions.count({
          where: { questionnaireVersion: row.version, status: 'complete' },
        }),
      });
    }
    return {
      active: versions.find((version) => version.active) ?? null,
      versions,
      suggestedVersion: suggestVersion(
        questionnaires.map((row) => row.version),
        new Date()
      ),
    };
  },

  /**
   * Whether a questionnaire, dimension or question belongs to the active questionnaire: editing
   * it then changes what running checks are asked and how new results are scored. Dimensions are
   * shared by all versions, so a dimension counts when a question of the active version uses it.
   */
  async usage(model: QuestionnaireModel, documentId: string) {
    const active = (await strapi.db
      .query(QUESTIONNAIRE)
      .findOne({ where: { active: true } })) as QuestionnaireRow | null;
    let affectsActive = false;
    if (active) {
      if (model === 'questionnaire') affectsActive = active.documentId === documentId;
      if (model === 'question') {
        affectsActive =
          (await strapi.db
            .query(QUESTION)
            .count({ where: { documentId, questionnaire: active.id } })) > 0;
      }
      if (model === 'dimension') {
        affectsActive =
          (await strapi.db
            .query(QUESTION)
            .count({ where: { dimension: { documentId }, questionnaire: active.id } })) > 0;
      }
    }
    const drafts =
      affectsActive && active
        ? await strapi.db
            .query(SUBMISSION)
            .count({ where: { questionnaireVersion: active.version, status: 'draft' } })
        : 0;
    return {
      affectsActive,
      active: active
        ? { documentId: active.documentId, title: active.title, version: active.version }
        : null,
      drafts,
    };
  },

  /**
   * A new, inactive version: a copy of the active questionnaire with all its questions (same
   * dimensions). Editors change the copy and tick "Aktiv" when it is ready; running checks keep
   * their version until then. One transaction: no half-copied version is left behind.
   */
  async createVersion({ version, title }: { version: string; title?: string }) {
    const source = (await strapi.db.query(QUESTIONNAIRE).findOne({ where: { active: true } })) as
      (QuestionnaireRow & { intro: string | null }) | null;
    if (!source) throw new errors.NotFoundError('Es ist kein Fragebogen aktiv.');
    if (await strapi.db.query(QUESTIONNAIRE).count({ where: { version } })) {
      const message = `Die Version ${version} gibt es schon.`;
      throw new errors.ValidationError(message, {
        errors: [{ path: ['version'], message, name: 'ValidationError' }],
      });
    }
    const questions = (await strapi.db.query(QUESTION).findMany({
      where: { questionnaire: source.id },
      populate: { dimension: { select: ['documentId'] } },
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as SourceQuestion[];
    return strapi.db.transaction(async () => {
      const created = (await strapi.documents(QUESTIONNAIRE as never).create({
        data: { title: title ?? source.title, intro: source.intro, version, active: false },
      } as never)) as unknown as { documentId: string };
      for (const data of questionCopies(questions, created.documentId)) {
        await strapi.documents(QUESTION as never).create({ data } as never);
      }
      return {
        documentId: created.documentId,
        version,
        title: title ?? source.title,
        active: false,
        copiedFrom: source.version,
        questions: questions.length,
      };
    });
  },

  active: (): Promise<ActiveQuestionnaire | null> =>
    readQuestionnaire(
      strapi,
      { questionnaire: QUESTIONNAIRE, question: QUESTION },
      { active: true }
    ),
});
