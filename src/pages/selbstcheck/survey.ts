/**
 * The employees' survey on the result page: start it (with an optional end date), pass on its
 * link, see how many answered and, from k answers on, the employees' view next to the
 * company's own per dimension (a bar chart with the table as its text alternative), and close
 * it early with the management key.
 */
import { ApiError, setFieldError } from '../shared/api.js';
import { focusElement, formatDate, formatNumber, h, s } from './dom.js';
import type { Result, Survey, SurveyDimension } from './types.js';

export interface SurveyOptions {
  start: (endsOn: string | null) => Promise<Survey & { manageToken: string }>;
  close: (manageToken: string) => Promise<Survey>;
  announce: (message: string) => void;
}

const READING: Record<string, string> = {
  'management-higher': 'Ihr Betrieb sieht sich deutlich besser',
  'employees-higher': 'Die Beschäftigten sehen es deutlich besser',
  aligned: 'ähnlich',
};

const signed = (value: number) => `${value > 0 ? '+' : ''}${formatNumber(value)}`;

const gapText = (entry: SurveyDimension) =>
  entry.gap === null
    ? 'nicht vergleichbar'
    : `${signed(entry.gap)} (${READING[entry.reading ?? 'aligned']})`;

/** Two bars per dimension: the company's view and the employees'. Decoration for sight only. */
const gapChart = (dimensions: SurveyDimension[]) => {
  const rowHeight = 34;
  const labelWidth = 190;
  const barWidth = 300;
  const height = dimensions.length * rowHeight + 24;
  return s(
    'svg',
    {
      class: 'gap-chart',
      viewBox: `0 0 ${labelWidth + barWidth + 50} ${height}`,
      role: 'img',
      'aria-label':
        'Balkendiagramm: je Dimension die Einschätzung Ihres Betriebs und die Sicht der Beschäftigten (0 bis 100). Die Werte stehen auch in der Tabelle.',
    },
    ...dimensions.flatMap((entry, index) => {
      const y = index * rowHeight + 4;
      const bar = (value: number | null, offset: number, className: string) =>
        value === null
          ? null
          : s('rect', {
              x: labelWidth,
              y: y + offset,
              width: Math.max(1, (barWidth * value) / 100),
              height: 11,
              class: className,
            });
      return [
        s(
          'text',
          { x: 0, y: y + 15, class: 'gap-label' },
          entry.name.length > 30 ? `${entry.name.slice(0, 29)}…` : entry.name
        ),
        bar(entry.management, 2, 'gap-bar-own'),
        bar(entry.employees, 15, 'gap-bar-staff'),
        s(
          'text',
          { x: labelWidth + barWidth + 6, y: y + 15, class: 'gap-label' },
          entry.gap === null ? '–' : signed(entry.gap)
        ),
      ];
    })
  );
};

const gapTable = (dimensions: SurveyDimension[], bandLabels: Result['bandLabels']) =>
  h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-labelledby': 'gap-caption', tabindex: '0' },
    h(
      'table',
      { id: 'gap-table', class: 'result-table' },
      h(
        'caption',
        { id: 'gap-caption' },
        'Ihre Einschätzung und die Sicht der Beschäftigten je Dimension (0 bis 100)'
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Dimension', 'Ihr Betrieb', 'Beschäftigte', 'Unterschied'].map((label) =>
            h('th', { scope: 'col' }, label)
          )
        )
      ),
      h(
        'tbody',
        {},
        dimensions.map((entry) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, entry.name),
            h(
              'td',
              { class: 'num' },
              entry.management === null ? '–' : formatNumber(entry.management)
            ),
            h(
              'td',
              { class: 'num' },
              entry.employees === null
                ? 'zu wenige Antworten'
                : `${formatNumber(entry.employees)}${entry.band ? ` (${bandLabels[entry.band] ?? entry.band})` : ''}`
            ),
            h('td', {}, gapText(entry))
          )
        )
      )
    )
  );

const copyField = (id: string, label: string, value: string, hint?: string) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('input', {
      type: 'text',
      id,
      readonly: true,
      value,
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-describedby': hint ? `${id}-hint` : null,
    })
  );

export const surveySection = (result: Result, options: SurveyOptions): HTMLElement => {
  const section = h('section', { id: 'survey', 'aria-labelledby': 'survey-heading' });
  let busy = false;
  let manageToken: string | null = null;

  const alert = () => section.querySelector<HTMLElement>('#survey-alert')!;
  const fail = (error: unknown, field: HTMLInputElement | null, fieldPath: string) => {
    if (error instanceof ApiError && field && error.details.fields[fieldPath]) {
      setFieldError(field, error.details.fields[fieldPath]);
      field.focus();
      return;
    }
    if (error instanceof ApiError && field && error.details.status === 404) {
      setFieldError(field, 'Dieser Schlüssel passt zu keiner Befragung.');
      field.focus();
      return;
    }
    const message =
      error instanceof ApiError
        ? (error.details.general ?? error.message)
        : 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.';
    alert().replaceChildren(h('p', { class: 'notice notice-error' }, message));
    focusElement(alert());
  };

  const startForm = () =>
    h(
      'form',
      { id: 'survey-start', novalidate: true },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'survey-ends' }, 'Ende der Befragung (freiwillig)'),
        h(
          'p',
          { class: 'hint', id: 'survey-ends-hint' },
          'Ohne Angabe läuft die Befragung vier Wochen.'
        ),
        h('input', { type: 'date', id: 'survey-ends', 'aria-describedby': 'survey-ends-hint' })
      ),
      h('p', {}, h('button', { type: 'submit', class: 'button' }, 'Befragung starten'))
    );

  const closeForm = () =>
    h(
      'form',
      { id: 'survey-close', novalidate: true },
      h('h4', {}, 'Befragung vorzeitig beenden'),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'survey-key' }, 'Verwaltungsschlüssel der Befragung'),
        h('input', {
          type: 'text',
          id: 'survey-key',
          value: manageToken ?? '',
          spellcheck: 'false',
          autocomplete: 'off',
        })
      ),
      h('p', {}, h('button', { type: 'submit', class: 'button-secondary' }, 'Befragung beenden'))
    );

  const figures = (survey: Survey) => {
    if (!survey.available || !survey.dimensions)
      return h(
        'p',
        { id: 'survey-missing' },
        `Ergebnisse gibt es ab ${survey.k} Antworten, damit niemand erkennbar ist. Es fehlen noch ${survey.missing}.`
      );
    return h(
      'div',
      {},
      h(
        'p',
        {},
        'Gezeigt werden nur Mittelwerte je Dimension, keine einzelnen Antworten; sie ändern sich jeweils, wenn weitere ' +
          `${survey.k} Beschäftigte geantwortet haben. Ein Unterschied ab 10 Punkten gilt als deutlich: Wo Ihr Betrieb sich besser sieht als die Beschäftigten, lohnt sich das Gespräch.`
      ),
      h(
        'figure',
        { class: 'chart' },
        gapChart(survey.dimensions),
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
            h(
              'li',
              {},
              h('span', { class: 'swatch swatch-staff', 'aria-hidden': 'true' }),
              'Beschäftigte'
            )
          )
        )
      ),
      gapTable(survey.dimensions, result.bandLabels)
    );
  };

  const render = (survey: Survey | null | undefined, fresh = false) => {
    const children: (HTMLElement | null)[] = [
      h('h3', { id: 'survey-heading', tabindex: '-1' }, 'Sicht der Beschäftigten'),
      h('div', { id: 'survey-alert', role: 'alert', tabindex: '-1' }),
      ...(survey
        ? [
            h(
              'p',
              { id: 'survey-state' },
              survey.open
                ? `Die Befragung läuft bis zum ${formatDate(survey.endsOn)}. Bisher ${survey.responses === 1 ? 'hat 1 Person' : `haben ${survey.responses} Personen`} geantwortet.`
                : `Die Befragung ist beendet. ${survey.responses === 1 ? '1 Person hat' : `${survey.responses} Personen haben`} geantwortet.`
            ),
            survey.open && survey.link
              ? copyField(
                  'survey-link',
                  'Link für Ihre Beschäftigten',
                  survey.link,
                  'Geben Sie diesen Link weiter, z. B. per Aushang oder Rundmail; im PDF-Bericht steht er auch als QR-Code.'
                )
              : null,
            fresh && manageToken
              ? copyField(
                  'survey-manage',
                  'Verwaltungsschlüssel der Befragung',
                  manageToken,
                  'Wird nur jetzt angezeigt. Damit können Sie (oder z. B. Ihre Personalabteilung) den Stand sehen und die Befragung vorzeitig beenden.'
                )
              : null,
            figures(survey),
            survey.open ? closeForm() : null,
          ]
        : [
            h(
              'p',
              {},
              'Wie sehen Ihre Beschäftigten Ihren Betrieb? Starten Sie eine anonyme Befragung: Sie erhalten einen Link, den Sie weitergeben. Die Beschäftigten bewerten kurze Aussagen zu denselben Themen; Sie sehen die Ergebnisse je Thema neben Ihrer eigenen Einschätzung, sobald genügend geantwortet haben.'
            ),
            startForm(),
          ]),
    ];
    section.replaceChildren(...children.filter((node): node is HTMLElement => node !== null));
  };

  section.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const target = event.target as HTMLFormElement;
    busy = true;
    alert().replaceChildren();
    let task: Promise<void>;
    if (target.id === 'survey-start') {
      const field = section.querySelector<HTMLInputElement>('#survey-ends');
      if (field) setFieldError(field, null);
      task = options
        .start(field?.value || null)
        .then((started) => {
          manageToken = started.manageToken;
          render(started, true);
          focusElement(section.querySelector<HTMLElement>('#survey-heading'));
          options.announce(
            'Die Befragung ist gestartet. Geben Sie den Link an Ihre Beschäftigten weiter.'
          );
        })
        .catch((error: unknown) => fail(error, field, 'endsOn'));
    } else {
      const field = section.querySelector<HTMLInputElement>('#survey-key');
      if (field) setFieldError(field, null);
      const key = field?.value.trim() ?? '';
      task = options
        .close(key)
        .then((closed) => {
          render(closed);
          focusElement(section.querySelector<HTMLElement>('#survey-heading'));
          options.announce('Die Befragung ist beendet.');
        })
        .catch((error: unknown) => fail(error, field, 'manageToken'));
    }
    void task.finally(() => {
      busy = false;
    });
  });

  render(result.survey);
  return section;
};
