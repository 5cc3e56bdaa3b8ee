/**
 * German PDF report of the employer-attractiveness self-check.
 *
 * Pure module: takes already prepared (German) labels and scores and returns the PDF as a
 * Buffer. Built for PDF/UA-1 with pdfkit: PDF 1.7, DejaVu Sans embedded (see fonts.ts), every
 * text normalised to characters that font has, language de-DE, the title shown as window
 * title, pdfuaid metadata, and a structure tree (headings, lists with labels, the table with
 * column headers, the chart as a figure with alternative text, links with a description);
 * everything else on a page (rules, bars, backgrounds, repeated table headers, footers) is
 * marked as an artifact.
 */
import qrcode from 'qrcode-generator';
import PDFDocument from 'pdfkit';
import { reportFonts } from './fonts';

export type Band = 'rot' | 'gelb' | 'gruen';

export interface ReportDimension {
  key: string;
  name: string;
  score: number | null;
  band: Band | null;
}

export interface ReportTip {
  title: string;
  summary: string;
  effort: 'gering' | 'mittel' | 'hoch';
  /** name of the dimension the tip serves */
  dimension: string;
  url?: string | null;
}

export interface ReportInput {
  title: string;
  publisher: string;
  /** completion date, printed as dd.mm.yyyy (Europe/Berlin) */
  date: Date;
  /** labels, already German */
  profile: {
    sector: string;
    sizeClass: string;
    municipality?: string | null;
    trainsApprentices: boolean;
  };
  /** 0–100 or null */
  total: number | null;
  /** score 0–100 or null = "nicht bewertet" */
  dimensions: ReportDimension[];
  /** dimension names */
  strengths: string[];
  /** dimension names */
  fieldsForAction: string[];
  tips: ReportTip[];
  bandLabels?: Partial<Record<Band, string>>;
  footerNote?: string;
  /** the change since the company's previous check, if it has one */
  comparison?: ReportComparison | null;
  /** the company's action plan, if it took on measures */
  plan?: ReportMeasure[] | null;
  /** the employees' survey, if the company started one */
  survey?: ReportSurvey | null;
}

export interface ReportSurvey {
  /** the page employees open; printed with a QR code while the survey is open */
  link: string | null;
  open: boolean;
  /** already German (dd.mm.yyyy) */
  endsOn: string;
  responses: number;
  k: number;
  missing: number;
  /** null until k employees answered (never anything below k) */
  dimensions:
    | {
        name: string;
        management: number | null;
        employees: number | null;
        /** management − employees */
        gap: number | null;
      }[]
    | null;
}

export interface ReportMeasure {
  title: string;
  /** name of the dimension the measure serves */
  dimension: string;
  /** already German (dd.mm.yyyy), or null */
  targetDate: string | null;
  done: boolean;
  overdue: boolean;
}

export type ReportDirection = 'up' | 'down' | 'same';

export interface ReportComparison {
  /** the previous check's day, already German (dd.mm.yyyy) */
  previousDate: string;
  total: number | null;
  previousTotal: number | null;
  totalDelta: number | null;
  totalDirection: ReportDirection | null;
  dimensions: {
    name: string;
    score: number | null;
    previousScore: number | null;
    delta: number | null;
    direction: ReportDirection | null;
  }[];
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type Align = 'left' | 'center' | 'right';

const DEFAULT_BAND_LABELS: Record<Band, string> = {
  rot: 'Handlungsbedarf',
  gelb: 'Ausbaufähig',
  gruen: 'Stark',
};

const BAND_COLORS: Record<Band, string> = { rot: '#b42318', gelb: '#b54708', gruen: '#1e7b34' };

const COLORS = {
  text: '#1f2937',
  muted: '#4b5563',
  accent: '#1d4e89',
  rule: '#d1d5db',
  grid: '#c9ced6',
  axis: '#9aa3ae',
  zebra: '#f3f5f7',
  track: '#e5e7eb',
};

/** names the embedded fonts are registered under in each document */
const FONT = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

const MARGIN = { top: 50, bottom: 64, left: 50, right: 50 };
/** distance of the footer baseline area from the bottom edge of the page */
const FOOTER_OFFSET = 42;

// ---------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------

/**
 * Turns any value into text the embedded fonts can render: NFC normalisation, control
 * characters, zero-width and bidi controls and combining marks left over after NFC removed,
 * typographic spaces the fonts lack unified, emoji the fonts lack dropped, and any other
 * character the fonts lack replaced by its base letter or '?'. Without `multiline` all
 * whitespace collapses.
 */
export const toPdfText = (value: unknown, multiline = false): string => {
  const { covers } = reportFonts();
  const source = String(value ?? '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n');
  let out = '';
  for (const char of source) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\t') {
      out += char === '\n' && multiline ? '\n' : ' ';
    } else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
      // other control characters are dropped
    } else if (/[\p{Cf}\p{M}]/u.test(char)) {
      // zero-width and bidi controls, soft hyphens, stray combining marks
    } else if (covers(codePoint)) {
      out += char;
    } else if (/\p{Zs}/u.test(char)) {
      out += ' ';
    } else if (/\p{Extended_Pictographic}/u.test(char)) {
      // emoji
    } else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => covers(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  if (!multiline) return out.replace(/\s+/g, ' ').trim();
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

/**
 * Single-line PDF text cut to `max` characters: names and labels end up in table cells, list
 * items and chart labels, whose height must stay bounded.
 */
const short = (value: unknown, max = 160): string => {
  const text = toPdfText(value);
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};

// ---------------------------------------------------------------------------
// Value helpers
// ---------------------------------------------------------------------------

const formatDate = (date: Date): string => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('renderReport: date must be a valid Date');
  }
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}`;
};

/** Rounds and clamps a score to 0–100; anything that is not a finite number becomes null. */
const normaliseScore = (score: unknown): number | null =>
  typeof score === 'number' && Number.isFinite(score)
    ? Math.min(100, Math.max(0, Math.round(score)))
    : null;

const isBand = (band: unknown): band is Band =>
  band === 'rot' || band === 'gelb' || band === 'gruen';

const isDirection = (value: unknown): value is ReportDirection =>
  value === 'up' || value === 'down' || value === 'same';

/** A finite change, rounded to one decimal, or null. */
const normaliseDelta = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10) / 10 : null;

/** The comparison with text shortened and numbers checked, like the rest of the input. */
const cleanComparison = (comparison: ReportComparison): ReportComparison => ({
  previousDate: short(comparison.previousDate, 40),
  total: normaliseScore(comparison.total),
  previousTotal: normaliseScore(comparison.previousTotal),
  totalDelta: normaliseDelta(comparison.totalDelta),
  totalDirection: isDirection(comparison.totalDirection) ? comparison.totalDirection : null,
  dimensions: (comparison.dimensions ?? []).map((entry) => ({
    name: short(entry.name),
    score: normaliseScore(entry.score),
    previousScore: normaliseScore(entry.previousScore),
    delta: normaliseDelta(entry.delta),
    direction: isDirection(entry.direction) ? entry.direction : null,
  })),
});

interface Dimension {
  name: string;
  score: number | null;
  band: Band | null;
}

// ---------------------------------------------------------------------------
// Layout helpers
// ---------------------------------------------------------------------------

interface Ctx {
  doc: Doc;
  root: Struct;
  left: number;
  width: number;
}

const bottomLimit = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit below the current position. */
const ensureSpace = (doc: Doc, height: number): void => {
  if (doc.y + height + 2 > bottomLimit(doc)) doc.addPage();
};

const setFont = (doc: Doc, font: string, size: number, color = COLORS.text): void => {
  doc.font(font).fontSize(size).fillColor(color);
};

/**
 * Options of structure elements that pdfkit 0.20 supports beyond @types/pdfkit: the scope of a
 * table header cell and the layout box of a figure (top-left origin, like drawing).
 */
interface StructOptions extends PDFKit.Mixins.StructureElementOptions {
  scope?: 'Row' | 'Column' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

/** Adds a structure element whose content is drawn by `draw` (runs immediately). */
const tagged = (
  parent: Struct,
  doc: Doc,
  type: string,
  draw: () => void,
  options: StructOptions = {}
): void => {
  parent.add(doc.struct(type, options, [draw]));
};

/** Draws decoration that is not content (rules, backgrounds, bullets). */
const artifact = (doc: Doc, draw: () => void): void => {
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
};

/**
 * Largest n such that `text.slice(0, n) + suffix` fits `width` in the current font. Galloping
 * then binary search, so the cost depends on the line length, not on the length of `text`.
 */
const fittingLength = (doc: Doc, text: string, width: number, suffix = ''): number => {
  const fits = (n: number) => doc.widthOfString(`${text.slice(0, n)}${suffix}`) <= width;
  let low = 0;
  let high = Math.min(text.length, 16);
  while (high < text.length && fits(high)) {
    low = high;
    high = Math.min(text.length, high * 2);
  }
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
};

/** Shortens `text` with an ellipsis until it fits `width` in the current font. */
const ellipsize = (doc: Doc, text: string, width: number): string => {
  if (doc.widthOfString(text) <= width) return text;
  return `${text.slice(0, fittingLength(doc, text, width, '…')).trimEnd()}…`;
};

/**
 * Greedy line wrapping in the current font: breaks at spaces and after hyphens/slashes, splits
 * words that are too long on their own, and ends with an ellipsis after `maxLines` lines.
 */
const wrapLines = (doc: Doc, text: string, width: number, maxLines: number): string[] => {
  const tokens: { text: string; space: boolean }[] = [];
  for (const word of text.split(' ').filter(Boolean)) {
    word
      .split(/(?<=[-/])/)
      .forEach((piece, index) => tokens.push({ text: piece, space: index === 0 }));
  }
  const lines: string[] = [];
  let current = '';
  const pushLong = (token: string) => {
    const plainWord = /^\p{L}+$/u.test(token);
    let rest = token;
    while (rest.length > 1) {
      const plainCut = fittingLength(doc, rest, width);
      if (plainCut >= rest.length) break;
      // plain words get a hyphen at the split (if two letters fit); addresses, numbers and codes
      // are split as they are; at least one character per line so this always ends
      const hyphenCut = plainWord ? fittingLength(doc, rest, width, '-') : 0;
      const cut = hyphenCut >= 2 ? hyphenCut : Math.max(1, plainCut);
      lines.push(hyphenCut >= 2 ? `${rest.slice(0, cut)}-` : rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  };
  for (const token of tokens) {
    const candidate = current ? `${current}${token.space ? ' ' : ''}${token.text}` : token.text;
    if (doc.widthOfString(candidate) <= width) {
      current = candidate;
    } else {
      if (current) lines.push(current);
      current = '';
      pushLong(token.text);
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(doc, `${kept[maxLines - 1]} ${lines[maxLines]}`, width);
  return kept;
};

/**
 * Pre-wraps text (paragraphs separated by '\n') into lines that fit `width`. pdfkit's own
 * splitting of words longer than a line can overflow the right margin, so every wrapped text
 * goes through here; 1pt of tolerance keeps pdfkit from re-wrapping a line that just fits.
 */
const fit = (doc: Doc, text: string, width: number): string =>
  text
    .split('\n')
    .map((paragraph) =>
      paragraph.trim() ? wrapLines(doc, paragraph, width - 1, Infinity).join('\n') : ''
    )
    .join('\n');

/**
 * The width pdfkit gets for text pre-wrapped to `width`: pdfkit measures each line together with
 * its line break, which an embedded font gives the width of its .notdef glyph; without this slack
 * it would wrap a line that fits once more.
 */
const withBreak = (doc: Doc, width: number): number => width + doc.widthOfString('\n');

/** Prints wrapped text at (x, y) in the current font; moves doc.y below it. */
const block = (doc: Doc, text: string, x: number, y: number, width: number): void => {
  doc.text(fit(doc, text, width), x, y, { width: withBreak(doc, width) });
};

/** Height of wrapped text in the current font. */
const measure = (doc: Doc, text: string, width: number): number =>
  doc.heightOfString(fit(doc, text, width), { width: withBreak(doc, width) });

/** Prints a single line without wrapping, aligned within [x, x + width]. */
const lineAt = (doc: Doc, text: string, x: number, y: number, width: number, align: Align) => {
  const textWidth = doc.widthOfString(text);
  const dx =
    align === 'right' ? width - textWidth : align === 'center' ? (width - textWidth) / 2 : 0;
  doc.text(text, x + dx, y, { lineBreak: false });
};

const heading = (ctx: Ctx, text: string, keepWithNext: number): void => {
  const { doc } = ctx;
  setFont(doc, BOLD, 14, COLORS.accent);
  const height = measure(doc, text, ctx.width);
  ensureSpace(doc, height + keepWithNext);
  tagged(ctx.root, doc, 'H2', () => {
    setFont(doc, BOLD, 14, COLORS.accent);
    block(doc, text, ctx.left, doc.y, ctx.width);
  });
  doc.moveDown(0.35);
};

const paragraph = (ctx: Ctx, text: string, size = 10, color = COLORS.text): void => {
  const { doc } = ctx;
  setFont(doc, FONT, size, color);
  ensureSpace(doc, Math.min(measure(doc, text, ctx.width), doc.currentLineHeight(true) * 3));
  tagged(ctx.root, doc, 'P', () => {
    setFont(doc, FONT, size, color);
    block(doc, text, ctx.left, doc.y, ctx.width);
  });
};

// ---------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------

const drawHeader = (ctx: Ctx, input: ReportInput, title: string, publisher: string): void => {
  const { doc, left, width } = ctx;
  artifact(doc, () => {
    doc.rect(left, doc.y - 14, width, 4).fill(COLORS.accent);
  });
  tagged(ctx.root, doc, 'H1', () => {
    setFont(doc, BOLD, 20, COLORS.accent);
    block(doc, title, left, doc.y, width);
  });
  doc.moveDown(0.2);
  tagged(ctx.root, doc, 'P', () => {
    setFont(doc, FONT, 11, COLORS.text);
    block(doc, publisher, left, doc.y, width);
  });
  doc.moveDown(0.15);
  tagged(ctx.root, doc, 'P', () => {
    setFont(doc, FONT, 10, COLORS.muted);
    block(doc, `Ausgefüllt am ${formatDate(input.date)}`, left, doc.y, width);
  });
  doc.moveDown(0.6);
  const ruleY = doc.y;
  artifact(doc, () => {
    doc
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .lineWidth(0.6)
      .stroke(COLORS.rule);
  });
  doc.y = ruleY + 10;

  tagged(ctx.root, doc, 'H2', () => {
    setFont(doc, BOLD, 12, COLORS.accent);
    block(doc, 'Betriebsprofil', left, doc.y, width);
  });
  doc.moveDown(0.25);
  const rows: [string, string][] = [
    ['Branche', short(input.profile?.sector) || '–'],
    ['Betriebsgröße', short(input.profile?.sizeClass) || '–'],
  ];
  const municipality = short(input.profile?.municipality);
  if (municipality) rows.push(['Kommune', municipality]);
  rows.push(['Ausbildungsbetrieb', input.profile?.trainsApprentices ? 'ja' : 'nein']);
  // the label column fits the widest label (fixed labels, so this stays small)
  setFont(doc, BOLD, 10);
  const labelWidth = Math.max(120, ...rows.map(([label]) => doc.widthOfString(`${label}:`) + 12));
  for (const [label, value] of rows) {
    setFont(doc, FONT, 10);
    const height = measure(doc, value, width - labelWidth);
    ensureSpace(doc, height);
    const y = doc.y;
    tagged(ctx.root, doc, 'P', () => {
      setFont(doc, BOLD, 10);
      block(doc, `${label}:`, left, y, labelWidth - 8);
      setFont(doc, FONT, 10);
      block(doc, value, left + labelWidth, y, width - labelWidth);
    });
    doc.y = Math.max(doc.y, y + height) + 2;
  }
  doc.moveDown(0.8);
};

const drawTotal = (ctx: Ctx, total: number | null): void => {
  const { doc, left } = ctx;
  ensureSpace(doc, 44);
  const text = total === null ? 'Gesamtwert: nicht bewertet' : `Gesamtwert: ${total} von 100`;
  tagged(ctx.root, doc, 'H2', () => {
    setFont(doc, BOLD, 16, COLORS.text);
    block(doc, text, left, doc.y, ctx.width);
  });
  if (total !== null) {
    const y = doc.y + 4;
    const barWidth = 240;
    artifact(doc, () => {
      doc.roundedRect(left, y, barWidth, 8, 4).fill(COLORS.track);
      if (total > 0)
        doc.roundedRect(left, y, Math.max(8, (barWidth * total) / 100), 8, 4).fill(COLORS.accent);
    });
    doc.y = y + 8;
  }
  doc.moveDown(1.2);
};

interface RadarLabel {
  lines: string[];
  value: string;
  x: number;
  top: number;
  width: number;
  align: Align;
  scored: boolean;
}

const LABEL_SIZE = 8.5;
const LABEL_LINE = 10.5;

interface RadarLayout {
  radius: number;
  angles: number[];
  labels: RadarLabel[];
  /** extent of the chart and its labels relative to the centre */
  minTop: number;
  maxBottom: number;
}

/** Lays out the labels relative to the chart centre, so the block height is known up front. */
const layoutRadar = (doc: Doc, dimensions: Dimension[]): RadarLayout => {
  const n = dimensions.length;
  const radius = 100;
  const gap = 9;
  const angles = dimensions.map((_, i) => -Math.PI / 2 + (2 * Math.PI * i) / n);
  const labels: RadarLabel[] = dimensions.map((dimension, i) => {
    const cos = Math.cos(angles[i]);
    const sin = Math.sin(angles[i]);
    const ax = (radius + gap) * cos;
    const ay = (radius + gap) * sin;
    let align: Align = 'center';
    let width = 120;
    if (cos > 0.2) align = 'left';
    else if (cos < -0.2) align = 'right';
    else {
      // near-vertical label: keep it clear of the neighbouring labels
      const neighbours = [angles[(i + 1) % n], angles[(i - 1 + n) % n]];
      const dx = Math.min(...neighbours.map((a) => Math.abs((radius + gap) * Math.cos(a))));
      width = Math.max(70, Math.min(150, 2 * dx - 12));
    }
    doc.font(FONT).fontSize(LABEL_SIZE);
    const lines = wrapLines(doc, dimension.name || '–', width, 3);
    const height = (lines.length + 1) * LABEL_LINE;
    const x = align === 'left' ? ax : align === 'right' ? ax - width : ax - width / 2;
    const top = ay - height / 2 + (sin * height) / 2;
    return {
      lines,
      value: dimension.score === null ? 'nicht bewertet' : String(dimension.score),
      x,
      top,
      width,
      align,
      scored: dimension.score !== null,
    };
  });
  const minTop = Math.min(-radius, ...labels.map((l) => l.top));
  const maxBottom = Math.max(
    radius,
    ...labels.map((l) => l.top + (l.lines.length + 1) * LABEL_LINE)
  );
  return { radius, angles, labels, minTop, maxBottom };
};

/** The chart's alternative text: every dimension with its value and band, in words. */
const radarAlt = (dimensions: Dimension[], bandLabels: Record<Band, string>): string =>
  'Netzdiagramm der Ergebnisse nach Dimensionen auf einer Skala von 0 bis 100: ' +
  dimensions
    .map((d) => {
      if (d.score === null) return `${d.name || '–'}: nicht bewertet`;
      return `${d.name || '–'}: ${d.score} von 100${d.band ? ` (${bandLabels[d.band]})` : ''}`;
    })
    .join('; ') +
  '.';

const drawRadar = (
  ctx: Ctx,
  dimensions: Dimension[],
  layout: RadarLayout,
  bandLabels: Record<Band, string>
): void => {
  const { doc } = ctx;
  const { radius, angles, labels, minTop, maxBottom } = layout;
  ensureSpace(doc, maxBottom - minTop + 10);
  const cx = ctx.left + ctx.width / 2;
  const cy = doc.y - minTop;
  const point = (i: number, value: number): [number, number] => [
    cx + ((radius * value) / 100) * Math.cos(angles[i]),
    cy + ((radius * value) / 100) * Math.sin(angles[i]),
  ];

  const bbox: [number, number, number, number] = [
    cx + Math.min(-radius, ...labels.map((l) => l.x)),
    cy + minTop,
    cx + Math.max(radius, ...labels.map((l) => l.x + l.width)),
    cy + maxBottom,
  ];

  tagged(
    ctx.root,
    doc,
    'Figure',
    () => {
      doc.save();
      // grid rings at 25/50/75/100
      for (const ring of [25, 50, 75, 100]) {
        doc.polygon(...dimensions.map((_, i) => point(i, ring)));
        doc
          .lineWidth(ring === 100 ? 0.9 : 0.5)
          .strokeColor(ring === 100 ? COLORS.axis : COLORS.grid)
          .stroke();
      }
      // axes; unscored dimensions get a dashed axis
      dimensions.forEach((dimension, i) => {
        const [x, y] = point(i, 100);
        doc.moveTo(cx, cy).lineTo(x, y).lineWidth(0.6).strokeColor(COLORS.axis);
        if (dimension.score === null) doc.dash(2.5, { space: 2.5 });
        doc.stroke().undash();
      });
      // score polygon (unscored dimensions at 0)
      if (dimensions.some((d) => d.score !== null)) {
        const points = dimensions.map((d, i) => point(i, d.score ?? 0));
        doc
          .save()
          .fillOpacity(0.22)
          .polygon(...points)
          .fill(COLORS.accent)
          .restore();
        doc
          .polygon(...points)
          .lineWidth(1.5)
          .lineJoin('round')
          .strokeColor(COLORS.accent)
          .stroke();
        dimensions.forEach((d, i) => {
          const [x, y] = points[i];
          if (d.score === null) {
            doc.circle(x, y, 2.6).lineWidth(0.8).fillAndStroke('#ffffff', COLORS.muted);
          } else {
            doc.circle(x, y, 2.4).fill(COLORS.accent);
          }
        });
      }
      doc.restore();
      // ring values next to the first axis, inside each ring
      setFont(doc, FONT, 6.5, COLORS.muted);
      for (const ring of [25, 50, 75, 100]) {
        doc.text(String(ring), cx + 3, cy - (radius * ring) / 100 + 1.5, { lineBreak: false });
      }
      // dimension labels with their value
      labels.forEach((label) => {
        setFont(doc, FONT, LABEL_SIZE, COLORS.text);
        label.lines.forEach((line, row) =>
          lineAt(
            doc,
            line,
            cx + label.x,
            cy + label.top + row * LABEL_LINE,
            label.width,
            label.align
          )
        );
        if (label.scored) setFont(doc, BOLD, LABEL_SIZE, COLORS.accent);
        else setFont(doc, FONT, LABEL_SIZE, COLORS.muted);
        lineAt(
          doc,
          label.value,
          cx + label.x,
          cy + label.top + label.lines.length * LABEL_LINE,
          label.width,
          label.align
        );
      });
    },
    { alt: radarAlt(dimensions, bandLabels), bbox, placement: 'Block' }
  );
  doc.x = ctx.left;
  doc.y = cy + maxBottom + 14;
};

interface Column {
  title: string;
  width: number;
  align: Align;
}

interface Cell {
  text: string;
  font?: string;
  color?: string;
  /** a coloured square before the text (decoration; the text says the same) */
  swatch?: string | null;
}

/**
 * A tagged table (Table, TR, TH with column scope, TD): a header row in the accent colour,
 * zebra rows; the first column's text may wrap and sets the row height. Kept on one page when
 * it fits there, otherwise flowed row by row with the header repeated as an artifact.
 */
const drawGridTable = (ctx: Ctx, columns: Column[], rows: Cell[][]): void => {
  const { doc, left, width } = ctx;
  const pad = 5;
  const swatch = 8;
  const table = doc.struct('Table');
  ctx.root.add(table);

  const headerRow = (repeated: boolean) => {
    const y = doc.y;
    const height = 20;
    artifact(doc, () => {
      doc.rect(left, y, width, height).fill(COLORS.accent);
    });
    const row = repeated ? null : doc.struct('TR');
    if (row) table.add(row);
    let x = left;
    for (const column of columns) {
      const cellX = x;
      const draw = () => {
        setFont(doc, BOLD, 10, '#ffffff');
        lineAt(doc, column.title, cellX + pad, y + 5.5, column.width - 2 * pad, column.align);
      };
      if (row) tagged(row, doc, 'TH', draw, { scope: 'Column' });
      else artifact(doc, draw);
      x += column.width;
    }
    row?.end();
    doc.y = y + height;
  };

  const rowHeight = (cells: Cell[]) => {
    setFont(doc, FONT, 10);
    return Math.max(measure(doc, cells[0]?.text || '–', columns[0].width - 2 * pad), 12) + 2 * pad;
  };

  const fullHeight = 20 + rows.reduce((sum, cells) => sum + rowHeight(cells), 0);
  const pageSpace = bottomLimit(doc) - doc.page.margins.top;
  ensureSpace(doc, fullHeight <= pageSpace ? fullHeight : 20 + (rows[0] ? rowHeight(rows[0]) : 0));
  headerRow(false);
  rows.forEach((cells, index) => {
    const height = rowHeight(cells);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      headerRow(true);
    }
    const y = doc.y;
    artifact(doc, () => {
      if (index % 2 === 1) doc.rect(left, y, width, height).fill(COLORS.zebra);
      doc
        .moveTo(left, y + height)
        .lineTo(left + width, y + height)
        .lineWidth(0.5)
        .stroke(COLORS.rule);
      let x = left;
      columns.forEach((column, c) => {
        const mark = cells[c]?.swatch;
        if (mark) doc.rect(x + pad, y + pad + 2, swatch, swatch).fill(mark);
        x += column.width;
      });
    });
    const row = doc.struct('TR');
    table.add(row);
    let x = left;
    columns.forEach((column, c) => {
      const cell = cells[c] ?? { text: '–' };
      const cellX = x;
      tagged(row, doc, 'TD', () => {
        setFont(doc, cell.font ?? FONT, 10, cell.color ?? COLORS.text);
        const indent = cell.swatch ? swatch + 6 : 0;
        if (c === 0) block(doc, cell.text || '–', cellX + pad, y + pad, column.width - 2 * pad);
        else if (column.align === 'left')
          block(doc, cell.text, cellX + pad + indent, y + pad, column.width - 2 * pad - indent);
        else lineAt(doc, cell.text, cellX, y + pad, column.width, column.align);
      });
      x += column.width;
    });
    row.end();
    doc.x = left;
    doc.y = y + height;
  });
  table.end();
  doc.moveDown(0.6);
};

const drawTable = (ctx: Ctx, dimensions: Dimension[], bandLabels: Record<Band, string>): void => {
  const { width } = ctx;
  drawGridTable(
    ctx,
    [
      { title: 'Dimension', width: width - 230, align: 'left' },
      { title: 'Wert', width: 80, align: 'center' },
      { title: 'Einstufung', width: 150, align: 'left' },
    ],
    dimensions.map((dimension) => {
      const band = dimension.score === null ? null : dimension.band;
      return [
        { text: dimension.name || '–' },
        { text: dimension.score === null ? '–' : String(dimension.score), font: BOLD },
        dimension.score === null
          ? { text: 'nicht bewertet', color: COLORS.muted }
          : {
              text: band ? bandLabels[band] : '–',
              color: band ? BAND_COLORS[band] : COLORS.text,
              swatch: band ? BAND_COLORS[band] : null,
            },
      ];
    })
  );
};

const CHANGE_WORDS: Record<ReportDirection, string> = {
  up: 'besser',
  down: 'schlechter',
  same: 'unverändert',
};
const CHANGE_COLORS: Record<ReportDirection, string> = {
  up: BAND_COLORS.gruen,
  down: BAND_COLORS.rot,
  same: COLORS.muted,
};

/** "+12 (besser)", in words: no arrow glyphs, whose meaning a screen reader would not say. */
const changeCell = (delta: number | null, direction: ReportDirection | null): Cell =>
  delta === null || direction === null
    ? { text: 'nicht vergleichbar', color: COLORS.muted }
    : {
        text: `${delta > 0 ? '+' : ''}${String(delta).replace('.', ',')} (${CHANGE_WORDS[direction]})`,
        color: CHANGE_COLORS[direction],
      };

/** The change since the company's previous check, as a table. */
const drawComparison = (ctx: Ctx, comparison: ReportComparison): void => {
  const { width } = ctx;
  heading(ctx, `Veränderung seit dem Check vom ${comparison.previousDate}`, 80);
  const score = (value: number | null) => (value === null ? '–' : String(value));
  drawGridTable(
    ctx,
    [
      { title: 'Dimension', width: width - 290, align: 'left' },
      { title: 'Vorher', width: 70, align: 'center' },
      { title: 'Jetzt', width: 70, align: 'center' },
      { title: 'Veränderung', width: 150, align: 'left' },
    ],
    [
      ...comparison.dimensions.map((entry) => [
        { text: entry.name || '–' },
        { text: score(entry.previousScore) },
        { text: score(entry.score), font: BOLD },
        changeCell(entry.delta, entry.direction),
      ]),
      [
        { text: 'Gesamt', font: BOLD },
        { text: score(comparison.previousTotal) },
        { text: score(comparison.total), font: BOLD },
        changeCell(comparison.totalDelta, comparison.totalDirection),
      ],
    ]
  );
  paragraph(
    ctx,
    'Werte von 0 bis 100; eine Veränderung unter einem Punkt gilt als unverändert.',
    8.5,
    COLORS.muted
  );
  ctx.doc.moveDown(1.2);
};

/** The measures the company took on, as a table with their state in words. */
const drawPlan = (ctx: Ctx, plan: ReportMeasure[]): void => {
  const { width } = ctx;
  heading(ctx, 'Ihr Maßnahmenplan', 80);
  const state = (measure: ReportMeasure): Cell => {
    if (measure.done) return { text: 'erledigt', color: CHANGE_COLORS.up };
    if (measure.overdue) return { text: 'überfällig', color: CHANGE_COLORS.down, font: BOLD };
    return { text: 'offen' };
  };
  drawGridTable(
    ctx,
    [
      { title: 'Maßnahme', width: width - 310, align: 'left' },
      { title: 'Dimension', width: 140, align: 'left' },
      { title: 'Zieldatum', width: 80, align: 'center' },
      { title: 'Stand', width: 90, align: 'left' },
    ],
    plan.map((measure) => [
      { text: short(measure.title, 200) || '–' },
      { text: short(measure.dimension, 80) || '–' },
      { text: short(measure.targetDate, 20) || '–' },
      state(measure),
    ])
  );
  const done = plan.filter((measure) => measure.done).length;
  paragraph(ctx, `${done} von ${plan.length} Maßnahmen erledigt.`, 8.5, COLORS.muted);
  ctx.doc.moveDown(1.2);
};

/** A QR code of `text`, drawn as squares (vector), tagged as a figure with its alternative text. */
const drawQrCode = (ctx: Ctx, text: string, size: number, alt: string): void => {
  const { doc } = ctx;
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const quiet = 4;
  const cell = size / (count + 2 * quiet);
  ensureSpace(doc, size + 6);
  const x0 = ctx.left;
  const y0 = doc.y;
  tagged(
    ctx.root,
    doc,
    'Figure',
    () => {
      doc.save();
      doc.rect(x0, y0, size, size).fill('#ffffff');
      for (let row = 0; row < count; row += 1) {
        for (let column = 0; column < count; column += 1) {
          if (code.isDark(row, column))
            doc.rect(x0 + (column + quiet) * cell, y0 + (row + quiet) * cell, cell, cell);
        }
      }
      doc.fill('#000000');
      doc.restore();
    },
    { alt, bbox: [x0, y0, x0 + size, y0 + size], placement: 'Block' }
  );
  doc.x = ctx.left;
  doc.y = y0 + size + 6;
};

/** The employees' view next to the company's, or how many answers are still missing. */
const drawSurvey = (ctx: Ctx, survey: ReportSurvey): void => {
  const { width } = ctx;
  heading(ctx, 'Sicht der Beschäftigten', 80);
  const state = survey.open
    ? `Die Befragung läuft bis zum ${survey.endsOn}.`
    : 'Die Befragung ist beendet.';
  if (survey.dimensions) {
    paragraph(
      ctx,
      `${state} ${survey.responses} Beschäftigte haben geantwortet. Gezeigt werden nur Mittelwerte je Dimension, keine einzelnen Antworten.`
    );
    ctx.doc.moveDown(0.5);
    const value = (entry: number | null) => (entry === null ? '–' : String(entry));
    const gapCell = (gap: number | null): Cell => {
      if (gap === null) return { text: 'nicht vergleichbar', color: COLORS.muted };
      const text = `${gap > 0 ? '+' : ''}${String(gap).replace('.', ',')}`;
      if (gap >= 10) return { text: `${text} (Betrieb sieht sich besser)`, font: BOLD };
      if (gap <= -10) return { text: `${text} (Beschäftigte sehen es besser)` };
      return { text: `${text} (ähnlich)` };
    };
    drawGridTable(
      ctx,
      [
        { title: 'Dimension', width: width - 330, align: 'left' },
        { title: 'Betrieb', width: 70, align: 'center' },
        { title: 'Beschäftigte', width: 80, align: 'center' },
        { title: 'Unterschied', width: 180, align: 'left' },
      ],
      survey.dimensions.map((entry) => [
        { text: short(entry.name, 120) || '–' },
        { text: value(entry.management) },
        { text: value(entry.employees), font: BOLD },
        gapCell(entry.gap),
      ])
    );
    paragraph(
      ctx,
      'Werte von 0 bis 100. Unterschied = Einschätzung des Betriebs minus Sicht der Beschäftigten; ab 10 Punkten gilt er als deutlich.',
      8.5,
      COLORS.muted
    );
  } else {
    paragraph(
      ctx,
      `${state} Bisher ${survey.responses === 1 ? 'hat 1 Person' : `haben ${survey.responses} Personen`} geantwortet. Ergebnisse gibt es ab ${survey.k} Antworten, damit niemand erkennbar ist; es fehlen noch ${survey.missing}.`
    );
  }
  if (survey.open && survey.link && /^https?:\/\/\S+$/i.test(survey.link)) {
    ctx.doc.moveDown(0.5);
    paragraph(ctx, `Link zur Befragung für Ihre Beschäftigten: ${short(survey.link, 300)}`);
    ctx.doc.moveDown(0.4);
    drawQrCode(
      ctx,
      survey.link,
      110,
      `QR-Code mit dem Link zur Befragung: ${short(survey.link, 300)}`
    );
  }
  ctx.doc.moveDown(1.2);
};

const drawLegend = (ctx: Ctx, bandLabels: Record<Band, string>): void => {
  paragraph(
    ctx,
    `Werte von 0 bis 100 – je höher, desto besser. Einstufung: ${bandLabels.gruen} (grün), ` +
      `${bandLabels.gelb} (gelb), ${bandLabels.rot} (rot).`,
    8.5,
    COLORS.muted
  );
  ctx.doc.moveDown(1.2);
};

/** Two columns: strengths and fields for action, each a heading plus a bulleted list. */
const drawFindings = (ctx: Ctx, strengths: string[], fields: string[]): void => {
  const { doc, left, width } = ctx;
  const gutter = 24;
  const columnWidth = (width - gutter) / 2;
  const bulletIndent = 12;
  const columns = [
    {
      title: 'Ihre Stärken',
      items: strengths,
      empty: 'Derzeit keine ausgeprägten Stärken ermittelt.',
    },
    {
      title: 'Ihre Handlungsfelder',
      items: fields,
      empty: 'Derzeit keine vorrangigen Handlungsfelder ermittelt.',
    },
  ];
  const columnHeight = (column: (typeof columns)[number]) => {
    setFont(doc, BOLD, 14);
    let height = measure(doc, column.title, columnWidth) + 6;
    setFont(doc, FONT, 10);
    const texts = column.items.length ? column.items : [column.empty];
    for (const text of texts) height += measure(doc, text, columnWidth - bulletIndent) + 3;
    return height;
  };
  const height = Math.max(...columns.map(columnHeight));
  ensureSpace(doc, height);
  const top = doc.y;
  let bottom = top;
  columns.forEach((column, index) => {
    const x = left + index * (columnWidth + gutter);
    doc.y = top;
    tagged(ctx.root, doc, 'H2', () => {
      setFont(doc, BOLD, 14, COLORS.accent);
      block(doc, column.title, x, doc.y, columnWidth);
    });
    doc.y += 6;
    if (!column.items.length) {
      tagged(ctx.root, doc, 'P', () => {
        setFont(doc, FONT, 10, COLORS.muted);
        block(doc, column.empty, x, doc.y, columnWidth);
      });
      doc.y += 3;
    } else {
      const list = doc.struct('L');
      ctx.root.add(list);
      for (const item of column.items) {
        const y = doc.y;
        list.add(
          doc.struct('LI', {}, [
            doc.struct('Lbl', {}, [
              () => {
                setFont(doc, FONT, 10, COLORS.accent);
                doc.text('•', x, y, { lineBreak: false });
              },
            ]),
            doc.struct('LBody', {}, [
              () => {
                setFont(doc, FONT, 10);
                block(doc, item, x + bulletIndent, y, columnWidth - bulletIndent);
              },
            ]),
          ])
        );
        doc.y += 3;
      }
      list.end();
    }
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left;
  doc.y = bottom;
  doc.moveDown(1.2);
};

const TIP_INDENT = 18;
const LINK_LABEL = 'Mehr erfahren:';

const drawTips = (ctx: Ctx, tips: ReportTip[]): void => {
  const { doc, left, width } = ctx;
  heading(ctx, 'Empfohlene Maßnahmen', 40);
  if (!tips.length) {
    paragraph(ctx, 'Derzeit liegen keine Empfehlungen vor.', 10, COLORS.muted);
    return;
  }
  const indent = TIP_INDENT;
  const inner = width - indent;
  const list = doc.struct('L');
  ctx.root.add(list);
  tips.forEach((tip, index) => {
    const title = toPdfText(tip.title) || 'Maßnahme';
    const meta = `Aufwand: ${short(tip.effort, 40) || '–'} · Handlungsfeld: ${short(tip.dimension) || '–'}`;
    const summary = toPdfText(tip.summary, true);
    const url = toPdfText(tip.url).replace(/\s/g, '');

    setFont(doc, BOLD, 11);
    let height = measure(doc, title, inner) + 2;
    setFont(doc, FONT, 9);
    height += measure(doc, meta, inner) + 4;
    setFont(doc, FONT, 10);
    if (summary) height += measure(doc, summary, inner) + 2;
    setFont(doc, FONT, 9);
    if (url) height += measure(doc, `${LINK_LABEL} ${url}`, inner);
    // keep a tip together when it fits on a page; very long tips flow across pages
    const pageSpace = bottomLimit(doc) - doc.page.margins.top;
    ensureSpace(doc, height <= pageSpace ? height : 80);

    // list item: the number is the label, title (H3), facts, summary and link the body
    const item = doc.struct('LI');
    list.add(item);
    const top = doc.y;
    tagged(item, doc, 'Lbl', () => {
      setFont(doc, BOLD, 11, COLORS.accent);
      doc.text(`${index + 1}.`, left, top, { lineBreak: false });
    });
    const body = doc.struct('LBody');
    item.add(body);
    tagged(body, doc, 'H3', () => {
      setFont(doc, BOLD, 11);
      block(doc, title, left + indent, top, inner);
    });
    doc.y += 2;
    tagged(body, doc, 'P', () => {
      setFont(doc, FONT, 9, COLORS.muted);
      block(doc, meta, left + indent, doc.y, inner);
    });
    doc.y += 4;
    if (summary) {
      tagged(body, doc, 'P', () => {
        setFont(doc, FONT, 10);
        block(doc, summary, left + indent, doc.y, inner);
      });
      doc.y += 2;
    }
    if (url) drawTipLink(ctx, body, title, url);
    body.end();
    item.end();
    doc.x = left;
    doc.moveDown(0.9);
  });
  list.end();
};

/**
 * "Mehr erfahren: <address>" of a tip as a paragraph. Only http(s) addresses become links: each
 * line of the address gets its own link annotation with a description (PDF/UA), all under one
 * Link element; anything else is plain text. Label and address are wrapped together, so the
 * address may start on the label's line.
 */
const drawTipLink = (ctx: Ctx, parent: Struct, title: string, url: string): void => {
  const { doc } = ctx;
  const x0 = ctx.left + TIP_INDENT;
  const inner = ctx.width - TIP_INDENT;
  setFont(doc, FONT, 9);
  const lines = fit(doc, `${LINK_LABEL} ${url}`, inner).split('\n');
  const segments = [lines[0].slice(LINK_LABEL.length).trimStart(), ...lines.slice(1)];
  const labelWidth = doc.widthOfString(`${LINK_LABEL} `);
  const lineHeight = doc.currentLineHeight(true);
  ensureSpace(doc, lineHeight);
  let y = doc.y;

  const p = doc.struct('P');
  parent.add(p);
  p.add(() => {
    setFont(doc, FONT, 9, COLORS.muted);
    doc.text(LINK_LABEL, x0, y, { lineBreak: false });
  });
  const link = /^https?:\/\/\S+$/i.test(url) ? doc.struct('Link') : null;
  const printAddress = () => {
    setFont(doc, FONT, 9, COLORS.accent);
    segments.forEach((segment, row) => {
      if (row > 0) {
        y += lineHeight;
        if (y + lineHeight > bottomLimit(doc)) {
          doc.addPage();
          y = doc.page.margins.top;
        }
      }
      if (!segment) return;
      const x = row === 0 ? x0 + labelWidth : x0;
      doc.text(segment, x, y, { lineBreak: false, underline: Boolean(link) });
      if (link) {
        // pdfkit reads `structParent` (not in @types/pdfkit) and writes a String object as a
        // PDF text string (a plain string would become a name)
        const options = {
          structParent: link,
          Contents: new String(`Mehr erfahren zu „${title}“ (${url})`),
        } as unknown as PDFKit.Mixins.AnnotationOption;
        doc.link(x, y, doc.widthOfString(segment), lineHeight, url, options);
      }
    });
    doc.y = y + lineHeight;
  };
  if (link) {
    p.add(link);
    link.add(printAddress);
    link.end();
  } else {
    p.add(printAddress);
  }
  p.end();
};

/** The optional note sits at the bottom of the last page, above the footer. */
const drawFooterNote = (ctx: Ctx, note: string): void => {
  const { doc, left, width } = ctx;
  setFont(doc, FONT, 8.5);
  const height = measure(doc, note, width);
  const pageSpace = bottomLimit(doc) - doc.page.margins.top;
  if (height + 12 > pageSpace) {
    // does not fit a page at all: just let it flow
    doc.moveDown(1);
    paragraph(ctx, note, 8.5, COLORS.muted);
    return;
  }
  ensureSpace(doc, height + 24);
  // a little slack: text that ends exactly on the limit would make pdfkit start a page
  const top = bottomLimit(doc) - height - 4;
  artifact(doc, () => {
    doc
      .moveTo(left, top - 6)
      .lineTo(left + width, top - 6)
      .lineWidth(0.5)
      .stroke(COLORS.rule);
  });
  tagged(ctx.root, doc, 'P', () => {
    setFont(doc, FONT, 8.5, COLORS.muted);
    block(doc, note, left, top, width);
  });
};

/** Footer on every buffered page: publisher and "Seite X von Y". */
const drawFooters = (ctx: Ctx, publisher: string): void => {
  const { doc, left, width } = ctx;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const { page } = doc;
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0; // writing below the bottom margin must not add pages
    const y = page.height - FOOTER_OFFSET;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .lineWidth(0.5)
      .stroke(COLORS.rule);
    setFont(doc, FONT, 8.5, COLORS.muted);
    const pageText = `Seite ${i + 1} von ${range.count}`;
    const pageWidth = doc.widthOfString(pageText);
    doc.text(ellipsize(doc, publisher, width - pageWidth - 20), left, y, { lineBreak: false });
    doc.text(pageText, left + width - pageWidth, y, { lineBreak: false });
    doc.endMarkedContent();
    page.margins.bottom = savedBottom;
  }
};

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/** pdfkit's PDF/UA subset (pdfuaid metadata); @types/pdfkit only knows the PDF/A ones */
const PDF_UA = 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * pdfkit writes the Info dictionary and then copies the same values into the XMP metadata
 * without XML escaping, so a title or publisher with "&" or "<" would make the metadata
 * malformed. The values are escaped for that second use only: just before the metadata is
 * written, after the Info dictionary.
 */
const escapeXmpInfo = (doc: Doc): void => {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    const info = doc.info as Record<string, unknown>;
    for (const [key, value] of Object.entries(info)) {
      if (typeof value === 'string') info[key] = value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
    }
    endMetadata();
  };
};

/** Renders the German PDF report; resolves with the complete PDF file. */
export const renderReport = (input: ReportInput): Promise<Buffer> =>
  new Promise<Buffer>((resolve, reject) => {
    try {
      const title = short(input.title, 300) || 'Selbstcheck Arbeitgeberattraktivität';
      const publisher = short(input.publisher, 300);
      const bandLabels: Record<Band, string> = { ...DEFAULT_BAND_LABELS };
      for (const band of Object.keys(DEFAULT_BAND_LABELS) as Band[]) {
        const label = short(input.bandLabels?.[band], 40);
        if (label) bandLabels[band] = label;
      }
      const dimensions: Dimension[] = (input.dimensions ?? []).map((d) => {
        const score = normaliseScore(d.score);
        return {
          name: short(d.name),
          score,
          band: score !== null && isBand(d.band) ? d.band : null,
        };
      });
      const names = (list: string[] | undefined) =>
        (list ?? []).map((name) => short(name)).filter(Boolean);
      const total = normaliseScore(input.total);
      const dateText = formatDate(input.date);

      const fonts = reportFonts();
      const doc = new PDFDocument({
        size: 'A4',
        margins: MARGIN,
        bufferPages: true,
        pdfVersion: '1.7',
        subset: PDF_UA,
        lang: 'de-DE',
        tagged: true,
        displayTitle: true,
        info: {
          Title: title,
          Author: publisher,
          Subject: `Auswertung ${title} vom ${dateText}`,
          Keywords: 'Arbeitgeberattraktivität, Selbstcheck, Auswertung',
          Creator: publisher || 'Arbeitgeber-Check',
        },
      });
      doc.registerFont(FONT, fonts.regular);
      doc.registerFont(BOLD, fonts.bold);
      doc.font(FONT);
      escapeXmpInfo(doc);
      const chunks: Uint8Array[] = [];
      doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);

      const root = doc.struct('Document');
      doc.addStructure(root);
      const ctx: Ctx = {
        doc,
        root,
        left: MARGIN.left,
        width: doc.page.width - MARGIN.left - MARGIN.right,
      };

      drawHeader(ctx, input, title, publisher);
      drawTotal(ctx, total);

      // a radar chart needs at least three axes; the table always lists every dimension
      const radar = dimensions.length >= 3 ? layoutRadar(doc, dimensions) : null;
      heading(ctx, 'Ergebnis nach Dimensionen', radar ? radar.maxBottom - radar.minTop + 10 : 60);
      if (!dimensions.length) {
        paragraph(ctx, 'Es liegen keine bewerteten Dimensionen vor.', 10, COLORS.muted);
        doc.moveDown(1.2);
      } else {
        if (radar) drawRadar(ctx, dimensions, radar, bandLabels);
        drawTable(ctx, dimensions, bandLabels);
        drawLegend(ctx, bandLabels);
      }

      if (input.comparison) drawComparison(ctx, cleanComparison(input.comparison));

      drawFindings(ctx, names(input.strengths), names(input.fieldsForAction));
      drawTips(ctx, input.tips ?? []);
      if (input.plan?.length) drawPlan(ctx, input.plan.slice(0, 50));
      if (input.survey) drawSurvey(ctx, input.survey);

      const note = toPdfText(input.footerNote, true);
      if (note) drawFooterNote(ctx, note);

      drawFooters(ctx, publisher);
      root.end();
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
