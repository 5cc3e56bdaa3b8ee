/**
 * Self-check "Arbeitgeberattraktivität": profile step, one step per dimension, save and resume
 * with the token, result view. Plain DOM, no inline scripts (strict CSP).
 */
import { api, apiUrl, ApiError, setFieldError } from '../shared/api.js';
import { byId, focusElement, h } from './dom.js';
import { planSection } from './plan.js';
import { remindersSection } from './reminders.js';
import { renderResult } from './result.js';
import { statementFieldset } from './statement.js';
import { surveySection } from './survey.js';
import { tipsLinkPanel } from './tips-link.js';
import type {
  AnswerValue,
  Answers,
  Dimension,
  Profile,
  Question,
  Questionnaire,
  Submission,
  Survey,
} from './types.js';

const BASE = '/employer-check';
const MUNICIPALITIES = '/municipalities?fields[0]=name&sort=name&pagination[pageSize]=100';

const form = byId<HTMLFormElement>('check-form');
const heading = byId('step-heading');
const progressText = byId('step-progress-text');
const progressBar = byId('step-progress');
const progressFill = byId('step-progress-fill');
const description = byId('step-description');
const profileBox = byId('step-profile');
const questionsBox = byId('step-questions');
const backButton = byId<HTMLButtonElement>('back');
const nextButton = byId<HTMLButtonElement>('next');
const alertBox = byId('form-alert');
const live = byId('live');
const resultBox = byId('result');
const loading = byId('loading');
const sector = byId<HTMLSelectElement>('sector');
const sizeClass = byId<HTMLSelectElement>('sizeClass');
const municipality = byId<HTMLSelectElement>('municipality');
const trainsGroup = byId<HTMLFieldSetElement>('trainsApprentices-group');
const consent = byId<HTMLInputElement>('consentStatistics');
const website = byId<HTMLInputElement>('website');

interface Step {
  dimension: Dimension;
  questions: Question[];
}

let questionnaire: Questionnaire;
let token: string | null = null;
let answers: Answers = {};
/** 0 = profile, 1..n = dimension steps */
let step = 0;
let busy = false;
const errored = new Set<HTMLElement>();

// ---------------------------------------------------------------------------------------------
// Small helpers

const announce = (message: string) => {
  live.textContent = '';
  window.setTimeout(() => {
    live.textContent = message;
  }, 60);
};

const setToken = (value: string | null) => {
  token = value;
  const url = new URL(window.location.href);
  if (value) url.searchParams.set('token', value);
  else url.searchParams.delete('token');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
};

const pagePath = () => window.location.pathname.replace(/index\.html$/, '');

const resumeUrl = () =>
  `${window.location.origin}${pagePath()}?token=${encodeURIComponent(token ?? '')}`;

const submissionUrl = (suffix = '') =>
  `${BASE}/submissions/${encodeURIComponent(token ?? '')}${suffix}`;

const trains = (): boolean | null => {
  const checked = form.querySelector<HTMLInputElement>('input[name="trainsApprentices"]:checked');
  return checked ? checked.value === 'yes' : null;
};

/** Before the company has said whether it trains, all questions count (for the step total). */
const applies = (question: Question) => !question.onlyIfTrainsApprentices || trains() !== false;

const dimensionSteps = (): Step[] =>
  questionnaire.dimensions
    .map((dimension) => ({
      dimension,
      questions: questionnaire.questions.filter(
        (question) => question.dimension === dimension.key && applies(question)
      ),
    }))
    .filter((entry) => entry.questions.length > 0);

const readProfile = (): Profile => ({
  sector: sector.value,
  sizeClass: sizeClass.value,
  municipality: municipality.value || null,
  trainsApprentices: trains() === true,
});

/** The answers that apply to this company (answers to other questions would be refused). */
const applicableAnswers = (): Answers => {
  const result: Answers = {};
  for (const question of questionnaire.questions) {
    if (applies(question) && Object.prototype.hasOwnProperty.call(answers, question.id))
      result[question.id] = answers[question.id];
  }
  return result;
};

const payload = (complete: boolean) => ({
  profile: readProfile(),
  answers: applicableAnswers(),
  complete,
  consentStatistics: consent.checked,
  questionnaireVersion: questionnaire.version,
  website: website.value,
});

// ---------------------------------------------------------------------------------------------
// Errors

const clearErrors = () => {
  for (const element of errored) setFieldError(element, null);
  errored.clear();
};

const clearError = (element: HTMLElement | null) => {
  if (element && errored.has(element)) {
    setFieldError(element, null);
    errored.delete(element);
  }
};

const clearAlert = () => alertBox.replaceChildren();

interface AlertOptions {
  focus?: boolean;
  /** offer "Neuen Check beginnen" (in place) */
  restart?: boolean;
  /** offer a reload of the page (keeps the token in the address) */
  reload?: string;
  /** offer a fresh start with the page reloaded (the questionnaire itself changed) */
  fresh?: string;
}

const showAlert = (
  message: string,
  { focus = true, restart = false, reload, fresh }: AlertOptions = {}
) => {
  const actions = [
    restart
      ? h(
          'button',
          { type: 'button', class: 'button-secondary', 'data-action': 'restart' },
          'Neuen Check beginnen'
        )
      : null,
    reload
      ? h('button', { type: 'button', class: 'button-secondary', 'data-action': 'reload' }, reload)
      : null,
    fresh
      ? h('button', { type: 'button', class: 'button-secondary', 'data-action': 'fresh' }, fresh)
      : null,
  ].filter(Boolean);
  alertBox.replaceChildren(
    h(
      'div',
      { class: 'notice notice-error' },
      h('p', {}, message),
      actions.length ? h('p', { class: 'actions' }, actions) : null
    )
  );
  if (focus) focusElement(alertBox);
};

interface Target {
  id: string;
  step: number;
}

/** Which field (and step) an error path from the API belongs to. */
const targetFor = (path: string): Target | null => {
  const profileFields: Record<string, string> = {
    'profile.sector': 'sector',
    'profile.sizeClass': 'sizeClass',
    'profile.municipality': 'municipality',
    'profile.trainsApprentices': 'trainsApprentices-group',
    consentStatistics: 'consentStatistics',
  };
  if (profileFields[path]) return { id: profileFields[path], step: 0 };
  const match = /^answers\.(.+)$/.exec(path);
  if (match) {
    const index = dimensionSteps().findIndex((entry) =>
      entry.questions.some((question) => question.id === match[1])
    );
    if (index >= 0) return { id: `fs-${match[1]}`, step: index + 1 };
  }
  return null;
};

/** How an error path is named in the alert when its field is not on the current step. */
const fieldLabel = (path: string): string | null => {
  const labels: Record<string, string> = {
    'profile.sector': 'Branche',
    'profile.sizeClass': 'Betriebsgröße',
    'profile.municipality': 'Kommune',
    'profile.trainsApprentices': 'Ausbildung',
    consentStatistics: 'Einverständnis zur Statistik',
  };
  if (labels[path]) return labels[path];
  const match = /^answers\.(.+)$/.exec(path);
  if (!match) return null;
  const question = questionnaire.questions.find((entry) => entry.id === match[1]);
  return question ? `Aussage „${question.text}“` : 'Antworten';
};

const labelled = (path: string, message: string) => {
  const label = fieldLabel(path);
  return label ? `${label}: ${message}` : message;
};

const focusField = (element: HTMLElement) => {
  if (element instanceof HTMLFieldSetElement) {
    const radio =
      element.querySelector<HTMLInputElement>('input:checked') ??
      element.querySelector<HTMLInputElement>('input');
    if (radio) {
      radio.focus();
      return;
    }
  }
  focusElement(element);
};

/** Messages next to their fields (on the step that holds the first one), the rest in the alert. */
const showErrors = (fields: Record<string, string>, general: string | null) => {
  const placed: (Target & { message: string; path: string })[] = [];
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const target = targetFor(path);
    if (target) placed.push({ ...target, message, path });
    else rest.push(labelled(path, message));
  }
  let first: HTMLElement | null = null;
  if (placed.length) {
    const targetStep = placed.some((entry) => entry.step === step) ? step : placed[0].step;
    if (targetStep !== step) showStep(targetStep, { focus: false, keepAlert: true });
    for (const entry of placed) {
      const element = entry.step === targetStep ? document.getElementById(entry.id) : null;
      if (!element) {
        rest.push(labelled(entry.path, entry.message));
        continue;
      }
      setFieldError(element, entry.message);
      errored.add(element);
    }
    first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  }
  const text = [general, ...rest].filter(Boolean).join(' ');
  if (text) showAlert(text, { focus: !first });
  else clearAlert();
  if (first) focusField(first);
};

const handleError = (error: unknown) => {
  if (!(error instanceof ApiError)) {
    console.error(error);
    showAlert('Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut.');
    return;
  }
  const { fields, status } = error.details;
  // Strapi's own texts for these are English.
  const general =
    status === 429
      ? 'Zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.'
      : status === 413
        ? 'Die Anfrage ist zu groß.'
        : error.details.general;
  if (status === 404 && token) {
    showAlert(
      'Diese Teilnahme gibt es nicht (mehr). Vielleicht wurde sie gelöscht oder nach längerer Zeit automatisch entfernt. Sie können einen neuen Check beginnen.',
      { restart: true }
    );
    return;
  }
  if (status === 409) {
    showAlert(general ?? error.message, { fresh: 'Seite neu laden und neu beginnen' });
    return;
  }
  showErrors(fields, general);
};

/** Runs one user action at a time; errors end up next to their fields or in the alert. */
const run = async (task: () => Promise<void>) => {
  if (busy) return;
  busy = true;
  form.setAttribute('aria-busy', 'true');
  try {
    await task();
  } catch (error) {
    handleError(error);
  } finally {
    busy = false;
    form.removeAttribute('aria-busy');
  }
};

const profileErrors = (): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!sector.value) errors['profile.sector'] = 'Bitte wählen Sie eine Branche.';
  if (!sizeClass.value) errors['profile.sizeClass'] = 'Bitte wählen Sie eine Betriebsgröße.';
  if (trains() === null)
    errors['profile.trainsApprentices'] = 'Bitte geben Sie an, ob Ihr Betrieb ausbildet.';
  return errors;
};

// ---------------------------------------------------------------------------------------------
// Steps

const renderQuestion = (question: Question) =>
  statementFieldset(question, questionnaire.scale, {
    answered: Object.prototype.hasOwnProperty.call(answers, question.id),
    value: answers[question.id] ?? null,
  });

const updateProgress = () => {
  const total = dimensionSteps().length + 1;
  const current = Math.min(step + 1, total);
  const label = `Schritt ${current} von ${total}`;
  progressText.textContent = label;
  progressBar.setAttribute('aria-valuemax', String(total));
  progressBar.setAttribute('aria-valuenow', String(current));
  progressBar.setAttribute('aria-valuetext', label);
  progressFill.style.width = `${Math.round((current / total) * 100)}%`;
  nextButton.textContent = current === total ? 'Auswerten' : 'Weiter';
  return label;
};

const removeResumePanel = () => document.getElementById('resume-panel')?.remove();

function showStep(
  index: number,
  { focus = true, keepAlert = false }: { focus?: boolean; keepAlert?: boolean } = {}
) {
  const steps = dimensionSteps();
  step = Math.max(0, Math.min(index, steps.length));
  clearErrors();
  if (!keepAlert) clearAlert();
  removeResumePanel();
  loading.hidden = true;
  resultBox.hidden = true;
  resultBox.replaceChildren();
  form.hidden = false;
  backButton.hidden = step === 0;
  if (step === 0) {
    heading.textContent = 'Angaben zu Ihrem Betrieb';
    description.textContent =
      'Diese Angaben brauchen wir für die Auswertung und für den Vergleich mit ähnlichen Betrieben. Namen oder Kontaktdaten fragen wir nicht ab.';
    profileBox.hidden = false;
    questionsBox.hidden = true;
    questionsBox.replaceChildren();
  } else {
    const current = steps[step - 1];
    heading.textContent = current.dimension.name;
    description.textContent = current.dimension.description ?? '';
    profileBox.hidden = true;
    questionsBox.hidden = false;
    questionsBox.replaceChildren(
      h(
        'p',
        { class: 'hint' },
        'Wie sehr trifft die Aussage auf Ihren Betrieb zu? Aussagen, die Sie nicht beantworten, zählen wie „weiß nicht / keine Angabe“.'
      ),
      ...current.questions.map(renderQuestion)
    );
  }
  const label = updateProgress();
  if (focus) {
    focusElement(heading);
    announce(`${label}: ${heading.textContent}`);
  }
}

/** The first step with an unanswered question (or the last step when all are answered). */
const firstOpenStep = () => {
  const steps = dimensionSteps();
  const index = steps.findIndex((entry) =>
    entry.questions.some((question) => !Object.prototype.hasOwnProperty.call(answers, question.id))
  );
  return index >= 0 ? index + 1 : steps.length;
};

// ---------------------------------------------------------------------------------------------
// Saving, resuming, result

const persist = async (complete: boolean): Promise<Submission> => {
  const body = payload(complete);
  if (!token) {
    const created = await api<Submission>('POST', `${BASE}/submissions`, body);
    if (created.token) setToken(created.token);
    return created;
  }
  return api<Submission>('PUT', submissionUrl(), body);
};

/** The link to come back, read-only with a copy button; the link is the only key. */
const resumePanel = (level: 'h2' | 'h3', title: string, text: string) => {
  const panel = h(
    'div',
    { id: 'resume-panel', class: 'notice resume' },
    h(level, { id: 'resume-heading', tabindex: '-1' }, title),
    h('p', {}, text),
    h('label', { for: 'resume-link' }, 'Ihr persönlicher Link'),
    h(
      'div',
      { class: 'copy-row' },
      h('input', {
        type: 'text',
        id: 'resume-link',
        readonly: true,
        value: resumeUrl(),
        'aria-describedby': 'resume-hint',
        spellcheck: 'false',
        autocomplete: 'off',
      }),
      h(
        'button',
        { type: 'button', id: 'copy-link', class: 'button-secondary', 'data-action': 'copy' },
        'Link kopieren'
      )
    ),
    h('p', { id: 'copy-status', class: 'copy-status', role: 'status' }),
    h(
      'p',
      { id: 'resume-hint', class: 'hint' },
      'Bitte bewahren Sie den Link vertraulich auf: Er ist der einzige Schlüssel zu Ihren Angaben. Wer ihn kennt, kann Ihre Antworten sehen, ändern und löschen. Wir können ihn nicht wiederherstellen oder erneut zusenden.'
    )
  );
  return panel;
};

const copyLink = async () => {
  const input = document.getElementById('resume-link') as HTMLInputElement | null;
  const status = document.getElementById('copy-status');
  if (!input || !status) return;
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = 'Der Link wurde in die Zwischenablage kopiert.';
  } catch {
    input.focus();
    input.select();
    status.textContent =
      'Kopieren war nicht möglich. Der Link ist markiert: Kopieren Sie ihn bitte mit Strg+C (Mac: Cmd+C).';
  }
};

const showResult = (submission: Submission, { focus = true } = {}) => {
  if (!submission.result) {
    showAlert('Das Ergebnis konnte nicht geladen werden. Bitte laden Sie die Seite neu.', {
      reload: 'Seite neu laden',
    });
    return;
  }
  clearErrors();
  clearAlert();
  removeResumePanel();
  loading.hidden = true;
  form.hidden = true;
  questionsBox.replaceChildren();
  resultBox.hidden = false;
  renderResult(resultBox, {
    result: submission.result,
    reportUrl: apiUrl(submissionUrl('/report.pdf')),
    resumePanel: resumePanel(
      'h3',
      'Link zu Ihrem Ergebnis',
      'Mit diesem Link können Sie Ihr Ergebnis und den Bericht später wieder aufrufen.'
    ),
    tipsPanel: token ? tipsLinkPanel(token) : null,
    planPanel: planSection(submission.result, {
      save: async (measures) => {
        const saved = await api<Submission>('PUT', submissionUrl('/plan'), { measures });
        if (!saved.result) throw new Error('the saved plan came back without a result');
        return saved.result;
      },
      announce,
    }),
    remindersPanel: remindersSection(submission.result, {
      subscribe: (email, consent) =>
        api<{ status: string }>('POST', submissionUrl('/reminders'), { email, consent }),
      announce,
    }),
    surveyPanel: surveySection(submission.result, {
      start: (endsOn) =>
        api<Survey & { manageToken: string }>('POST', submissionUrl('/surveys'), {
          ...(endsOn ? { endsOn } : {}),
        }),
      close: (manageToken) =>
        api<Survey>(
          'POST',
          `${BASE}/surveys/manage/${encodeURIComponent(manageToken || '-')}/close`
        ),
      announce,
    }),
  });
  if (focus) {
    focusElement(byId('result-heading'));
    announce('Die Auswertung ist fertig.');
  }
};

const restoreProfile = (submission: Submission) => {
  const { profile } = submission;
  sector.value = profile.sector ?? '';
  sizeClass.value = profile.sizeClass ?? '';
  if (
    profile.municipality &&
    ![...municipality.options].some((o) => o.value === profile.municipality)
  )
    municipality.append(new Option('(gespeicherte Kommune)', profile.municipality));
  municipality.value = profile.municipality ?? '';
  const radio = form.querySelector<HTMLInputElement>(
    `input[name="trainsApprentices"][value="${profile.trainsApprentices ? 'yes' : 'no'}"]`
  );
  if (radio) radio.checked = true;
  consent.checked = Boolean(submission.consentStatistics);
};

const restore = (submission: Submission) => {
  restoreProfile(submission);
  if (submission.status === 'complete') {
    answers = { ...submission.answers };
    showResult(submission);
    return;
  }
  if (submission.questionnaireVersion !== questionnaire.version) {
    // The draft belongs to an older questionnaire: start again, with the profile kept.
    setToken(null);
    answers = {};
    showStep(0, { focus: false });
    showAlert(
      'Der Fragebogen wurde seit Ihrem letzten Besuch überarbeitet. Ihre begonnene Teilnahme kann deshalb nicht fortgesetzt werden. Bitte prüfen Sie Ihre Angaben und beginnen Sie den Check neu.'
    );
    return;
  }
  const known = new Set(questionnaire.questions.map((question) => question.id));
  answers = {};
  for (const [id, value] of Object.entries(submission.answers ?? {})) {
    if (known.has(id) && (value === null || [1, 2, 3, 4, 5].includes(value as number)))
      answers[id] = value as AnswerValue;
  }
  showStep(firstOpenStep());
  announce(`Ihr Zwischenstand wurde geladen. ${progressText.textContent}: ${heading.textContent}`);
};

const restart = () => {
  setToken(null);
  answers = {};
  form.reset();
  showStep(0);
};

const next = () =>
  run(async () => {
    clearErrors();
    clearAlert();
    if (step === 0) {
      const errors = profileErrors();
      if (Object.keys(errors).length) {
        showErrors(errors, null);
        return;
      }
    }
    if (step >= dimensionSteps().length) {
      showResult(await persist(true));
      return;
    }
    await persist(false);
    showStep(step + 1);
  });

const save = () =>
  run(async () => {
    clearErrors();
    clearAlert();
    if (step === 0) {
      const errors = profileErrors();
      if (Object.keys(errors).length) {
        showErrors(errors, null);
        return;
      }
    }
    await persist(false);
    removeResumePanel();
    const panel = resumePanel(
      'h2',
      'Zwischenstand gespeichert',
      'Mit diesem Link können Sie den Selbstcheck später an dieser Stelle fortsetzen, auch auf einem anderen Gerät.'
    );
    form.after(panel);
    focusElement(byId('resume-heading'));
    announce('Ihr Zwischenstand ist gespeichert.');
  });

const remove = () =>
  run(async () => {
    if (!token) return;
    const confirmed = window.confirm(
      'Möchten Sie Ihre Teilnahme wirklich löschen? Ihre Antworten und Ihr Ergebnis werden endgültig gelöscht, der Link funktioniert danach nicht mehr.'
    );
    if (!confirmed) return;
    await api<null>('DELETE', submissionUrl());
    setToken(null);
    answers = {};
    form.reset();
    resultBox.replaceChildren(
      h('h2', { id: 'result-heading', tabindex: '-1' }, 'Ihre Teilnahme wurde gelöscht'),
      h(
        'p',
        {},
        'Ihre Antworten und Ihr Ergebnis sind gelöscht. Der Link zu dieser Teilnahme funktioniert nicht mehr, und Ihre Werte fließen nicht mehr in die regionale Statistik ein.'
      ),
      h('p', {}, h('button', { type: 'button', 'data-action': 'restart' }, 'Neuen Check beginnen'))
    );
    focusElement(byId('result-heading'));
    announce('Ihre Teilnahme wurde gelöscht.');
  });

/** The company token, shown once: it links the company's checks and deletes them all. */
const companyKeyPanel = (companyToken: string) =>
  h(
    'div',
    { id: 'company-key-panel', class: 'notice resume' },
    h('h2', { id: 'company-key-heading', tabindex: '-1' }, 'Ihr Betriebsschlüssel'),
    h(
      'p',
      {},
      'Ihre Checks sind jetzt miteinander verbunden, damit das Ergebnis die Veränderung zeigen kann. Mit diesem Schlüssel können Sie alle Checks Ihres Betriebs auf einmal löschen. Er wird nur jetzt angezeigt; bitte bewahren Sie ihn vertraulich auf.'
    ),
    h('label', { for: 'company-key' }, 'Betriebsschlüssel'),
    h('input', {
      type: 'text',
      id: 'company-key',
      readonly: true,
      value: companyToken,
      spellcheck: 'false',
      autocomplete: 'off',
    })
  );

/** A new check with the profile of this completed one; its result shows the change. */
const recheck = () =>
  run(async () => {
    if (!token) return;
    const started = await api<Submission>('POST', submissionUrl('/recheck'));
    setToken(started.token ?? null);
    document.getElementById('company-key-panel')?.remove();
    restore(started);
    if (started.companyToken) form.before(companyKeyPanel(started.companyToken));
    announce(
      `Ein neuer Check hat begonnen; Ihre Angaben zum Betrieb sind übernommen. ${progressText.textContent}: ${heading.textContent}`
    );
  });

// ---------------------------------------------------------------------------------------------
// Start

const fillOptions = (
  select: HTMLSelectElement,
  options: { key: string; label: string }[],
  withKey: boolean
) => {
  select.append(
    ...options.map(
      (option) => new Option(withKey ? `${option.key} – ${option.label}` : option.label, option.key)
    )
  );
};

const loadMunicipalities = async () => {
  try {
    const response = await api<{ data: { documentId: string; name: string }[] }>(
      'GET',
      MUNICIPALITIES
    );
    municipality.append(...response.data.map((entry) => new Option(entry.name, entry.documentId)));
  } catch {
    // optional field: without the list the company simply leaves it out
  }
  if (municipality.options.length <= 1) {
    const field = municipality.closest<HTMLElement>('.field');
    if (field) field.hidden = true;
  }
};

const normalise = (data: Questionnaire): Questionnaire => {
  const scale = [...(data.scale ?? [])];
  if (!scale.some((option) => option.value === null))
    scale.push({ value: null, label: 'weiß nicht / keine Angabe' });
  return {
    ...data,
    scale,
    dimensions: [...data.dimensions].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    questions: [...data.questions].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
  };
};

const showIntro = (text: string | null) => {
  if (!text) return;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  const intro = byId('intro');
  const shown = [...intro.querySelectorAll('p')].map((p) =>
    p.textContent?.replace(/\s+/g, ' ').trim()
  );
  // the page carries the default text already; replacing it with the same would only repaint
  if (paragraphs.length && paragraphs.join('\n') !== shown.join('\n'))
    intro.replaceChildren(...paragraphs.map((part) => h('p', { class: 'lead' }, part)));
};

const bindEvents = () => {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void next();
  });
  backButton.addEventListener('click', () => {
    if (busy) return;
    showStep(step - 1);
  });
  byId('save').addEventListener('click', () => void save());
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name?.startsWith('q-')) {
      const id = input.name.slice(2);
      answers[id] = input.value === 'na' ? null : (Number(input.value) as AnswerValue);
      clearError(document.getElementById(`fs-${id}`));
    } else if (input.name === 'trainsApprentices') {
      clearError(trainsGroup);
      updateProgress();
    } else if (input.id) {
      clearError(input);
    }
  });
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
    const action = target?.dataset.action;
    if (action === 'restart') restart();
    else if (action === 'reload') window.location.reload();
    else if (action === 'fresh') window.location.assign(pagePath());
    else if (action === 'copy') void copyLink();
    else if (action === 'delete') void remove();
    else if (action === 'recheck') void recheck();
  });
};

const start = async () => {
  bindEvents();
  const initialToken = new URLSearchParams(window.location.search).get('token');
  try {
    const [response] = await Promise.all([
      api<{ data: Questionnaire }>('GET', `${BASE}/questionnaire`),
      loadMunicipalities(),
    ]);
    questionnaire = normalise(response.data);
  } catch (error) {
    loading.hidden = true;
    showAlert(
      error instanceof ApiError && error.details.status !== 0 && error.details.status < 500
        ? `Der Fragebogen konnte nicht geladen werden: ${error.message}`
        : 'Der Fragebogen konnte nicht geladen werden. Bitte versuchen Sie es später erneut.',
      { reload: 'Erneut versuchen', focus: false }
    );
    return;
  }
  if (questionnaire.title) {
    byId('page-title').textContent = questionnaire.title;
    document.title = `${questionnaire.title} – Bildungsbüro / Fachkräfteoffensive`;
  }
  showIntro(questionnaire.intro);
  fillOptions(sector, questionnaire.sectors, true);
  fillOptions(sizeClass, questionnaire.sizeClasses, false);

  if (!initialToken) {
    showStep(0, { focus: false });
    return;
  }
  token = initialToken;
  try {
    restore(await api<Submission>('GET', submissionUrl()));
  } catch (error) {
    token = null;
    showStep(0, { focus: false });
    if (error instanceof ApiError && error.details.status === 404) {
      setToken(null);
      showAlert(
        'Zu diesem Link gibt es keine Teilnahme (mehr). Vielleicht wurde sie gelöscht, nach längerer Zeit automatisch entfernt, oder der Link ist unvollständig. Sie können hier einen neuen Selbstcheck beginnen.',
        { restart: true }
      );
    } else {
      showAlert(
        error instanceof ApiError && error.details.general
          ? error.details.general
          : 'Ihre Teilnahme konnte nicht geladen werden. Bitte versuchen Sie es erneut.',
        { reload: 'Erneut versuchen', restart: true }
      );
    }
  }
};

void start();
