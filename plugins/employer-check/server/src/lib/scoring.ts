/**
 * Scoring of one self-check. Pure: no Strapi, no I/O.
 *
 * - Answers are 1 ("trifft überhaupt nicht zu") … 5 ("trifft voll zu"), or null for
 *   "weiß nicht / keine Angabe", which does not count.
 * - Reverse-scored questions are inverted (6 − value).
 * - A dimension's score is the weighted mean mapped to 0–100: (mean − 1) / 4 × 100, rounded.
 * - A dimension with fewer than half of its applicable questions answered is not scored (null).
 * - Questions only for companies that train apprentices do not apply to the others.
 * - The total is the mean of the scored dimensions.
 */
export type Band = 'rot' | 'gelb' | 'gruen';

export interface Thresholds {
  /** below this: rot */
  red: number;
  /** from this: gruen (in between: gelb) */
  green: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { red: 50, green: 75 };

export interface ScoringQuestion {
  id: string;
  dimension: string;
  weight: number;
  reverse: boolean;
  onlyIfTrainsApprentices: boolean;
}

export interface ScoringDimension {
  key: string;
  name: string;
}

export interface DimensionResult {
  key: string;
  name: string;
  score: number | null;
  band: Band | null;
  answered: number;
  applicable: number;
}

export interface ScoreResult {
  dimensions: DimensionResult[];
  total: number | null;
  totalBand: Band | null;
  /** keys of the (up to) three strongest scored dimensions, strongest first */
  strengths: string[];
  /** keys of the (up to) three weakest scored dimensions, weakest first */
  weaknesses: string[];
}

export type Answers = Record<string, number | null | undefined>;

export const applies = (
  question: Pick<ScoringQuestion, 'onlyIfTrainsApprentices'>,
  trainsApprentices: boolean
) => !question.onlyIfTrainsApprentices || trainsApprentices;

export const bandFor = (
  score: number | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS
): Band | null => {
  if (score === null) return null;
  if (score < thresholds.red) return 'rot';
  if (score < thresholds.green) return 'gelb';
  return 'gruen';
};

export const score = (
  {
    questions,
    dimensions,
    answers,
    trainsApprentices,
  }: {
    questions: ScoringQuestion[];
    dimensions: ScoringDimension[];
    answers: Answers;
    trainsApprentices: boolean;
  },
  thresholds: Thresholds = DEFAULT_THRESHOLDS
): ScoreResult => {
  const results: DimensionResult[] = dimensions.map(({ key, name }) => {
    const applicable = questions.filter(
      (q) => q.dimension === key && applies(q, trainsApprentices)
    );
    let weightSum = 0;
    let valueSum = 0;
    let answered = 0;
    for (const question of applicable) {
      const value = answers[question.id];
      if (typeof value !== 'number') continue;
      const normalised = question.reverse ? 6 - value : value;
      weightSum += question.weight;
      valueSum += question.weight * normalised;
      answered += 1;
    }
    const scored = applicable.length > 0 && answered * 2 >= applicable.length && weightSum > 0;
    const value = scored ? Math.round(((valueSum / weightSum - 1) / 4) * 100) : null;
    return {
      key,
      name,
      score: value,
      band: bandFor(value, thresholds),
      answered,
      applicable: applicable.length,
    };
  });
  const scored = results.filter((result) => result.score !== null);
  const total = scored.length
    ? Math.round(scored.reduce((sum, result) => sum + (result.score as number), 0) / scored.length)
    : null;
  const byScore = [...scored].sort((a, b) => (b.score as number) - (a.score as number));
  return {
    dimensions: results,
    total,
    totalBand: bandFor(total, thresholds),
    strengths: byScore.slice(0, 3).map((result) => result.key),
    weaknesses: [...byScore]
      .reverse()
      .slice(0, 3)
      .map((result) => result.key),
  };
};
