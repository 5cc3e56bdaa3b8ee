/**
 * Anonymous statistics over completed submissions with consent. Pure. Any group with fewer than
 * k submissions is suppressed: its figures are never returned, only `suppressed: true`.
 */
export interface StatisticsRow {
  sector: string;
  sizeClass: string;
  municipality: string | null;
  month: string; // YYYY-MM
  total: number | null;
  scores: Record<string, number | null>;
}

export interface GroupFigures {
  /** null when suppressed: even the size of a small group is not shown */
  count: number | null;
  suppressed: boolean;
  total: number | null;
  dimensions: Record<string, number | null> | null;
}

const mean = (values: number[]) =>
  values.length
    ? Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10
    : null;

export const figures = (
  rows: StatisticsRow[],
  dimensionKeys: string[],
  k: number
): GroupFigures => {
  if (rows.length < k) return { count: null, suppressed: true, total: null, dimensions: null };
  return {
    count: rows.length,
    suppressed: false,
    total: mean(rows.map((row) => row.total).filter((value): value is number => value !== null)),
    dimensions: Object.fromEntries(
      dimensionKeys.map((key) => [
        key,
        mean(
          rows
            .map((row) => row.scores[key])
            .filter((value): value is number => typeof value === 'number')
        ),
      ])
    ),
  };
};

export const groupBy = (
  rows: StatisticsRow[],
  field: 'sector' | 'sizeClass' | 'municipality' | 'month',
  dimensionKeys: string[],
  k: number
) => {
  const groups = new Map<string, StatisticsRow[]>();
  for (const row of rows) {
    const key = row[field] ?? '';
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({ key, ...figures(members, dimensionKeys, k) }));
};
