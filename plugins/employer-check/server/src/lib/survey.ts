/**
 * Anonymous employee survey: scoring of one response, k-anonymous aggregation over all responses
 * of a company, and the gap between the management's self-check and the employees' view.
 * Pure: no Strapi, no I/O.
 *
 * - One response is scored with the self-check's `score()`, so the same rules apply: answers
 *   1–5, null = "keine Angabe" does not count, reverse-scored items inverted, a dimension with
 *   fewer than half of its applicable questions answered is not scored (null).
 * - Aggregates are suppressed below k: while fewer than k responses exist, nothing but the count
 *   and how many are still missing is returned. Once available, a dimension scored in fewer than
 *   k responses is still suppressed (mean and band null).
 * - A gap is management − employees; within ±GAP_TOLERANCE (exclusive) both views are aligned.
 */
import {
  bandFor,
  DEFAULT_THRESHOLDS,
  score,
  type Answers,
  type Band,
  type ScoringDimension,
  type ScoringQuestion,
  type Thresholds,
} from './scoring';

/** dimension key → score 0–100 of one response, null when the dimension is not scored */
export type ResponseScores = Record<string, number | null>;

export interface ScoreResponseOptions {
  /**
   * Whether the company trains apprentices. Default true: every question of the survey applies,
   * as the employees themselves decide what they can answer. Pass false to drop questions
   * flagged `onlyIfTrainsApprentices` for a company without apprentices.
   */
  trainsApprentices?: boolean;
}

export interface SurveyDimension {
  key: string;
  /** mean score 0–100 rounded to an integer; null when fewer than k responses scored it */
  mean: number | null;
  band: Band | null;
  /** how many responses scored this dimension */
  answered: number;
}

export interface SurveyAggregate {
  /** number of responses */
  responses: number;
  k: number;
  /** true when at least k responses exist */
  available: boolean;
  /** how many more responses are needed; 0 when available */
  missing: number;
  /** null while not available: nothing below k is returned */
  dimensions: SurveyDimension[] | null;
}

export type GapReading = 'management-higher' | 'employees-higher' | 'aligned';

export interface DimensionGap {
  key: string;
  management: number | null;
  employees: number | null;
  /** management − employees; null unless both are known */
  gap: number | null;
  reading: GapReading | null;
}

/** points of difference below which the management's and the employees' views count as aligned */
export const GAP_TOLERANCE = 10;

const isAnswer = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/**
 * Scores one employee response per dimension. Anything but an integer 1–5 counts as
 * "keine Angabe".
 */
export const scoreResponse = (
  questions: ScoringQuestion[],
  dimensions: ScoringDimension[],
  answers: Answers,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  { trainsApprentices = true }: ScoreResponseOptions = {}
): ResponseScores => {
  const clean: Answers = {};
  for (const question of questions) {
    const value = answers[question.id];
    clean[question.id] = isAnswer(value) ? value : null;
  }
  const result = score({ questions, dimensions, answers: clean, trainsApprentices }, thresholds);
  return Object.fromEntries(result.dimensions.map(({ key, score: value }) => [key, value]));
};

const assertK = (k: number) => {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`k must be a positive integer, got ${k}`);
  }
};

/** Mean per dimension over all responses of a company, suppressed below k. */
export const aggregateSurvey = ({
  responses,
  dimensionKeys,
  k,
  thresholds = DEFAULT_THRESHOLDS,
}: {
  responses: ResponseScores[];
  dimensionKeys: string[];
  k: number;
  thresholds?: Thresholds;
}): SurveyAggregate => {
  assertK(k);
  const count = responses.length;
  if (count < k) {
    return { responses: count, k, available: false, missing: k - count, dimensions: null };
  }
  const dimensions = dimensionKeys.map((key): SurveyDimension => {
    const values = responses
      .map((response) => response[key])
      .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    const answered = values.length;
    if (answered < k) return { key, mean: null, band: null, answered };
    const mean = Math.round(values.reduce((sum, value) => sum + value, 0) / answered);
    return { key, mean, band: bandFor(mean, thresholds), answered };
  });
  return { responses: count, k, available: true, missing: 0, dimensions };
};

const roundTenth = (value: number) => Math.round(value * 10) / 10;

/**
 * Compares the management's self-check with the employees' view, per dimension: the
 * management's dimensions in their order, then any dimension only the survey has.
 * `employees` may be null (survey not available yet): every gap is then null.
 */
export const gapsOf = (
  management: Array<{ key: string; score: number | null }>,
  employees: Array<Pick<SurveyDimension, 'key' | 'mean'>> | null,
  tolerance: number = GAP_TOLERANCE
): DimensionGap[] => {
  const employeeMeans = new Map((employees ?? []).map(({ key, mean }) => [key, mean]));
  const managementKeys = new Set(management.map(({ key }) => key));
  const rows = [
    ...management.map(({ key, score: value }) => ({ key, management: value })),
    ...(employees ?? [])
      .filter(({ key }) => !managementKeys.has(key))
      .map(({ key }) => ({ key, management: null })),
  ];
  return rows.map(({ key, management: managementScore }): DimensionGap => {
    const employeesMean = employeeMeans.get(key) ?? null;
    if (managementScore === null || employeesMean === null) {
      return {
        key,
        management: managementScore,
        employees: employeesMean,
        gap: null,
        reading: null,
      };
    }
    const gap = roundTenth(managementScore - employeesMean);
    const reading: GapReading =
      Math.abs(gap) < tolerance ? 'aligned' : gap > 0 ? 'management-higher' : 'employees-higher';
    return { key, management: managementScore, employees: employeesMean, gap, reading };
  });
};
