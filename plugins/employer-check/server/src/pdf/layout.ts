/**
 * Drawing primitives shared by the sections of the PDF report: document and structure types,
 * colours, fonts and margins, page breaks, tagged content and artifacts, text fitting and
 * wrapping, headings and paragraphs, and the tagged grid table.
 */
import type { Band } from './types';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;
export type Align = 'left' | 'center' | 'right';

export const BAND_COLORS: Record<Band, string> = {
  rot: '#b42318',
  gelb: '#b54708',
  gruen: '#1e7b34',
};

export const COLORS = {
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
export const FONT = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

export const MARGIN = { top: 50, bottom: 64, left: 50, right: 50 };

// ---------------------------------------------------------------------------
// Layout helpers
// ---------------------------------------------------------------------------

export interface Ctx {
  doc: Doc;
  root: Struct;
  left: number;
  width: number;
}

export const bottomLimit = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit below the current position. */
export const ensureSpace = (doc: Doc, height: number): void => {
  if (doc.y + height + 2 > bottomLimit(doc)) doc.addPage();
};

export const setFont = (doc: Doc, font: string, size: number, color = COLORS.text): void => {
  doc.font(font).fontSize(size).fillColor(color);
};

/**
 * Options of structure elements that pdfkit 0.20 supports beyond @types/pdfkit: the scope of a
 * table header cell and the layout box of a figure (top-left origin, like drawing).
 */
export interface StructOptions extends PDFKit.Mixins.StructureElementOptions {
  scope?: 'Row' | 'Column' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

/** Adds a structure element whose content is drawn by `draw` (runs immediately). */
export const tagged = (
  parent: Struct,
  doc: Doc,
  type: string,
  draw: () => void,
  options: StructOptions = {}
): void => {
  parent.add(doc.struct(type, options, [draw]));
};

/** Draws decoration that is not content (rules, backgrounds, bullets). */
export const artifact = (doc: Doc, draw: () => void): void => {
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
export const ellipsize = (doc: Doc, text: string, width: number): string => {
  if (doc.widthOfString(text) <= width) return text;
  return `${text.slice(0, fittingLength(doc, text, width, '…')).trimEnd()}…`;
};

/**
 * Greedy line wrapping in the current font: breaks at spaces and after hyphens/slashes, splits
 * words that are too long on their own, and ends with an ellipsis after `maxLines` lines.
 */
export const wrapLines = (doc: Doc, text: string, width: number, maxLines: number): string[] => {
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
export const fit = (doc: Doc, text: string, width: number): string =>
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
export const block = (doc: Doc, text: string, x: number, y: number, width: number): void => {
  doc.text(fit(doc, text, width), x, y, { width: withBreak(doc, width) });
};

/** Height of wrapped text in the current font. */
export const measure = (doc: Doc, text: string, width: number): number =>
  doc.heightOfString(fit(doc, text, width), { width: withBreak(doc, width) });

/** Prints a single line without wrapping, aligned within [x, x + width]. */
export const lineAt = (
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  align: Align
) => {
  const textWidth = doc.widthOfString(text);
  const dx =
    align === 'right' ? width - textWidth : align === 'center' ? (width - textWidth) / 2 : 0;
  doc.text(text, x + dx, y, { lineBreak: false });
};

export const heading = (ctx: Ctx, text: string, keepWithNext: number): void => {
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

export const paragraph = (ctx: Ctx, text: string, size = 10, color = COLORS.text): void => {
  const { doc } = ctx;
  setFont(doc, FONT, size, color);
  ensureSpace(doc, Math.min(measure(doc, text, ctx.width), doc.currentLineHeight(true) * 3));
  tagged(ctx.root, doc, 'P', () => {
    setFont(doc, FONT, size, color);
    block(doc, text, ctx.left, doc.y, ctx.width);
  });
};

export interface Column {
  title: string;
  width: number;
  align: Align;
}

export interface Cell {
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
export const drawGridTable = (ctx: Ctx, columns: Column[], rows: Cell[][]): void => {
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
