/** Helpers for self-check integration tests. */
import { getStrapi } from './strapi';

export interface CheckQuestion {
  id: string;
  dimension: string;
  reverse: boolean;
  onlyIfTrainsApprentices: boolean;
}

/** The active questionnaire's questions (with `reverse`, which the public API does not show). */
export const activeQuestions = async (): Promise<CheckQuestion[]> =>
  (await getStrapi().plugin('employer-check').service('submissions').activeQuestionnaire())
    .questions;

/**
 * Answers that make the `weak` dimensions weak (1) and the others strong (5); reverse items
 * inverted, questions for training companies left out for others.
 */
export const weakAnswers = (
  questions: CheckQuestion[],
  weak: string[],
  { trainsApprentices = true } = {}
): Record<string, number> =>
  Object.fromEntries(
    questions
      .filter((question) => trainsApprentices || !question.onlyIfTrainsApprentices)
      .map((question) => {
        const good = weak.includes(question.dimension) ? 1 : 5;
        return [question.id, question.reverse ? 6 - good : good];
      })
  );
