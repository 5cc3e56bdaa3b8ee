/**
 * The company's development over its checks: the change since the previous check (a table with
 * arrows and words) and the trend of the total over all checks (a line chart whose values are
 * also in a table).
 */
import { formatDate, formatNumber, h, s } from './dom.js';
import type { Comparison, Direction, Result, TrendPoint } from './types.js';

const ARROW: Record<Direction, string> = { up: '↑', down: '↓', same: '→' };
const WORD: Record<Direction, string> = {
  up: 'besser',
  down: 'schlechter',
  same: 'unverändert',
};

const points = (value: number) => `${value > 0 ? '+' : ''}${formatNumber(value)}`;

/** "↑ +12 (besser)"; the arrow is decoration, the words carry the meaning. */
const change = (delta: number | null, direction: Direction | null) =>
  delta === null || direction === null
    ? h('span', { class: 'change change-none' }, 'nicht vergleichbar')
    : h(
        'span',
        { class: `change change-${direction}` },
        h('span', { class: 'change-arrow', 'aria-hidden': 'true' }, ARROW[direction]),
        ` ${points(delta)} (${WORD[direction]})`
      );

const score = (value: number | null) => (value === null ? 'nicht bewertet' : formatNumber(value));

const day = (value: string) => formatDate(`${value}T12:00:00Z`) ?? value;

const comparisonTable = (comparison: Comparison) =>
  h(
    'table',
    { class: 'result-table', id: 'comparison-table' },
    h(
      'caption',
      { id: 'comparison-caption' },
      `Veränderung seit Ihrem Check vom ${day(comparison.previousCompletedOn)} (Punkte von 0 bis 100)`
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Dimension', 'Vorher', 'Jetzt', 'Veränderung'].map((label) =>
          h('th', { scope: 'col' }, label)
        )
      )
    ),
    h(
      'tbody',
      {},
      comparison.dimensions.map((entry) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, entry.name),
          h('td', { class: 'num' }, score(entry.previousScore)),
          h('td', { class: 'num' }, score(entry.score)),
          h('td', {}, change(entry.delta, entry.direction))
        )
      )
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Gesamt'),
        h('td', { class: 'num' }, score(comparison.previousTotal)),
        h('td', { class: 'num' }, score(comparison.total)),
        h('td', {}, change(comparison.totalDelta, comparison.totalDirection))
      )
    )
  );

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };

/** The total of each check over time, oldest left; described in words by `label`. */
const trendChart = (trend: TrendPoint[], label: string) => {
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (trend.length === 1 ? innerWidth / 2 : (innerWidth * index) / (trend.length - 1));
  const y = (value: number) => PAD.top + innerHeight * (1 - value / 100);
  const scored = trend
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.total !== null);
  return s(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      class: 'trend-chart',
      role: 'img',
      'aria-label': label,
    },
    [0, 25, 50, 75, 100].map((value) =>
      s(
        'g',
        { class: 'trend-grid' },
        s('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value) }),
        s('text', { x: PAD.left - 8, y: y(value) + 4, 'text-anchor': 'end' }, String(value))
      )
    ),
    scored.length >= 2
      ? s('polyline', {
          class: 'trend-line',
          points: scored.map(({ point, index }) => `${x(index)},${y(point.total!)}`).join(' '),
        })
      : null,
    scored.map(({ point, index }) =>
      s('circle', {
        class: point.current ? 'trend-dot trend-dot-current' : 'trend-dot',
        cx: x(index),
        cy: y(point.total!),
        r: point.current ? 6 : 4,
      })
    ),
    trend.map((point, index) =>
      s(
        'text',
        { class: 'trend-label', x: x(index), y: HEIGHT - 10, 'text-anchor': 'middle' },
        point.completedOn.slice(0, 7).split('-').reverse().join('/')
      )
    )
  );
};

const trendTable = (result: Result, trend: TrendPoint[]) =>
  h(
    'table',
    { class: 'result-table', id: 'trend-table' },
    h('caption', { id: 'trend-caption' }, 'Ihre Checks im Verlauf (Punkte von 0 bis 100)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Dimension'),
        trend.map((point) =>
          h(
            'th',
            { scope: 'col' },
            day(point.completedOn),
            point.current ? h('span', { class: 'hint' }, ' (dieser Check)') : null
          )
        )
      )
    ),
    h(
      'tbody',
      {},
      result.dimensions.map((dimension) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, dimension.name),
          trend.map((point) =>
            h('td', { class: 'num' }, score(point.scores[dimension.key] ?? null))
          )
        )
      )
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Gesamt'),
        trend.map((point) => h('td', { class: 'num' }, score(point.total)))
      )
    )
  );

/** A scrolling region for a wide table (keyboard-reachable), as for the result table. */
const wrap = (table: HTMLTableElement, captionId: string) =>
  h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
    table
  );

/** The section "Ihre Entwicklung", or nothing for a company's only check. */
export const progressSection = (result: Result): HTMLElement[] => {
  const trend = result.trend ?? [];
  const comparison = result.comparison ?? null;
  if (!comparison && trend.length < 2) return [];
  const label = `Liniendiagramm Ihres Gesamtwerts je Check: ${trend
    .map((point) => `${day(point.completedOn)}: ${score(point.total)}`)
    .join('; ')}. Die Werte je Dimension stehen in der Tabelle.`;
  return [
    h('h3', { id: 'progress-heading' }, 'Ihre Entwicklung'),
    comparison
      ? wrap(comparisonTable(comparison), 'comparison-caption')
      : h(
          'p',
          {},
          'Dies ist Ihr erster Check. Spätere Checks zeigen hier die Veränderung gegenüber diesem.'
        ),
    trend.length >= 2 ? h('figure', { class: 'chart' }, trendChart(trend, label)) : null,
    trend.length >= 2 ? wrap(trendTable(result, trend), 'trend-caption') : null,
  ].filter((element): element is HTMLElement => element !== null);
};
