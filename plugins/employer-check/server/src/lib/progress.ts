/**
 * A company's checks over time: the change of each dimension since its previous check and the
 * trend over all of its checks. Pure: no Strapi, no I/O.
 *
 * - Only dimensions scored in both checks are compared; a dimension that is new (another
 *   questionnaire version) or unscored in one of them has `delta: null`.
 * - `direction` is `up`/`down` when the score moved by at least `minChange` points (default 1),
 *   else `same`.
 * - The trend lists completed checks oldest first, with the day they were completed (no time:
 *   a day is all a company needs and all the statistics keep).
 */
import type { ScoreResult } from './scoring';

export type Direction = 'up' | 'down' | 'same';

export interface DimensionChange {
  key: string;
  name: string;
  score: number | null;
  previousScore: number | null;
  delta: number | null;
  direction: Direction | null;
}

export interface Comparison {
  previousCompletedOn: string;
  total: number | null;
  previousTotal: number | null;
  totalDelta: number | null;
  totalDirection: Direction | null;
  dimensions: DimensionChange[];
}

export interface CheckInSeries {
  /** identifies the check within the series (e.g. its row id) */
  id: number | string;
  completedAt: string | Date;
  result: Pick<ScoreResult, 'dimensions' | 'total'>;
}

export interface TrendPoint {
  completedOn: string;
  current: boolean;
  total: number | null;
  scores: Record<string, number | null>;
}

/** What a completed check's result shows of its series */
export interface Progress {
  comparison: Comparison | null;
  trend: TrendPoint[];
}

const day = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

const directionOf = (delta: number | null, minChange: number): Direction | null => {
  if (delta === null) return null;
  if (delta >= minChange) return 'up';
  if (delta <= -minChange) return 'down';
  return 'same';
};

const difference = (now: number | null, before: number | null) =>
  now === null || before === null ? null : Math.round((now - before) * 10) / 10;

/** The change from `previous` to `current`, dimension by dimension in `current`'s order. */
export const compareResults = (
  previous: CheckInSeries,
  current: Pick<ScoreResult, 'dimensions' | 'total'>,
  { minChange = 1 }: { minChange?: number } = {}
): Comparison => {
  const before = new Map(previous.result.dimensions.map((entry) => [entry.key, entry.score]));
  const totalDelta = difference(current.total, previous.result.total);
  return {
    previousCompletedOn: day(previous.completedAt),
    total: current.total,
    previousTotal: previous.result.total,
    totalDelta,
    totalDirection: directionOf(totalDelta, minChange),
    dimensions: current.dimensions.map(({ key, name, score }) => {
      const previousScore = before.get(key) ?? null;
      const delta = difference(score, previousScore);
      return { key, name, score, previousScore, delta, direction: directionOf(delta, minChange) };
    }),
  };
};

const byCompletion = (a: CheckInSeries, b: CheckInSeries) =>
  new Date(a.completedAt).getTime() - new Date(b.completedAt).getTime() ||
  String(a.id).localeCompare(String(b.id), 'en', { numeric: true });

/**
 * For one check of a series: the latest check completed before it (null for the first) and the
 * trend over every completed check of the series, oldest first.
 */
export const progressOf = (
  currentId: CheckInSeries['id'],
  series: CheckInSeries[]
): { previous: CheckInSeries | null; trend: TrendPoint[] } => {
  const ordered = [...series].sort(byCompletion);
  const position = ordered.findIndex((check) => check.id === currentId);
  return {
    previous: position > 0 ? ordered[position - 1] : null,
    trend: ordered.map((check) => ({
      completedOn: day(check.completedAt),
      current: check.id === currentId,
      total: check.result.total,
      scores: Object.fromEntries(check.result.dimensions.map((entry) => [entry.key, entry.score])),
    })),
  };
};
