import { recommend, type TipCandidate } from '../src/lib/recommend';
import { bandFor, score, type ScoringQuestion } from '../src/lib/scoring';
import { figures, groupBy } from '../src/lib/statistics';
import { createSubmissionToken, hashSubmissionToken, looksLikeToken } from '../src/lib/tokens';

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

const dimensions = [
  { key: 'a', name: 'A' },
  { key: 'b', name: 'B' },
  { key: 'c', name: 'C' },
];

describe('score', () => {
  const questions = [
    q('a1', 'a'),
    q('a2', 'a', { reverse: true }),
    q('a3', 'a', { weight: 2 }),
    q('b1', 'b'),
    q('b2', 'b'),
    q('b3', 'b'),
    q('b4', 'b', { onlyIfTrainsApprentices: true }),
    q('c1', 'c', { onlyIfTrainsApprentices: true }),
  ];

  it('maps the weighted mean to 0–100 and inverts reverse-scored items', () => {
    // a: values 5, reverse 1 → 5, weight-2 item 3 → (5 + 5 + 2·3) / 4 = 4 → 75
    const result = score({
      questions,
      dimensions,
      answers: { a1: 5, a2: 1, a3: 3 },
      trainsApprentices: false,
    });
    expect(result.dimensions[0]).toMatchObject({
      key: 'a',
      score: 75,
      band: 'gruen',
      answered: 3,
      applicable: 3,
    });
  });

  it('"keine Angabe" (null) does not count; fewer than half answered → not scored', () => {
    const partly = score({
      questions,
      dimensions,
      answers: { b1: 1, b2: null, b3: null },
      trainsApprentices: false,
    });
    // 1 of 3 applicable answered (b4 does not apply) → not scored
    expect(partly.dimensions[1]).toMatchObject({
      score: null,
      band: null,
      answered: 1,
      applicable: 3,
    });
    const half = score({
      questions,
      dimensions,
      answers: { b1: 1, b2: 3, b3: null },
      trainsApprentices: true,
    });
    // trains apprentices: 4 applicable, 2 answered = half → scored: mean 2 → 25
    expect(half.dimensions[1]).toMatchObject({
      score: 25,
      band: 'rot',
      answered: 2,
      applicable: 4,
    });
  });

  it('conditional questions apply only to companies that train apprentices', () => {
    const without = score({ questions, dimensions, answers: { c1: 5 }, trainsApprentices: false });
    expect(without.dimensions[2]).toMatchObject({ applicable: 0, score: null });
    const withApprentices = score({
      questions,
      dimensions,
      answers: { c1: 5 },
      trainsApprentices: true,
    });
    expect(withApprentices.dimensions[2]).toMatchObject({ applicable: 1, score: 100 });
  });

  it('total is the mean of scored dimensions; strengths and weaknesses are ordered', () => {
    const result = score({
      questions,
      dimensions,
      answers: { a1: 5, a2: 1, a3: 5, b1: 2, b2: 2, b3: 2, b4: 2, c1: 4 },
      trainsApprentices: true,
    });
    expect(result.dimensions.map((d) => d.score)).toEqual([100, 25, 75]);
    expect(result.total).toBe(67);
    expect(result.totalBand).toBe('gelb');
    expect(result.strengths).toEqual(['a', 'c', 'b']);
    expect(result.weaknesses).toEqual(['b', 'c', 'a']);
    expect(
      score({ questions, dimensions, answers: {}, trainsApprentices: false }).total
    ).toBeNull();
  });

  it('bands follow the (configurable) thresholds', () => {
    expect([0, 49, 50, 74, 75, 100].map((value) => bandFor(value))).toEqual([
      'rot',
      'rot',
      'gelb',
      'gelb',
      'gruen',
      'gruen',
    ]);
    expect(bandFor(60, { red: 40, green: 60 })).toBe('gruen');
    expect(bandFor(null)).toBeNull();
  });
});

describe('recommend', () => {
  const tip = (id: string, extra: Partial<TipCandidate>): TipCandidate => ({
    id,
    title: id,
    summary: '',
    effort: 'mittel',
    dimensions: ['b'],
    bands: [],
    sizeClasses: [],
    ...extra,
  });
  const result = {
    dimensions: [
      { key: 'a', name: 'A', score: 90, band: 'gruen' as const, answered: 1, applicable: 1 },
      { key: 'b', name: 'B', score: 20, band: 'rot' as const, answered: 1, applicable: 1 },
      { key: 'c', name: 'C', score: 60, band: 'gelb' as const, answered: 1, applicable: 1 },
    ],
    weaknesses: ['b', 'c'],
  };

  it('follows dimension, band and size; low effort first, then the weakest field', () => {
    const tips = [
      tip('hard-b', { effort: 'hoch' }),
      tip('easy-c', { effort: 'gering', dimensions: ['c'] }),
      tip('easy-b', { effort: 'gering' }),
      tip('only-strong', { dimensions: ['a'] }),
      tip('green-band-only', { bands: ['gruen'] }),
      tip('big-firms', { sizeClasses: ['large'] }),
      tip('small-firms', { sizeClasses: ['small'], effort: 'mittel' }),
    ];
    expect(recommend(tips, result, 'small').map((t) => t.id)).toEqual([
      'easy-b',
      'easy-c',
      'small-firms',
      'hard-b',
    ]);
    expect(recommend(tips, result, 'small', 2).map((t) => t.dimension)).toEqual(['b', 'c']);
  });
});

describe('statistics and tokens', () => {
  const row = (total: number) => ({
    sector: 'C',
    sizeClass: 'small',
    municipality: null,
    month: '2026-11',
    total,
    scores: { a: total },
  });

  it('suppresses groups smaller than k, count included', () => {
    expect(figures([row(50), row(70)], ['a'], 3)).toEqual({
      count: null,
      suppressed: true,
      total: null,
      dimensions: null,
    });
    expect(figures([row(50), row(70), row(90)], ['a'], 3)).toEqual({
      count: 3,
      suppressed: false,
      total: 70,
      dimensions: { a: 70 },
    });
    const groups = groupBy(
      [
        row(50),
        row(70),
        row(90),
        ...[10, 20, 30].map((total) => ({ ...row(total), sector: 'F' })),
        { ...row(10), sector: 'G' },
        { ...row(10), sector: 'H' },
      ],
      'sector',
      ['a'],
      3
    );
    // G and H are below k; hidden together they are 2 < k, so one more shown group goes too
    // (the smallest; C and F are equal, the first by key)
    expect(groups.map((group) => [group.key, group.suppressed, group.total])).toEqual([
      ['C', true, null],
      ['F', false, 20],
      ['G', true, null],
      ['H', true, null],
    ]);
  });

  it('tokens have 192 random bits and are stored as SHA-256 hashes', () => {
    const token = createSubmissionToken();
    expect(looksLikeToken(token)).toBe(true);
    expect(Buffer.from(token, 'base64url')).toHaveLength(24);
    expect(hashSubmissionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(createSubmissionToken()).not.toBe(token);
    expect(looksLikeToken('short')).toBe(false);
  });
});
