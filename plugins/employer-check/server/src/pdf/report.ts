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
 *
 * This module holds the report's own sections and the entry point; the input types are in
 * types.ts, text normalisation in text.ts, drawing primitives in layout.ts and the sections
 * about the company's programme (comparison, action plan, survey) in programme.ts.
 */
import PDFDocument from 'pdfkit';
import { reportFonts } from './fonts';
import {
  artifact,
  BAND_COLORS,
  block,
  BOLD,
  bottomLimit,
  COLORS,
  drawGridTable,
  ellipsize,
  ensureSpace,
  fit,
  FONT,
  heading,
  lineAt,
  MARGIN,
  measure,
  paragraph,
  setFont,
  tagged,
  wrapLines,
} from './layout';
import type { Align, Ctx, Doc, Struct } from './layout';
import { cleanComparison, drawComparison, drawPlan, drawSurvey } from './programme';
import { formatDate, isBand, normaliseScore, short, toPdfText } from './text';
import type { Band, ReportInput, ReportTip } from './types';

export type {
  Band,
  ReportComparison,
  ReportDimension,
  ReportDirection,
  ReportInput,
  ReportMeasure,
  ReportSurvey,
  ReportTip,
} from './types';
export { toPdfText } from './text';

const DEFAULT_BAND_LABELS: Record<Band, string> = {
  rot: 'Handlungsbedarf',
  gelb: 'Ausbaufähig',
  gruen: 'Stark',
};

/** distance of the footer baseline area from the bottom edge of the page */
const FOOTER_OFFSET = 42;

interface Dimension {
  name: string;
  score: number | null;
  band: Band | null;
}

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
      if (input.survey) drawSurvey(ctx, input.survey, bandLabels);

      const note = toPdfText(input.footerNote, true);
      if (note) drawFooterNote(ctx, note);

      drawFooters(ctx, publisher);
      root.end();
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
