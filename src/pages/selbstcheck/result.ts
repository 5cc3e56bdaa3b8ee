/** The result view: total, radar chart with a table alternative, lists, tips, comparison, PDF. */
import { formatNumber, h } from './dom.js';
import { progressSection } from './progress.js';
import { radarChart } from './radar.js';
import type { Band, DimensionResult, Result } from './types.js';

const BAND_CLASS: Record<Band, string> = {
  rot: 'band-rot',
  gelb: 'band-gelb',
  gruen: 'band-gruen',
};

const bandWord = (result: Result, band: Band | null) =>
  band ? (result.bandLabels[band] ?? band) : 'nicht bewertet';

/** The band in words; the coloured dot before it is decoration only. */
const bandBadge = (result: Result, band: Band | null) =>
  h(
    'span',
    { class: `band ${band ? BAND_CLASS[band] : 'band-none'}` },
    h('span', { class: 'band-dot', 'aria-hidden': 'true' }),
    bandWord(result, band)
  );

const describe = (result: Result, dimension: DimensionResult) =>
  dimension.score === null
    ? `${dimension.name}: nicht bewertet`
    : `${dimension.name}: ${formatNumber(dimension.score)} von 100 (${bandWord(result, dimension.band)})`;

const dimensionList = (result: Result, keys: string[], empty: string) => {
  const items = keys
    .map((key) => result.dimensions.find((dimension) => dimension.key === key))
    .filter((dimension): dimension is DimensionResult => Boolean(dimension));
  return items.length
    ? h(
        'ul',
        {},
        items.map((dimension) => h('li', {}, describe(result, dimension)))
      )
    : h('p', {}, empty);
};

const table = (result: Result) => {
  const regional = result.regionalAverage.available ? result.regionalAverage : null;
  const regionalCell = (value: number | null | undefined) =>
    regional ? (typeof value === 'number' ? formatNumber(value) : '–') : 'nicht verfügbar';
  return h(
    'table',
    { id: 'result-table', class: 'result-table' },
    h('caption', { id: 'result-table-caption' }, 'Ergebnis je Dimension (Werte von 0 bis 100)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Dimension', 'Wert', 'Einstufung', 'Regionaler Durchschnitt'].map((label) =>
          h('th', { scope: 'col' }, label)
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
          h(
            'td',
            { class: 'num' },
            dimension.score === null ? 'nicht bewertet' : formatNumber(dimension.score)
          ),
          h('td', {}, bandBadge(result, dimension.band)),
          h('td', { class: 'num' }, regionalCell(regional?.dimensions[dimension.key]))
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
        h(
          'td',
          { class: 'num' },
          result.total === null ? 'nicht bewertet' : formatNumber(result.total)
        ),
        h('td', {}, bandBadge(result, result.totalBand)),
        h('td', { class: 'num' }, regionalCell(regional?.total))
      )
    )
  );
};

const tips = (result: Result) => {
  if (!result.recommendations.length)
    return h(
      'p',
      {},
      'Zu Ihren Handlungsfeldern liegen derzeit keine passenden Tipps vor. Das Bildungsbüro berät Sie gern persönlich.'
    );
  const name = (key: string) =>
    result.dimensions.find((dimension) => dimension.key === key)?.name ?? key;
  return h(
    'ul',
    { class: 'tips' },
    result.recommendations.map((tip) =>
      h(
        'li',
        {},
        h(
          'h4',
          {},
          tip.url ? h('a', { href: tip.url, rel: 'noopener noreferrer' }, tip.title) : tip.title
        ),
        tip.summary ? h('p', {}, tip.summary) : null,
        h(
          'p',
          { class: 'hint' },
          `Aufwand: ${tip.effort || 'keine Angabe'}`,
          tip.dimension ? ` · Handlungsfeld: ${name(tip.dimension)}` : null
        )
      )
    )
  );
};

export interface ResultOptions {
  result: Result;
  reportUrl: string;
  /** the panel with the link to come back (built by the caller) */
  resumePanel: HTMLElement;
  /** "Passende Tipps per Newsletter", below the tips (built by the caller) */
  tipsPanel?: HTMLElement | null;
  /** the action plan editor, below the tips (built by the caller) */
  planPanel?: HTMLElement | null;
  /** the employees' survey, after the comparison (built by the caller) */
  surveyPanel?: HTMLElement | null;
  /** reminder mails, after the plan (built by the caller) */
  remindersPanel?: HTMLElement | null;
}

export const renderResult = (
  container: HTMLElement,
  {
    result,
    reportUrl,
    resumePanel,
    tipsPanel = null,
    planPanel = null,
    surveyPanel = null,
    remindersPanel = null,
  }: ResultOptions
) => {
  const { red, green } = result.thresholds;
  const regional = result.regionalAverage;
  const summary = `Netzdiagramm Ihrer Ergebnisse je Dimension (0 bis 100): ${result.dimensions
    .map((dimension) => describe(result, dimension))
    .join(
      '; '
    )}.${regional.available ? ' Gestrichelt: regionaler Durchschnitt.' : ''} Die Werte stehen auch in der Tabelle.`;

  container.replaceChildren(
    h('h2', { id: 'result-heading', tabindex: '-1' }, 'Ihr Ergebnis'),
    h(
      'p',
      { id: 'total', class: 'total' },
      result.total === null
        ? 'Ein Gesamtwert konnte nicht berechnet werden, weil zu wenige Fragen beantwortet wurden.'
        : [
            'Gesamtwert: ',
            h('strong', {}, `${formatNumber(result.total)} von 100`),
            ' – Einstufung: ',
            bandBadge(result, result.totalBand),
          ]
    ),
    h(
      'p',
      { class: 'hint' },
      `Einstufung: unter ${red} Punkten „${result.bandLabels.rot}“, ${red} bis unter ${green} Punkten „${result.bandLabels.gelb}“, ab ${green} Punkten „${result.bandLabels.gruen}“. Eine Dimension wird nur bewertet, wenn mindestens die Hälfte ihrer Fragen beantwortet ist.`
    ),
    h(
      'figure',
      { class: 'chart' },
      radarChart(result.dimensions, regional.available ? regional.dimensions : null, summary),
      h(
        'figcaption',
        {},
        h(
          'ul',
          { class: 'legend' },
          h(
            'li',
            {},
            h('span', { class: 'swatch swatch-own', 'aria-hidden': 'true' }),
            'Ihr Betrieb'
          ),
          regional.available
            ? h(
                'li',
                {},
                h('span', { class: 'swatch swatch-regional', 'aria-hidden': 'true' }),
                'Regionaler Durchschnitt (gestrichelt)'
              )
            : null,
          result.dimensions.some((dimension) => dimension.score === null)
            ? h(
                'li',
                {},
                h('span', { class: 'swatch swatch-unscored', 'aria-hidden': 'true' }),
                'Gepunktete Achse: nicht bewertet'
              )
            : null
        )
      )
    ),
    // A narrow screen scrolls the table sideways (keyboard-reachable region), not the page.
    h(
      'div',
      {
        class: 'table-wrap',
        role: 'region',
        'aria-labelledby': 'result-table-caption',
        tabindex: '0',
      },
      table(result)
    ),
    ...progressSection(result),
    ...(surveyPanel ? [surveyPanel] : []),
    h('h3', {}, 'Ihre Stärken'),
    dimensionList(result, result.strengths, 'Es konnte noch keine Dimension bewertet werden.'),
    h('h3', {}, 'Ihre Handlungsfelder'),
    dimensionList(result, result.weaknesses, 'Es konnte noch keine Dimension bewertet werden.'),
    h('h3', {}, 'Regionaler Vergleich'),
    regional.available
      ? h(
          'p',
          {},
          `Durchschnitt von ${regional.count} Betrieben derselben Branche und Betriebsgröße, die der Statistik zugestimmt haben: Gesamtwert ${regional.total === null ? '–' : formatNumber(regional.total)} von 100. Die Werte je Dimension stehen in der Tabelle.`
        )
      : h('p', {}, regional.reason || 'Ein regionaler Vergleich ist derzeit nicht möglich.'),
    h('h3', {}, 'Empfohlene Tipps'),
    tips(result),
    ...(tipsPanel ? [tipsPanel] : []),
    ...(planPanel ? [planPanel] : []),
    ...(remindersPanel ? [remindersPanel] : []),
    h('h3', {}, 'Bericht'),
    h(
      'p',
      {},
      h(
        'a',
        { id: 'report-link', class: 'button', href: reportUrl, type: 'application/pdf' },
        'Bericht als PDF herunterladen'
      )
    ),
    resumePanel,
    h('h3', {}, 'Erneut prüfen'),
    h(
      'p',
      {},
      'Haben Sie Maßnahmen umgesetzt? Prüfen Sie nach einigen Monaten erneut. Ihre Angaben zum Betrieb werden übernommen, die Fragen beantworten Sie neu; das Ergebnis zeigt dann die Veränderung gegenüber diesem Check.'
    ),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', id: 'recheck', class: 'button', 'data-action': 'recheck' },
        'Neuen Check beginnen'
      )
    ),
    h('h3', {}, 'Teilnahme löschen'),
    h(
      'p',
      {},
      'Sie können Ihre Antworten und Ihr Ergebnis jederzeit endgültig löschen. Der Link zu dieser Teilnahme funktioniert danach nicht mehr.'
    ),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', id: 'delete', class: 'button-danger', 'data-action': 'delete' },
        'Teilnahme löschen'
      )
    )
  );
};
