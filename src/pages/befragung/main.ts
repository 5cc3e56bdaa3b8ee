/**
 * The employees' survey page: one form with every statement, grouped by dimension; anonymous
 * (no name, no e-mail). Errors appear at the statement they name; a second answer from the same
 * browser is refused by the CMS (signed cookie) and explained here. No inline scripts (CSP).
 */
import { api, ApiError, setFieldError } from '../shared/api.js';
import { byId, focusElement, formatDate, h } from '../selbstcheck/dom.js';
import { statementFieldset, type ScaleOption } from '../selbstcheck/statement.js';

interface SurveyForm {
  surveyId: string;
  open: boolean;
  endsOn: string;
  k: number;
  title: string;
  intro: string | null;
  dimensions: { key: string; name: string; description: string | null }[];
  questions: { id: string; dimension: string; text: string; help: string | null }[];
  scale: ScaleOption[];
}

const form = byId<HTMLFormElement>('survey-form');
const questionsBox = byId('survey-questions');
const alertBox = byId('form-alert');
const loading = byId('loading');
const thanks = byId('thanks');
const ends = byId('ends');
const website = byId<HTMLInputElement>('website');
const sendButton = byId<HTMLButtonElement>('send');

let survey: SurveyForm;
let busy = false;

const showAlert = (message: string, { focus = true } = {}) => {
  alertBox.replaceChildren(h('p', { class: 'notice notice-error' }, message));
  if (focus) focusElement(alertBox);
};

/** The page's final state: a heading and a text instead of the form. */
const finish = (title: string, text: string) => {
  form.hidden = true;
  loading.hidden = true;
  alertBox.replaceChildren();
  thanks.hidden = false;
  thanks.replaceChildren(
    h('h2', { id: 'thanks-heading', tabindex: '-1' }, title),
    h('p', {}, text)
  );
  focusElement(byId('thanks-heading'));
};

const renderQuestion = (question: SurveyForm['questions'][number]) =>
  statementFieldset(question, survey.scale);

const render = () => {
  byId('page-title').textContent = survey.title;
  document.title = `${survey.title} – Bildungsbüro / Fachkräfteoffensive`;
  if (survey.intro) byId('intro').replaceChildren(h('p', { class: 'lead' }, survey.intro));
  ends.hidden = false;
  ends.textContent = `Die Befragung läuft bis zum ${formatDate(survey.endsOn)}. Ihr Betrieb sieht Ergebnisse erst, wenn mindestens ${survey.k} Beschäftigte geantwortet haben.`;
  questionsBox.replaceChildren(
    ...survey.dimensions.map((dimension) => {
      const questions = survey.questions.filter((question) => question.dimension === dimension.key);
      if (!questions.length) return '';
      return h(
        'section',
        { 'aria-labelledby': `dim-${dimension.key}` },
        h('h2', { id: `dim-${dimension.key}` }, dimension.name),
        questions.map(renderQuestion)
      );
    })
  );
  loading.hidden = true;
  form.hidden = false;
};

const answers = (): Record<string, number | null> => {
  const result: Record<string, number | null> = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')) {
    const id = input.name.slice(2);
    result[id] = input.value === 'na' ? null : Number(input.value);
  }
  return result;
};

const clearErrors = () => {
  for (const element of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]'))
    setFieldError(element, null);
  alertBox.replaceChildren();
};

const handleError = (error: unknown) => {
  if (!(error instanceof ApiError)) {
    console.error(error);
    showAlert('Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut.');
    return;
  }
  const { fields, status, general } = error.details;
  if (status === 409) {
    finish('Sie haben schon geantwortet', error.message);
    return;
  }
  if (fields.surveyId) {
    finish('Die Befragung ist beendet', fields.surveyId);
    return;
  }
  let first: HTMLElement | null = null;
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const match = /^answers\.(.+)$/.exec(path);
    const element = match ? document.getElementById(`fs-${match[1]}`) : null;
    if (element) {
      setFieldError(element, message);
      first ??= element;
    } else rest.push(message);
  }
  const text = [general, ...rest].filter(Boolean).join(' ');
  if (text) showAlert(text, { focus: !first });
  first?.querySelector<HTMLInputElement>('input')?.focus();
};

const send = async () => {
  if (busy) return;
  busy = true;
  sendButton.disabled = true;
  clearErrors();
  const given = answers();
  try {
    if (!Object.values(given).some((value) => value !== null)) {
      showAlert('Bitte bewerten Sie mindestens eine Aussage.');
      return;
    }
    await api('POST', `/employer-check/surveys/${encodeURIComponent(survey.surveyId)}/responses`, {
      answers: given,
      ...(website.value ? { website: website.value } : {}),
    });
    finish(
      'Vielen Dank für Ihre Antworten!',
      'Ihre Antworten sind gespeichert. Ihr Betrieb sieht nur die zusammengefassten Werte aller Beschäftigten, die teilgenommen haben, und keine einzelnen Antworten.'
    );
  } catch (error) {
    handleError(error);
  } finally {
    busy = false;
    sendButton.disabled = false;
  }
};

const start = async () => {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name?.startsWith('q-')) setFieldError(byId(`fs-${input.name.slice(2)}`), null);
  });
  const id = new URLSearchParams(window.location.search).get('id') ?? '';
  try {
    survey = (
      await api<{ data: SurveyForm }>('GET', `/employer-check/surveys/${encodeURIComponent(id)}`)
    ).data;
  } catch (error) {
    loading.hidden = true;
    showAlert(
      error instanceof ApiError && error.details.status === 404
        ? 'Diese Befragung gibt es nicht (mehr). Bitte prüfen Sie, ob der Link vollständig ist.'
        : 'Die Befragung konnte nicht geladen werden. Bitte versuchen Sie es später erneut.',
      { focus: false }
    );
    return;
  }
  if (!survey.open) {
    finish(
      'Die Befragung ist beendet',
      'Diese Befragung nimmt keine Antworten mehr an. Vielen Dank für Ihr Interesse.'
    );
    return;
  }
  render();
};

void start();
