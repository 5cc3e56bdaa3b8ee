import { latestPerCompany } from '../src/lib/statistics';
import { compareResults, progressOf, type CheckInSeries } from '../src/lib/progress';

const result = (total: number | null, scores: Record<string, number | null>) => ({
  total,
  dimensions: Object.entries(scores).map(([key, score]) => ({
    key,
    name: key.toUpperCase(),
    score,
    band: null,
    answered: 3,
    applicable: 3,
  })),
});

const check = (
  id: number,
  completedAt: string,
  total: number | null,
  scores: Record<string, number | null>
): CheckInSeries => ({ id, completedAt, result: result(total, scores) });

describe('compareResults', () => {
  it('gives the change per dimension with its direction, in the current order', () => {
    const previous = check(1, '2025-03-10T14:00:00Z', 55, { a: 40, b: 70, c: 60 });
    const comparison = compareResults(previous, result(61.3, { b: 65, a: 52.5, c: 60.4 }));
    expect(comparison).toEqual({
      previousCompletedOn: '2025-03-10',
      total: 61.3,
      previousTotal: 55,
      totalDelta: 6.3,
      totalDirection: 'up',
      dimensions: [
        { key: 'b', name: 'B', score: 65, previousScore: 70, delta: -5, direction: 'down' },
        { key: 'a', name: 'A', score: 52.5, previousScore: 40, delta: 12.5, direction: 'up' },
        // less than a point is no change
        { key: 'c', name: 'C', score: 60.4, previousScore: 60, delta: 0.4, direction: 'same' },
      ],
    });
  });

  it('compares only what was scored in both checks', () => {
    const previous = check(1, '2025-03-10', null, { a: null, b: 50 });
    const comparison = compareResults(previous, result(70, { a: 80, b: null, d: 90 }));
    expect(comparison.totalDelta).toBeNull();
    expect(comparison.totalDirection).toBeNull();
    expect(comparison.dimensions.map((entry) => [entry.key, entry.delta, entry.direction])).toEqual(
      [
        ['a', null, null],
        ['b', null, null],
        ['d', null, null], // a dimension the earlier questionnaire did not have
      ]
    );
  });

  it('honours a larger minimum change', () => {
    const previous = check(1, '2025-03-10', 50, { a: 50 });
    const comparison = compareResults(previous, result(53, { a: 53 }), { minChange: 5 });
    expect(comparison.dimensions[0].direction).toBe('same');
    expect(comparison.totalDirection).toBe('same');
  });
});

describe('progressOf', () => {
  const series = [
    check(7, '2026-03-01T09:00:00Z', 70, { a: 70 }),
    check(3, '2024-02-01T09:00:00Z', 50, { a: 50 }),
    check(5, '2025-02-15T23:30:00Z', 60, { a: 60 }),
  ];

  it('finds the latest earlier check and orders the trend oldest first', () => {
    const { previous, trend } = progressOf(5, series);
    expect(previous?.id).toBe(3);
    expect(trend).toEqual([
      { completedOn: '2024-02-01', current: false, total: 50, scores: { a: 50 } },
      { completedOn: '2025-02-15', current: true, total: 60, scores: { a: 60 } },
      { completedOn: '2026-03-01', current: false, total: 70, scores: { a: 70 } },
    ]);
  });

  it('has no previous check for the first one or a check alone', () => {
    expect(progressOf(3, series).previous).toBeNull();
    expect(progressOf(9, [check(9, '2026-01-01', 10, {})])).toEqual({
      previous: null,
      trend: [{ completedOn: '2026-01-01', current: true, total: 10, scores: {} }],
    });
  });

  it('orders checks of the same moment by id', () => {
    const same = [
      check(12, '2026-01-01T10:00:00Z', 2, {}),
      check(11, '2026-01-01T10:00:00Z', 1, {}),
    ];
    expect(progressOf(12, same).previous?.id).toBe(11);
  });
});

describe('latestPerCompany', () => {
  it('keeps the latest check of each company token and every check without one', () => {
    const rows = [
      { id: 1, companyKeyHash: 'a', completedAt: '2025-01-10T10:00:00Z' },
      { id: 2, companyKeyHash: null, completedAt: '2025-02-10T10:00:00Z' },
      { id: 3, companyKeyHash: 'a', completedAt: '2026-01-10T10:00:00Z' },
      { id: 4, companyKeyHash: 'b', completedAt: '2025-06-10T10:00:00Z' },
      { id: 5, companyKeyHash: null, completedAt: '2025-03-10T10:00:00Z' },
    ];
    expect(latestPerCompany(rows).map((row) => row.id)).toEqual([2, 3, 4, 5]);
    expect(latestPerCompany([])).toEqual([]);
  });
});
