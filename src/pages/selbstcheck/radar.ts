/** Radar chart of the dimension scores as inline SVG (built with DOM APIs, no library). */
import { formatNumber, s } from './dom.js';
import type { DimensionResult } from './types.js';

const WIDTH = 660;
const HEIGHT = 500;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 160;
const RINGS = [25, 50, 75, 100];

const angleOf = (index: number, count: number) => -Math.PI / 2 + (2 * Math.PI * index) / count;

const at = (index: number, count: number, distance: number): [number, number] => {
  const angle = angleOf(index, count);
  return [CX + distance * Math.cos(angle), CY + distance * Math.sin(angle)];
};

const round = (value: number) => Math.round(value * 10) / 10;

const pointList = (points: [number, number][]) =>
  points.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');

/** Splits a label into lines of about `max` characters (at spaces). */
const wrap = (text: string, max = 17): string[] => {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= max)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
};

/** A polygon (3+ points), a line (2) or nothing, plus a dot per point. */
const shape = (points: [number, number][], className: string, dots: boolean) => {
  const group = s('g', { class: className });
  if (points.length >= 3) group.appendChild(s('polygon', { points: pointList(points) }));
  else if (points.length === 2) group.appendChild(s('polyline', { points: pointList(points) }));
  if (dots)
    for (const [x, y] of points)
      group.appendChild(s('circle', { cx: round(x), cy: round(y), r: 4.5 }));
  return group;
};

export const radarChart = (
  dimensions: DimensionResult[],
  regional: Record<string, number | null> | null,
  summary: string
): SVGSVGElement => {
  const count = dimensions.length;
  const svg = s('svg', {
    class: 'radar',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': summary,
    focusable: 'false',
  });
  svg.appendChild(s('title', {}, summary));

  // Grid rings at 25/50/75/100 (polygons along the axes, circles for fewer than 3 axes).
  const grid = s('g', { class: 'radar-grid' });
  for (const ring of RINGS) {
    const distance = (RADIUS * ring) / 100;
    grid.appendChild(
      count >= 3
        ? s('polygon', {
            points: pointList(dimensions.map((_, index) => at(index, count, distance))),
          })
        : s('circle', { cx: CX, cy: CY, r: distance })
    );
    grid.appendChild(
      s('text', { x: CX + 6, y: round(CY - distance + 13), class: 'radar-ring-label' }, ring)
    );
  }
  svg.appendChild(grid);

  // One axis per dimension with its name and value; unscored axes are dashed and say so.
  const axes = s('g', { class: 'radar-axes' });
  dimensions.forEach((dimension, index) => {
    const [x, y] = at(index, count, RADIUS);
    axes.appendChild(
      s('line', {
        x1: CX,
        y1: CY,
        x2: round(x),
        y2: round(y),
        class: dimension.score === null ? 'radar-axis radar-axis-unscored' : 'radar-axis',
      })
    );
    const angle = angleOf(index, count);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const [lx, ly] = at(index, count, RADIUS + 18);
    const lines = wrap(dimension.name);
    const valueLine =
      dimension.score === null ? '(nicht bewertet)' : `${formatNumber(dimension.score)} von 100`;
    const total = lines.length + 1;
    const lineHeight = 17;
    // Above the chart the label grows upwards, below it downwards, at the sides it is centred.
    const firstY =
      sin < -0.5
        ? ly - (total - 1) * lineHeight
        : sin > 0.5
          ? ly + 12
          : ly - ((total - 1) * lineHeight) / 2 + 5;
    const anchor = cos > 0.25 ? 'start' : cos < -0.25 ? 'end' : 'middle';
    const text = s('text', {
      x: round(lx),
      y: round(firstY),
      'text-anchor': anchor,
      class: dimension.score === null ? 'radar-label radar-label-unscored' : 'radar-label',
    });
    [...lines, valueLine].forEach((line, lineIndex) => {
      text.appendChild(
        s(
          'tspan',
          {
            x: round(lx),
            dy: lineIndex === 0 ? 0 : lineHeight,
            class: lineIndex === lines.length ? 'radar-value' : null,
          },
          line
        )
      );
    });
    axes.appendChild(text);
  });
  svg.appendChild(axes);

  if (regional) {
    const points: [number, number][] = [];
    dimensions.forEach((dimension, index) => {
      const value = regional[dimension.key];
      if (typeof value === 'number') points.push(at(index, count, (RADIUS * value) / 100));
    });
    svg.appendChild(shape(points, 'radar-regional', false));
  }

  // The company's polygon connects the scored dimensions only.
  const own: [number, number][] = [];
  dimensions.forEach((dimension, index) => {
    if (dimension.score !== null) own.push(at(index, count, (RADIUS * dimension.score) / 100));
  });
  svg.appendChild(shape(own, 'radar-own', true));
  return svg;
};
