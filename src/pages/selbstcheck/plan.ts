/**
 * The action plan on the result page: the recommended tips as rows the company takes on as
 * measures, with an optional target date and a done mark, saved as a whole. Errors from the
 * API appear at the row's field they name (`measures.<n>.tip|targetDate|done`).
 */
import { ApiError, setFieldError } from '../shared/api.js';
import { focusElement, formatDate, h } from './dom.js';
import type { Measure, MeasureInput, Plan, Result } from './types.js';

export interface PlanOptions {
  /** saves the whole plan and gives back the new result */
  save: (measures: MeasureInput[]) => Promise<Result>;
  announce: (message: string) => void;
}

interface Row {
  tip: string;
  title: string;
  summary: string | null;
  measure: Measure | null;
}

const EMPTY_PLAN: Plan = { measures: [], done: 0, open: 0, overdue: 0 };

/** Today in the office's time zone, as the date input wants it (YYYY-MM-DD). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format();

/** Recommended tips first (in their order), then measures whose tip is no longer recommended. */
const rowsOf = (result: Result): Row[] => {
  const plan = result.plan ?? EMPTY_PLAN;
  const byTip = new Map(plan.measures.map((measure) => [measure.tip, measure]));
  const rows: Row[] = result.recommendations.map((tip) => ({
    tip: tip.id,
    title: tip.title,
    summary: null,
    measure: byTip.get(tip.id) ?? null,
  }));
  for (const measure of plan.measures) {
    if (!rows.some((row) => row.tip === measure.tip))
      rows.push({
        tip: measure.tip,
        title: measure.title,
        summary:
          'Nicht mehr unter den aktuellen Empfehlungen; bleibt im Plan, solange Sie es wollen.',
        measure,
      });
  }
  return rows;
};

const stateText = (measure: Measure | null): string => {
  if (!measure) return 'Nicht im Plan.';
  if (measure.done)
    return measure.doneOn ? `Erledigt am ${formatDate(measure.doneOn)}.` : 'Erledigt.';
  if (measure.overdue)
    return `Überfällig: Das Zieldatum (${formatDate(measure.targetDate)}) ist vorbei.`;
  return measure.targetDate
    ? `Offen, Ziel: ${formatDate(measure.targetDate)}.`
    : 'Offen, ohne Zieldatum.';
};

const summaryText = (plan: Plan): string => {
  const total = plan.measures.length;
  if (!total) return 'Noch keine Maßnahmen im Plan.';
  const parts = [
    `${total} ${total === 1 ? 'Maßnahme' : 'Maßnahmen'} im Plan`,
    `${plan.done} erledigt`,
  ];
  if (plan.overdue) parts.push(`${plan.overdue} überfällig`);
  return `${parts.join(', ')}.`;
};

const rowFieldset = (row: Row, index: number) => {
  const id = (name: string) => `plan-${name}-${index}`;
  return h(
    'fieldset',
    { class: `measure${row.measure?.overdue ? ' measure-overdue' : ''}`, id: id('row') },
    h('legend', {}, row.title),
    row.summary ? h('p', { class: 'hint' }, row.summary) : null,
    h(
      'div',
      { class: 'field choice' },
      h('input', {
        type: 'checkbox',
        id: id('take'),
        'data-plan': 'take',
        'data-row': String(index),
        checked: Boolean(row.measure),
      }),
      h('label', { for: id('take') }, 'In den Plan aufnehmen')
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: id('date') }, 'Zieldatum (freiwillig)'),
      h('input', {
        type: 'date',
        id: id('date'),
        'data-plan': 'date',
        'data-row': String(index),
        // an earlier date that has passed stays allowed (it is not a new one)
        min:
          row.measure?.targetDate && row.measure.targetDate < today()
            ? row.measure.targetDate
            : today(),
        value: row.measure?.targetDate ?? '',
      })
    ),
    h(
      'div',
      { class: 'field choice' },
      h('input', {
        type: 'checkbox',
        id: id('done'),
        'data-plan': 'done',
        'data-row': String(index),
        checked: Boolean(row.measure?.done),
      }),
      h('label', { for: id('done') }, 'Erledigt')
    ),
    h('p', { class: 'hint measure-state', id: id('state') }, stateText(row.measure))
  );
};

/** The plan section; it renders itself again after each save. */
export const planSection = (result: Result, options: PlanOptions): HTMLElement => {
  const section = h('section', { id: 'plan', 'aria-labelledby': 'plan-heading' });
  let rows: Row[] = [];
  let busy = false;

  const render = (current: Result) => {
    rows = rowsOf(current);
    const plan = current.plan ?? EMPTY_PLAN;
    section.replaceChildren(
      h('h3', { id: 'plan-heading' }, 'Ihr Maßnahmenplan'),
      h(
        'p',
        {},
        'Wählen Sie aus den Empfehlungen die Maßnahmen, die Sie angehen wollen, und setzen Sie sich ein Zieldatum. Haken Sie erledigte Maßnahmen ab; der Plan steht auch im PDF-Bericht.'
      ),
      h('p', { id: 'plan-summary', class: 'plan-summary', tabindex: '-1' }, summaryText(plan)),
      h('div', { id: 'plan-alert', role: 'alert', tabindex: '-1' }),
      rows.length
        ? h(
            'form',
            { id: 'plan-form', novalidate: true },
            rows.map(rowFieldset),
            h('p', {}, h('button', { type: 'submit', class: 'button' }, 'Plan speichern'))
          )
        : h('p', {}, 'Ohne Empfehlungen gibt es noch nichts, das Sie in den Plan aufnehmen können.')
    );
  };

  const input = (kind: string, index: number) =>
    section.querySelector<HTMLInputElement>(`[data-plan="${kind}"][data-row="${index}"]`);

  const clearErrors = () => {
    for (const element of section.querySelectorAll<HTMLElement>('[aria-invalid="true"]'))
      setFieldError(element, null);
    section.querySelector('#plan-alert')?.replaceChildren();
  };

  /** The measures as sent, and which row each one came from. */
  const collect = () => {
    const measures: MeasureInput[] = [];
    const from: number[] = [];
    rows.forEach((row, index) => {
      if (!input('take', index)?.checked) return;
      measures.push({
        tip: row.tip,
        targetDate: input('date', index)?.value || null,
        done: Boolean(input('done', index)?.checked),
      });
      from.push(index);
    });
    return { measures, from };
  };

  const showErrors = (error: unknown, from: number[]) => {
    const alert = section.querySelector<HTMLElement>('#plan-alert')!;
    if (!(error instanceof ApiError)) {
      console.error(error);
      alert.replaceChildren(
        h(
          'p',
          { class: 'notice notice-error' },
          'Der Plan konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.'
        )
      );
      return;
    }
    const rest: string[] = [];
    let first: HTMLElement | null = null;
    for (const [path, message] of Object.entries(error.details.fields)) {
      const match = /^measures\.(\d+)\.(tip|targetDate|done)$/.exec(path);
      const row = match ? from[Number(match[1])] : undefined;
      const kind = match ? { tip: 'take', targetDate: 'date', done: 'done' }[match[2]]! : '';
      const element = row === undefined ? null : input(kind, row);
      if (element) {
        setFieldError(element, message);
        first ??= element;
      } else rest.push(message);
    }
    const general = error.details.general;
    if (general || rest.length)
      alert.replaceChildren(
        h('p', { class: 'notice notice-error' }, [general, ...rest].filter(Boolean).join(' '))
      );
    if (first) first.focus();
    else focusElement(alert);
  };

  section.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    const index = Number(target.dataset.row);
    if (!target.dataset.plan || Number.isNaN(index)) return;
    setFieldError(target, null);
    // a date or a done mark means the company wants the measure
    const take = input('take', index);
    if (target.dataset.plan !== 'take' && take && (target.checked || target.value))
      take.checked = true;
  });

  section.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    clearErrors();
    const { measures, from } = collect();
    options
      .save(measures)
      .then((next) => {
        render(next);
        focusElement(section.querySelector<HTMLElement>('#plan-summary'));
        options.announce(
          `Ihr Maßnahmenplan ist gespeichert. ${summaryText(next.plan ?? EMPTY_PLAN)}`
        );
      })
      .catch((error: unknown) => showErrors(error, from))
      .finally(() => {
        busy = false;
      });
  });

  render(result);
  return section;
};
