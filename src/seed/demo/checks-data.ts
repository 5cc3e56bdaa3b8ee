/**
 * The demo self-checks, pure and deterministic: profiles (sector, size class, municipality,
 * training company, statistics consent, completion time in the last 12 months) and answers that
 * fit each company's level. Quotas are fixed so the statistics page has figures and charts while
 * some groups stay below k = 5 on purpose ("zu wenige Teilnahmen"): the sectors M, N and P, the
 * two smallest municipalities and a few months.
 */
import { DEMO_CHECK_COUNT } from './markers';
import { createRandom, quotaList } from './random';

export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

export interface DemoCheckProfile {
  index: number;
  sector: string;
  sizeClass: SizeClass;
  /** a municipality's documentId, or null (the field is optional in the check) */
  municipality: string | null;
  trainsApprentices: boolean;
  consentStatistics: boolean;
  completedAt: Date;
  /** the company's overall level on the answer scale (1–5), for its answers */
  level: number;
}

export interface DemoQuestion {
  id: string;
  dimension: string;
  reverse: boolean;
  onlyIfTrainsApprentices: boolean;
}

/** Every 12th check gives no statistics consent: counted nowhere in the statistics. */
export const WITHOUT_CONSENT = (index: number) => index % 12 === 11;

/** Checks with statistics consent per group (66 in all). */
export const SECTOR_QUOTAS = [
  ['C', 16],
  ['G', 13],
  ['Q', 11],
  ['F', 9],
  ['I', 6],
  ['H', 5],
  ['M', 3],
  ['N', 2],
  ['P', 1],
] as const;

export const SIZE_QUOTAS = [
  ['micro', 18],
  ['small', 24],
  ['medium', 16],
  ['large', 8],
] as const;

/** Per municipality, in the order given (e.g. by name); the rest is left without one. */
export const MUNICIPALITY_WEIGHTS = [14, 13, 12, 11, 6, 5, 3, 2] as const;

/** Per month, oldest first; the last entry is the current month (UTC, as the statistics). */
export const MONTH_QUOTAS = [3, 4, 6, 7, 5, 8, 6, 7, 5, 6, 4, 5] as const;

const LEVEL_BY_SIZE: Record<SizeClass, number> = {
  micro: 2.9,
  small: 3.2,
  medium: 3.4,
  large: 3.6,
};

const TRAINING_SHARE: Record<SizeClass, number> = {
  micro: 0.5,
  small: 0.7,
  medium: 0.9,
  large: 0.95,
};

/**
 * The region's pattern over the dimensions (in the questionnaire's order), so the chart of means
 * shows strong and weak dimensions instead of eight similar bars.
 */
const DIMENSION_BIAS = [0.4, -0.8, 0.9, 0.1, -0.3, 0.6, -0.5, 0.2];

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A moment in the month `monthsAgo` months before `now`'s (UTC), never after `now`. */
export const momentInMonth = (now: Date, monthsAgo: number, fraction: number): Date => {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1);
  const end =
    monthsAgo === 0
      ? now.getTime()
      : Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo + 1, 1) - 1;
  return new Date(start + Math.floor(fraction * (end - start)));
};

/**
 * The demo checks' profiles. `municipalities`: documentIds in a stable order (the first ones
 * get the most checks); with fewer than eight, the rest of the quota goes without one.
 */
export const demoCheckProfiles = (
  now: Date,
  municipalities: string[],
  count = DEMO_CHECK_COUNT
): DemoCheckProfile[] => {
  const random = createRandom('selbstcheck-profile');
  const consenting = Array.from({ length: count }, (_, index) => index).filter(
    (index) => !WITHOUT_CONSENT(index)
  );
  const sectors = quotaList(SECTOR_QUOTAS, random);
  const sizes = quotaList(SIZE_QUOTAS, random);
  const places = quotaList(
    MUNICIPALITY_WEIGHTS.map((weight, i) => [String(i), weight] as const),
    random
  ).map((i) => municipalities[Number(i)] ?? null);
  const months = quotaList(
    MONTH_QUOTAS.map((quota, i) => [String(MONTH_QUOTAS.length - 1 - i), quota] as const),
    random
  ).map(Number);
  const position = new Map(consenting.map((index, i) => [index, i]));

  return Array.from({ length: count }, (_, index) => {
    const own = createRandom(`selbstcheck-${index}`);
    const i = position.get(index);
    // quotas hold for the checks with consent; the others are spread freely
    const sector = i !== undefined && i < sectors.length ? sectors[i] : own.pick(['C', 'G', 'Q']);
    const sizeClass = (
      i !== undefined && i < sizes.length ? sizes[i] : own.pick(['micro', 'small', 'medium'])
    ) as SizeClass;
    const municipality =
      i !== undefined && i < places.length
        ? places[i]
        : municipalities.length
          ? own.pick(municipalities)
          : null;
    const monthsAgo = i !== undefined && i < months.length ? months[i] : own.int(0, 11);
    return {
      index,
      sector,
      sizeClass,
      municipality,
      trainsApprentices: own.next() < TRAINING_SHARE[sizeClass],
      consentStatistics: i !== undefined,
      completedAt: momentInMonth(now, monthsAgo, own.next()),
      level: clamp(LEVEL_BY_SIZE[sizeClass] + own.between(-1.2, 1.2), 1.5, 4.7),
    };
  });
};

/**
 * Answers of one demo check: around the company's level, each dimension better or worse by the
 * region's pattern and the company's own, reverse-scored statements answered the other way round; at most one "keine Angabe"
 * (null) per dimension and only where it has three or more questions, so every dimension is
 * scored; questions for training companies only when the company trains.
 */
export const demoAnswers = (
  profile: Pick<DemoCheckProfile, 'index' | 'level' | 'trainsApprentices'>,
  questions: DemoQuestion[]
): Record<string, number | null> => {
  const random = createRandom(`selbstcheck-antworten-${profile.index}`);
  const applicable = questions.filter(
    (question) => profile.trainsApprentices || !question.onlyIfTrainsApprentices
  );
  const perDimension = new Map<string, number>();
  for (const question of applicable) {
    perDimension.set(question.dimension, (perDimension.get(question.dimension) ?? 0) + 1);
  }
  // each dimension a little better or worse for this company, on top of a regional pattern
  const offsets = new Map(
    [...perDimension.keys()].map((key, i) => [
      key,
      DIMENSION_BIAS[i % DIMENSION_BIAS.length] + random.between(-0.8, 0.8),
    ])
  );
  const withoutAnswer = new Set<string>();
  const answers: Record<string, number | null> = {};
  for (const question of applicable) {
    if (
      random.next() < 0.05 &&
      !withoutAnswer.has(question.dimension) &&
      (perDimension.get(question.dimension) ?? 0) >= 3
    ) {
      withoutAnswer.add(question.dimension);
      answers[question.id] = null;
      continue;
    }
    const agreement = clamp(
      Math.round(profile.level + offsets.get(question.dimension)! + random.between(-0.8, 0.8)),
      1,
      5
    );
    answers[question.id] = question.reverse ? 6 - agreement : agreement;
  }
  return answers;
};
