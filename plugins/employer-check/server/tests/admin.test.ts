import { errors } from '@strapi/utils';
import {
  figures,
  fillMonths,
  groupBy,
  monthsBetween,
  optionList,
  statisticsTable,
} from '../src/lib/statistics';
import { questionCopies, suggestVersion } from '../src/lib/versions';
import { validateNewVersion, validateStatisticsQuery, validateUsageQuery } from '../src/validation';

const row = (month: string, total = 50) => ({
  sector: 'C',
  sizeClass: 'small',
  municipality: null,
  month,
  total,
  scores: { a: total },
});

/** The field paths of a validation failure (Strapi's ValidationError, 400). */
const pathsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    const details = (error as { details: { errors: { path: string[] }[] } }).details;
    return details.errors.map((entry) => entry.path.join('.'));
  }
  throw new Error('expected a validation error');
};

describe('monthsBetween', () => {
  it('lists every month inclusive, across the turn of the year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
  });
});

describe('groupBy: complementary suppression', () => {
  const inSector = (sector: string, count: number, total = 50) =>
    Array.from({ length: count }, () => ({ ...row('2026-01', total), sector }));

  it('hides the smallest shown group when the overall figures would reveal one small group', () => {
    // A (6) and B (7) reach k = 5, C (2) does not: overall − A − B would give C away.
    const groups = groupBy(
      [...inSector('A', 6), ...inSector('B', 7), ...inSector('C', 2)],
      'sector',
      ['a'],
      5
    );
    expect(groups.map((group) => [group.key, group.suppressed])).toEqual([
      ['A', true],
      ['B', false],
      ['C', true],
    ]);
    expect(groups[1]).toMatchObject({ count: 7 });
  });

  it('counts rows without a value as hidden too', () => {
    const rows = [...inSector('A', 6), ...inSector('B', 6), { ...row('2026-01'), sector: '' }];
    expect(groupBy(rows, 'sector', ['a'], 5).filter((group) => group.suppressed)).toHaveLength(1);
  });

  it('keeps everything shown when nothing is hidden, or the hidden rows are k or more', () => {
    expect(
      groupBy([...inSector('A', 5), ...inSector('B', 5)], 'sector', ['a'], 5).every(
        (group) => !group.suppressed
      )
    ).toBe(true);
    const groups = groupBy(
      [...inSector('A', 5), ...inSector('B', 3), ...inSector('C', 3), ...inSector('D', 9)],
      'sector',
      ['a'],
      5
    );
    expect(groups.map((group) => group.suppressed)).toEqual([false, true, true, false]);
  });
});

describe('statisticsTable (the CSV export)', () => {
  it('has one line overall and one per group, suppressed groups without figures', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => ({ ...row('2026-01', 60), sector: 'A' })),
      ...Array.from({ length: 5 }, () => ({ ...row('2026-01', 40), sector: 'B' })),
      ...Array.from({ length: 2 }, () => ({ ...row('2026-01', 90), sector: 'C' })),
      ...Array.from({ length: 3 }, () => ({ ...row('2026-01', 90), sector: 'D' })),
    ];
    const table = statisticsTable({
      dimensions: [{ key: 'a' }],
      overall: figures(rows, ['a'], 5),
      groups: [
        {
          field: 'sector',
          figures: groupBy(rows, 'sector', ['a'], 5),
          labels: { A: 'Handwerk', C: 'Pflege' },
        },
      ],
    });
    expect(table.columns).toEqual(['group', 'key', 'label', 'count', 'total', 'a', 'note']);
    expect(table.rows).toEqual([
      ['overall', '', 'Alle', 15, 63.3, 63.3, null],
      ['sector', 'A', 'Handwerk', 5, 60, 60, null],
      ['sector', 'B', 'B', 5, 40, 40, null],
      ['sector', 'C', 'Pflege', null, null, null, 'zu wenige Teilnahmen'],
      ['sector', 'D', 'D', null, null, null, 'zu wenige Teilnahmen'],
    ]);
  });
});

describe('fillMonths', () => {
  it('fills months without submissions as suppressed groups, keeps the others', () => {
    const rows = [
      ...Array.from({ length: 3 }, () => row('2026-01', 40)),
      ...Array.from({ length: 3 }, () => row('2026-04', 80)),
    ];
    const filled = fillMonths(groupBy(rows, 'month', ['a'], 3), ['a'], 3);
    expect(filled.map((group) => group.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(filled[0]).toMatchObject({ suppressed: false, count: 3, total: 40 });
    expect(filled[3]).toMatchObject({ suppressed: false, count: 3, total: 80 });
    for (const group of filled.slice(1, 3)) {
      expect(group).toMatchObject({ suppressed: true, count: null, total: null, dimensions: null });
    }
  });

  it('an empty trend stays empty', () => {
    expect(fillMonths([], ['a'], 5)).toEqual([]);
  });

  it('an empty group is suppressed like any group below k', () => {
    expect(figures([], ['a'], 5)).toEqual(figures([row('2026-01')], ['a'], 5));
  });
});

describe('optionList', () => {
  it('keeps the config order', () => {
    expect(optionList({ micro: '1–9', small: '10–49' })).toEqual([
      { key: 'micro', label: '1–9' },
      { key: 'small', label: '10–49' },
    ]);
  });
});

describe('suggestVersion', () => {
  const today = new Date('2026-06-15T10:00:00Z');
  it('counts up within the year', () => {
    expect(suggestVersion(['2026-1'], today)).toBe('2026-2');
    expect(suggestVersion(['2026-1', '2026-3', '2025-7'], today)).toBe('2026-4');
  });
  it('starts a new year at 1 and skips names already taken', () => {
    expect(suggestVersion(['2025-4'], today)).toBe('2026-1');
    expect(suggestVersion([], today)).toBe('2026-1');
  });
});

describe('questionCopies', () => {
  it('copies wording, order, weight, flags and the dimension into the new questionnaire', () => {
    const copies = questionCopies(
      [
        {
          key: 'f1',
          text: 'Aussage',
          help: null,
          order: 3,
          weight: '2.0',
          reverse: true,
          onlyIfTrainsApprentices: null,
          dimension: { documentId: 'dim1' },
        },
      ],
      'new1'
    );
    expect(copies).toEqual([
      {
        key: 'f1',
        text: 'Aussage',
        help: null,
        order: 3,
        weight: 2,
        reverse: true,
        onlyIfTrainsApprentices: false,
        dimension: 'dim1',
        questionnaire: 'new1',
      },
    ]);
  });
});

describe('validateStatisticsQuery', () => {
  const context = { sectors: ['A', 'C'], sizeClasses: ['micro', 'small'] };

  it('accepts known keys and ISO dates, treats empty values as no filter', () => {
    expect(
      validateStatisticsQuery(
        { sector: 'C', sizeClass: '', from: '2026-01-01', to: '2026-01-31', other: 'x' },
        context
      )
    ).toEqual({ sector: 'C', from: '2026-01-01', to: '2026-01-31' });
  });

  it.each([
    [{ sector: 'Z' }, 'sector'],
    [{ sector: ['A', 'C'] }, 'sector'],
    [{ sizeClass: 'riesig' }, 'sizeClass'],
    [{ municipality: '../x' }, 'municipality'],
    [{ from: 'gestern' }, 'from'],
    [{ to: '2026-02-30' }, 'to'],
    [{ from: '2026-03-01', to: '2026-02-01' }, 'to'],
  ])('%j → 400 naming %s', (query, field) => {
    expect(pathsOf(() => validateStatisticsQuery(query, context))).toContain(field);
  });
});

describe('validateUsageQuery', () => {
  it('accepts the three models', () => {
    expect(validateUsageQuery({ model: 'question', documentId: 'abc123' })).toEqual({
      model: 'question',
      documentId: 'abc123',
    });
  });
  it('names the bad field', () => {
    expect(pathsOf(() => validateUsageQuery({ model: 'submission', documentId: 'a' }))).toEqual([
      'model',
    ]);
    expect(pathsOf(() => validateUsageQuery({ model: 'question' }))).toEqual(['documentId']);
  });
});

describe('validateNewVersion', () => {
  it('trims and accepts a version with an optional title', () => {
    expect(validateNewVersion({ version: ' 2026-2 ', title: 'Neu' })).toEqual({
      version: '2026-2',
      title: 'Neu',
    });
  });
  it.each([
    [{}, 'version'],
    [undefined, 'version'],
    [{ version: '' }, 'version'],
    [{ version: 'a b' }, 'version'],
    [{ version: 'x'.repeat(41) }, 'version'],
    [{ version: '2026-2', title: '' }, 'title'],
    [{ version: '2026-2', title: 42 }, 'title'],
    [[1, 2], 'body'],
    ['2026-2', 'body'],
  ])('%j → 400 naming %s', (body, field) => {
    expect(pathsOf(() => validateNewVersion(body))).toContain(field);
  });
});
