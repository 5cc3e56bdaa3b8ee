import { type ScoringQuestion } from '../src/lib/scoring';
import {
  aggregateSurvey,
  GAP_TOLERANCE,
  gapsOf,
  scoreResponse,
  type ResponseScores,
} from '../src/lib/survey';
import defaultEmployeeSurvey from '../src/seed/default-employee-survey';
import defaultQuestionnaire from '../src/seed/default-questionnaire';

const q = (
  id: string,
  dimension: string,
  extra: Partial<ScoringQuestion> = {}
): ScoringQuestion => ({
  id,
  dimension,
  weight: 1,
  reverse: false,
  onlyIfTrainsApprentices: false,
  ...extra,
});

const seedQuestions = (): ScoringQuestion[] =>
  defaultEmployeeSurvey.dimensions.flatMap((dimension) =>
    dimension.questions.map((question) => ({
      id: question.key,
      dimension: dimension.key,
      weight: question.weight,
      reverse: question.reverse,
      onlyIfTrainsApprentices: question.onlyIfTrainsApprentices,
    }))
  );

describe('default employee survey', () => {
  const survey = defaultEmployeeSurvey;
  const allQuestions = survey.dimensions.flatMap((dimension) => dimension.questions);

  it('has its own version, a title and an intro that promises anonymity', () => {
    expect(survey.version).toBe('beschaeftigte-2026-1');
    expect(survey.version).not.toBe(defaultQuestionnaire.version);
    expect(survey.title).toBe('Befragung der Beschäftigten');
    expect(survey.intro).toMatch(/anonym/);
    expect(survey.intro).toMatch(/IP-Adresse/);
  });

  it('has the 8 dimensions of the self-check, in the same order, with the same names', () => {
    expect(survey.dimensions).toHaveLength(8);
    expect(
      survey.dimensions.map(({ key, name, description }) => ({ key, name, description }))
    ).toEqual(
      defaultQuestionnaire.dimensions.map(({ key, name, description }) => ({
        key,
        name,
        description,
      }))
    );
  });

  it('has 3 to 4 statements per dimension, keyed ma-<dimension>-<slug>', () => {
    for (const dimension of survey.dimensions) {
      expect(dimension.questions.length).toBeGreaterThanOrEqual(3);
      expect(dimension.questions.length).toBeLessThanOrEqual(4);
      for (const question of dimension.questions) {
        expect(question.key).toMatch(new RegExp(`^ma-${dimension.key}-[a-z0-9]+(-[a-z0-9]+)*$`));
      }
    }
  });

  it('has unique keys, not shared with the self-check', () => {
    const keys = allQuestions.map((question) => question.key);
    expect(new Set(keys).size).toBe(keys.length);
    const selfCheckKeys = new Set(
      defaultQuestionnaire.dimensions.flatMap((dimension) => dimension.questions.map((x) => x.key))
    );
    expect(keys.filter((key) => selfCheckKeys.has(key))).toEqual([]);
  });

  it('has short texts, weight 1 and few reverse or apprentice-only statements', () => {
    for (const question of allQuestions) {
      expect(question.text.trim().length).toBeGreaterThan(0);
      expect(question.text.length).toBeLessThanOrEqual(300);
      expect(typeof question.help).toBe('string');
      expect(question.weight).toBe(1);
    }
    const withReverse = survey.dimensions.filter((dimension) =>
      dimension.questions.some((question) => question.reverse)
    );
    expect(withReverse.length).toBeLessThanOrEqual(3);
    for (const dimension of withReverse) {
      expect(dimension.questions.filter((question) => question.reverse)).toHaveLength(1);
    }
    const apprenticeOnly = survey.dimensions.flatMap((dimension) =>
      dimension.questions
        .filter((question) => question.onlyIfTrainsApprentices)
        .map(() => dimension.key)
    );
    expect(apprenticeOnly.length).toBeLessThanOrEqual(1);
    for (const key of apprenticeOnly) expect(key).toBe('ausbildung');
  });

  it('can be scored: best answers give 100 in every dimension', () => {
    const questions = seedQuestions();
    const best = Object.fromEntries(
      questions.map((question) => [question.id, question.reverse ? 1 : 5])
    );
    const scores = scoreResponse(questions, survey.dimensions, best);
    expect(Object.keys(scores)).toEqual(survey.dimensions.map((dimension) => dimension.key));
    expect(Object.values(scores).every((value) => value === 100)).toBe(true);
  });
});

describe('scoreResponse', () => {
  const dimensions = [
    { key: 'a', name: 'A' },
    { key: 'b', name: 'B' },
    { key: 'c', name: 'C' },
  ];
  const questions = [
    q('a1', 'a'),
    q('a2', 'a', { reverse: true }),
    q('b1', 'b'),
    q('b2', 'b'),
    q('b3', 'b'),
    q('c1', 'c'),
    q('c2', 'c', { onlyIfTrainsApprentices: true }),
  ];

  it('scores each dimension 0–100 and inverts reverse-scored statements', () => {
    // a: 4 and reverse 2 → 4 → (4 − 1) / 4 = 75; b: 1, 3, 5 → 3 → 50; c: 5, 5 → 100
    expect(
      scoreResponse(questions, dimensions, { a1: 4, a2: 2, b1: 1, b2: 3, b3: 5, c1: 5, c2: 5 })
    ).toEqual({ a: 75, b: 50, c: 100 });
  });

  it('does not count "keine Angabe"; a dimension without enough answers is null', () => {
    expect(
      scoreResponse(questions, dimensions, { a1: null, a2: 1, b1: 5, b2: null, b3: null })
    ).toEqual({
      a: 100, // one of two answered is enough (half)
      b: null, // one of three is not
      c: null, // nothing answered
    });
  });

  it('treats values outside 1–5 as "keine Angabe"', () => {
    expect(
      scoreResponse(questions, dimensions, { a1: 0, a2: 7, b1: 2.5, b2: 5, b3: 5, c1: 1 })
    ).toEqual({ a: null, b: 100, c: 0 });
  });

  it('counts apprentice-only statements unless told the company trains no apprentices', () => {
    const answers = { c1: 5, c2: 1 };
    expect(scoreResponse(questions, dimensions, answers).c).toBe(50);
    expect(
      scoreResponse(questions, dimensions, answers, undefined, { trainsApprentices: false }).c
    ).toBe(100);
  });
});

describe('aggregateSurvey', () => {
  const dimensionKeys = ['a', 'b'];
  const responses = (...scores: Array<[number | null, number | null]>): ResponseScores[] =>
    scores.map(([a, b]) => ({ a, b }));

  it('returns nothing but the count while fewer than k responded', () => {
    expect(
      aggregateSurvey({ responses: responses([80, 20], [90, 30]), dimensionKeys, k: 5 })
    ).toEqual({ responses: 2, k: 5, available: false, missing: 3, dimensions: null });
    expect(aggregateSurvey({ responses: [], dimensionKeys, k: 5 })).toMatchObject({
      responses: 0,
      available: false,
      missing: 5,
      dimensions: null,
    });
  });

  it('shows rounded means and bands from exactly k responses', () => {
    const result = aggregateSurvey({
      responses: responses([80, 40], [75, 50], [90, 45], [70, 60], [81, 51]),
      dimensionKeys,
      k: 5,
    });
    expect(result).toEqual({
      responses: 5,
      k: 5,
      available: true,
      missing: 0,
      dimensions: [
        { key: 'a', mean: 79, band: 'gruen', answered: 5 }, // 396 / 5 = 79.2
        { key: 'b', mean: 49, band: 'rot', answered: 5 }, // 246 / 5 = 49.2
      ],
    });
  });

  it('suppresses a dimension scored in fewer than k responses', () => {
    const result = aggregateSurvey({
      responses: responses([80, 40], [75, null], [90, 45], [70, 60], [81, 51], [60, null]),
      dimensionKeys: [...dimensionKeys, 'c'],
      k: 5,
    });
    expect(result.available).toBe(true);
    expect(result.dimensions).toEqual([
      { key: 'a', mean: 76, band: 'gruen', answered: 6 }, // 456 / 6 = 76
      { key: 'b', mean: null, band: null, answered: 4 },
      { key: 'c', mean: null, band: null, answered: 0 }, // no response has it
    ]);
  });

  it('uses the given thresholds', () => {
    const result = aggregateSurvey({
      responses: responses([60, 90], [60, 90]),
      dimensionKeys,
      k: 2,
      thresholds: { red: 40, green: 95 },
    });
    expect(result.dimensions?.map((dimension) => dimension.band)).toEqual(['gelb', 'gelb']);
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => aggregateSurvey({ responses: [], dimensionKeys, k: 0 })).toThrow(RangeError);
    expect(() => aggregateSurvey({ responses: [], dimensionKeys, k: 2.5 })).toThrow(RangeError);
    expect(() => aggregateSurvey({ responses: [], dimensionKeys, k: NaN })).toThrow(RangeError);
  });
});

describe('gapsOf', () => {
  it('reads the gap against the tolerance of 10 points', () => {
    expect(GAP_TOLERANCE).toBe(10);
    const gaps = gapsOf(
      [
        { key: 'a', score: 80 },
        { key: 'b', score: 60 },
        { key: 'c', score: 50 },
        { key: 'd', score: 40 },
        { key: 'e', score: 70 },
      ],
      [
        { key: 'a', mean: 70 },
        { key: 'b', mean: 51 },
        { key: 'c', mean: 60 },
        { key: 'd', mean: 49 },
        { key: 'e', mean: 70 },
      ]
    );
    expect(gaps).toEqual([
      { key: 'a', management: 80, employees: 70, gap: 10, reading: 'management-higher' },
      { key: 'b', management: 60, employees: 51, gap: 9, reading: 'aligned' },
      { key: 'c', management: 50, employees: 60, gap: -10, reading: 'employees-higher' },
      { key: 'd', management: 40, employees: 49, gap: -9, reading: 'aligned' },
      { key: 'e', management: 70, employees: 70, gap: 0, reading: 'aligned' },
    ]);
  });

  it('has no gap where either side is unknown, and lists survey-only dimensions last', () => {
    expect(
      gapsOf(
        [
          { key: 'a', score: null },
          { key: 'b', score: 60 },
          { key: 'c', score: 60 },
        ],
        [
          { key: 'z', mean: 50 },
          { key: 'a', mean: 70 },
          { key: 'b', mean: null }, // suppressed below k
        ]
      )
    ).toEqual([
      { key: 'a', management: null, employees: 70, gap: null, reading: null },
      { key: 'b', management: 60, employees: null, gap: null, reading: null },
      { key: 'c', management: 60, employees: null, gap: null, reading: null },
      { key: 'z', management: null, employees: 50, gap: null, reading: null },
    ]);
  });

  it('has no gaps while the survey is not available', () => {
    expect(gapsOf([{ key: 'a', score: 60 }], null)).toEqual([
      { key: 'a', management: 60, employees: null, gap: null, reading: null },
    ]);
  });

  it('keeps fractional management scores readable and honours another tolerance', () => {
    expect(gapsOf([{ key: 'a', score: 61.3 }], [{ key: 'a', mean: 50 }], 12)).toEqual([
      { key: 'a', management: 61.3, employees: 50, gap: 11.3, reading: 'aligned' },
    ]);
  });
});
