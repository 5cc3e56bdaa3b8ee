/** Questionnaire versions (pure). */
/**
 * A version name for a copy of the questionnaire: `<year>-<n>` with the next n not yet used in
 * that year (the seeded default is `2026-1`).
 */
export const suggestVersion = (existing: string[], today: Date): string => {
  const year = today.getUTCFullYear();
  const used = new Set(existing);
  let number = 1;
  for (const version of existing) {
    const match = /^(\d{4})-(\d+)$/.exec(version);
    if (match && Number(match[1]) === year) number = Math.max(number, Number(match[2]) + 1);
  }
  while (used.has(`${year}-${number}`)) number += 1;
  return `${year}-${number}`;
};

export interface SourceQuestion {
  key: string;
  text: string;
  help: string | null;
  order: number | null;
  weight: number | string | null;
  reverse: boolean | null;
  onlyIfTrainsApprentices: boolean | null;
  dimension: { documentId: string } | null;
}

/**
 * What a new version's questions are created from: the same wording, order, weights and
 * conditions, linked to the same dimensions (dimensions are shared by all versions: their key
 * is what results and statistics are grouped by).
 */
export const questionCopies = (questions: SourceQuestion[], questionnaireDocumentId: string) =>
  questions.map((question) => ({
    key: question.key,
    text: question.text,
    help: question.help ?? null,
    order: question.order ?? 0,
    weight: question.weight === null ? 1 : Number(question.weight),
    reverse: Boolean(question.reverse),
    onlyIfTrainsApprentices: Boolean(question.onlyIfTrainsApprentices),
    dimension: question.dimension?.documentId ?? null,
    questionnaire: questionnaireDocumentId,
  }));
