/**
 * The generator of the demo self-checks (src/seed/demo/checks-data.ts): stable, within the
 * quotas that make the statistics page show figures with some groups below k, and answers the
 * plugin accepts and scores (its own validation, scoring and statistics code).
 */
import {
  demoAnswers,
  demoCheckProfiles,
  MONTH_QUOTAS,
  MUNICIPALITY_WEIGHTS,
  SECTOR_QUOTAS,
  SIZE_QUOTAS,
} from '../../src/seed/demo/checks-data';
import {
  DEMO_CHECK_COUNT,
  demoCheckToken,
  demoCheckTokens,
  tokenHash,
} from '../../src/seed/demo/markers';
import { createRandom } from '../../src/seed/demo/random';
import { defaultQuestionnaire } from '../../plugins/employer-check/server/src/seed/default-questionnaire';
import { score } from '../../plugins/employer-check/server/src/lib/scoring';
import { figures, groupBy } from '../../plugins/employer-check/server/src/lib/statistics';
import {
  hashSubmissionToken,
  looksLikeToken,
} from '../../plugins/employer-check/server/src/lib/tokens';
import { validateSubmission } from '../../plugins/employer-check/server/src/validation';
import { SECTORS, SIZE_CLASSES } from '../../plugins/employer-check/server/src/config';

const NOW = new Date('2026-05-20T10:00:00Z');
const MUNICIPALITIES = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8'];
const K = 5;

const questions = defaultQuestionnaire.dimensions.flatMap((dimension) =>
  dimension.questions.map((question) => ({
    id: question.key,
    dimension: dimension.key,
    weight: question.weight,
    reverse: question.reverse,
    onlyIfTrainsApprentices: question.onlyIfTrainsApprentices,
  }))
);
const dimensions = defaultQuestionnaire.dimensions.map(({ key, name }) => ({ key, name }));

const countBy = <T>(items: T[], key: (item: T) => string | null) => {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const value = key(item);
    if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
};

describe('demo self-checks', () => {
  const profiles = demoCheckProfiles(NOW, MUNICIPALITIES);
  const consenting = profiles.filter((profile) => profile.consentStatistics);

  it('are the same in every run', () => {
    expect(demoCheckProfiles(NOW, MUNICIPALITIES)).toEqual(profiles);
    expect(demoAnswers(profiles[5], questions)).toEqual(demoAnswers(profiles[5], questions));
    expect(createRandom('x').next()).toBe(createRandom('x').next());
  });

  it('are at least 60 with statistics consent, spread as the quotas say', () => {
    expect(profiles).toHaveLength(DEMO_CHECK_COUNT);
    expect(consenting.length).toBeGreaterThanOrEqual(60);
    expect(countBy(consenting, (p) => p.sector)).toEqual(Object.fromEntries(SECTOR_QUOTAS));
    expect(countBy(consenting, (p) => p.sizeClass)).toEqual(Object.fromEntries(SIZE_QUOTAS));
    expect(countBy(consenting, (p) => p.municipality)).toEqual(
      Object.fromEntries(MUNICIPALITIES.map((key, i) => [key, MUNICIPALITY_WEIGHTS[i]]))
    );
    const byMonth = countBy(consenting, (p) => p.completedAt.toISOString().slice(0, 7));
    expect(Object.keys(byMonth).sort()).toHaveLength(12);
    expect(Object.keys(byMonth).sort().at(-1)).toBe('2026-05');
    expect(
      Object.keys(byMonth)
        .sort()
        .map((month) => byMonth[month])
    ).toEqual([...MONTH_QUOTAS]);
    for (const profile of profiles) {
      expect(profile.completedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(profile.completedAt.getTime()).toBeGreaterThanOrEqual(Date.UTC(2025, 5, 1));
      expect(Object.keys(SECTORS)).toContain(profile.sector);
      expect(Object.keys(SIZE_CLASSES)).toContain(profile.sizeClass);
    }
  });

  it('leave checks without municipality when the app has fewer, and never invent one', () => {
    const few = demoCheckProfiles(NOW, ['only']);
    expect(new Set(few.map((profile) => profile.municipality))).toEqual(new Set(['only', null]));
    expect(demoCheckProfiles(NOW, []).every((profile) => profile.municipality === null)).toBe(true);
  });

  it('in the current month lie between its first day and now, also on the 1st at midnight', () => {
    const early = new Date('2026-06-01T00:30:00Z');
    for (const profile of demoCheckProfiles(early, MUNICIPALITIES)) {
      expect(profile.completedAt.getTime()).toBeLessThanOrEqual(early.getTime());
    }
  });

  it('answer what the plugin accepts, only training questions for training companies', () => {
    for (const profile of profiles) {
      const answers = demoAnswers(profile, questions);
      expect(() =>
        validateSubmission(
          {
            profile: {
              sector: profile.sector,
              sizeClass: profile.sizeClass,
              municipality: profile.municipality,
              trainsApprentices: profile.trainsApprentices,
            },
            answers,
            complete: true,
            consentStatistics: profile.consentStatistics,
          },
          { sectors: Object.keys(SECTORS), sizeClasses: Object.keys(SIZE_CLASSES), questions },
          false
        )
      ).not.toThrow();
      const training = questions.filter((question) => question.onlyIfTrainsApprentices);
      for (const question of training) {
        expect(question.id in answers).toBe(profile.trainsApprentices);
      }
    }
  });

  it('are scored in every dimension, in all three bands, and give statistics with groups below k', () => {
    const results = profiles.map((profile) =>
      score({
        questions,
        dimensions,
        answers: demoAnswers(profile, questions),
        trainsApprentices: profile.trainsApprentices,
      })
    );
    for (const result of results) {
      expect(result.dimensions.every((dimension) => dimension.score !== null)).toBe(true);
    }
    const bands = new Set(results.flatMap((result) => result.dimensions.map((d) => d.band)));
    expect([...bands].sort()).toEqual(['gelb', 'gruen', 'rot']);

    const rows = profiles
      .map((profile, i) => ({ profile, result: results[i] }))
      .filter(({ profile }) => profile.consentStatistics)
      .map(({ profile, result }) => ({
        sector: profile.sector,
        sizeClass: profile.sizeClass,
        municipality: profile.municipality,
        month: profile.completedAt.toISOString().slice(0, 7),
        total: result.total,
        scores: Object.fromEntries(result.dimensions.map((d) => [d.key, d.score])),
      }));
    const keys = dimensions.map((dimension) => dimension.key);
    expect(figures(rows, keys, K)).toMatchObject({ suppressed: false, count: consenting.length });
    for (const field of ['sector', 'municipality', 'month'] as const) {
      const groups = groupBy(rows, field, keys, K);
      expect(groups.some((group) => group.suppressed)).toBe(true);
      expect(groups.filter((group) => !group.suppressed).length).toBeGreaterThanOrEqual(3);
    }
    const bySector = Object.fromEntries(groupBy(rows, 'sector', keys, K).map((g) => [g.key, g]));
    expect(bySector.C).toMatchObject({ suppressed: false, count: 16 });
    expect(bySector.N).toMatchObject({ suppressed: true, count: null });
  });
});

describe('demo self-check tokens', () => {
  it('look like the plugin’s tokens, are stable and distinct, and hash as the plugin hashes', () => {
    const tokens = demoCheckTokens();
    expect(tokens).toHaveLength(DEMO_CHECK_COUNT);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every(looksLikeToken)).toBe(true);
    expect(demoCheckToken(3)).toBe(tokens[3]);
    expect(tokenHash(tokens[0])).toBe(hashSubmissionToken(tokens[0]));
  });
});
