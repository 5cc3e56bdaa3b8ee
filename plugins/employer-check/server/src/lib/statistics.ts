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

const SUPPRESSED: Omit<GroupFigures, never> = {
  count: null,
  suppressed: true,
  total: null,
  dimensions: null,
};

/**
 * Figures per value of `field`, every group below k suppressed. Complementary suppression: the
 * overall figures minus the shown groups must not reveal the hidden ones, so while the rows not
 * shown (small groups and rows without a value) number 1 to k-1, the smallest shown group is
 * hidden too. What stays hidden is then either nothing or at least k submissions together.
 */
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
  const shown = new Set(
    [...groups].filter(([, members]) => members.length >= k).map(([key]) => key)
  );
  let hidden = rows.length - [...shown].reduce((sum, key) => sum + groups.get(key)!.length, 0);
  while (hidden > 0 && hidden < k && shown.size > 0) {
    const smallest = [...shown].sort(
      (a, b) => groups.get(a)!.length - groups.get(b)!.length || a.localeCompare(b)
    )[0];
    shown.delete(smallest);
    hidden += groups.get(smallest)!.length;
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({
      key,
      ...(shown.has(key) ? figures(members, dimensionKeys, k) : SUPPRESSED),
    }));
};

export type GroupedFigures = ReturnType<typeof groupBy>;

/** Every month from `first` to `last` inclusive (both YYYY-MM); empty when first > last. */
export const monthsBetween = (first: string, last: string): string[] => {
  const parse = (month: string) => {
    const [year, number] = month.split('-').map(Number);
    return year * 12 + (number - 1);
  };
  const months: string[] = [];
  for (let index = parse(first); index <= parse(last); index += 1) {
    const year = Math.floor(index / 12);
    months.push(`${year}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
};

/**
 * The monthly trend without gaps: a month with no submissions is a group of zero and therefore
 * suppressed like any other group below k (its emptiness is not shown either).
 */
export const fillMonths = (byMonth: GroupedFigures, dimensionKeys: string[], k: number) => {
  if (!byMonth.length) return byMonth;
  const known = new Map(byMonth.map((group) => [group.key, group]));
  return monthsBetween(byMonth[0].key, byMonth[byMonth.length - 1].key).map(
    (month) => known.get(month) ?? { key: month, ...figures([], dimensionKeys, k) }
  );
};

/** `{ key: label }` from the config as the list the admin's selects show. */
export const optionList = (labels: Record<string, string>) =>
  Object.entries(labels).map(([key, label]) => ({ key, label }));

export interface StatisticsTableInput {
  dimensions: { key: string }[];
  overall: GroupFigures;
  groups: {
    field: 'sector' | 'sizeClass' | 'municipality' | 'month';
    figures: GroupedFigures;
    labels: Record<string, string>;
  }[];
  /** the employees' view: companies whose survey reached k answers, means per dimension */
  employees?: {
    companies: number | null;
    suppressed: boolean;
    dimensions: Record<string, number | null> | null;
  } | null;
}

/** The note a suppressed group carries in the export instead of figures. */
export const SUPPRESSED_NOTE = 'zu wenige Teilnahmen';

/**
 * The export as a table of the same aggregated, suppressed figures the admin page shows (one
 * line overall, one per group) — never one line per submission, which in a small county could
 * identify a company by its sector, size, municipality and month.
 */
export const statisticsTable = ({
  dimensions,
  overall,
  groups,
  employees = null,
}: StatisticsTableInput) => {
  const keys = dimensions.map((dimension) => dimension.key);
  const line = (group: string, key: string, label: string, figures: GroupFigures) => [
    group,
    key,
    label,
    figures.suppressed ? null : figures.count,
    figures.suppressed ? null : figures.total,
    ...keys.map((dimension) =>
      figures.suppressed ? null : (figures.dimensions?.[dimension] ?? null)
    ),
    figures.suppressed ? SUPPRESSED_NOTE : null,
  ];
  return {
    columns: ['group', 'key', 'label', 'count', 'total', ...keys, 'note'],
    rows: [
      line('overall', '', 'Alle', overall),
      ...groups.flatMap(({ field, figures, labels }) =>
        figures.map((figures) =>
          line(field, figures.key, labels[figures.key] ?? figures.key, figures)
        )
      ),
      // one line with the employees' view over all companies (count = companies)
      ...(employees
        ? [
            line('employees', '', 'Sicht der Beschäftigten', {
              count: employees.companies,
              total: null,
              suppressed: employees.suppressed,
              dimensions: employees.dimensions ?? {},
            }),
          ]
        : []),
    ],
  };
};

/**
 * One row per company: of the checks linked by a company token (re-checks) only the latest
 * completed one counts, so k counts companies, not checks. Checks without a token stand alone.
 */
export const latestPerCompany = <
  T extends { companyKeyHash?: string | null; completedAt?: string | Date | null },
>(
  rows: T[]
): T[] => {
  const latest = new Map<string, T>();
  const alone: T[] = [];
  const time = (row: T) => (row.completedAt ? new Date(row.completedAt).getTime() : 0);
  for (const row of rows) {
    if (!row.companyKeyHash) {
      alone.push(row);
      continue;
    }
    const seen = latest.get(row.companyKeyHash);
    if (!seen || time(row) > time(seen)) latest.set(row.companyKeyHash, row);
  }
  const kept = new Set<T>([...alone, ...latest.values()]);
  return rows.filter((row) => kept.has(row));
};
