/**
 * Sections of the PDF report about the company's programme: the change since its previous
 * check, its action plan, and its employees' survey with a QR code of the survey link.
 */
import qrcode from 'qrcode-generator';
import {
  BAND_COLORS,
  BOLD,
  COLORS,
  drawGridTable,
  ensureSpace,
  heading,
  paragraph,
  tagged,
} from './layout';
import type { Cell, Ctx } from './layout';
import { isBand, isDirection, normaliseDelta, normaliseScore, short } from './text';
import type { Band, ReportComparison, ReportDirection, ReportMeasure, ReportSurvey } from './types';

/** The comparison with text shortened and numbers checked, like the rest of the input. */
export const cleanComparison = (comparison: ReportComparison): ReportComparison => ({
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
export const drawComparison = (ctx: Ctx, comparison: ReportComparison): void => {
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
export const drawPlan = (ctx: Ctx, plan: ReportMeasure[]): void => {
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
export const drawSurvey = (
  ctx: Ctx,
  survey: ReportSurvey,
  bandLabels: Record<Band, string>
): void => {
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
    // the employees' mean with its band in words (the square is decoration)
    const employeesCell = (mean: number | null, band: Band | null): Cell =>
      mean === null
        ? { text: 'zu wenige Antworten', color: COLORS.muted }
        : {
            text: band && isBand(band) ? `${mean} · ${bandLabels[band]}` : String(mean),
            font: BOLD,
            swatch: band && isBand(band) ? BAND_COLORS[band] : null,
          };
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
        { title: 'Dimension', width: width - 360, align: 'left' },
        { title: 'Betrieb', width: 55, align: 'center' },
        { title: 'Beschäftigte', width: 145, align: 'left' },
        { title: 'Unterschied', width: 160, align: 'left' },
      ],
      survey.dimensions.map((entry) => [
        { text: short(entry.name, 120) || '–' },
        { text: value(entry.management) },
        employeesCell(entry.employees, entry.band ?? null),
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
