/**
 * Newsletter subscription form (/newsletter/). Posts JSON to the plugin's subscribe route and
 * shows the server's German messages: per field for validation errors, in an alert box for
 * everything else. No client-side validation, so people see the same messages the API gives.
 */
import { api, ApiError, setFieldError } from '../shared/api.js';

interface Accepted {
  status: 'accepted';
  message: string;
}

interface SubscribePayload {
  email: string;
  name?: string;
  organisation?: string;
  topics: string[];
  consent: boolean;
  website: string;
}

/** Fields the API may name in `details.errors[].path[0]`, in the order they appear on the page. */
const FIELDS = ['email', 'name', 'organisation', 'topics', 'consent'] as const;
type Field = (typeof FIELDS)[number];

const isField = (value: string): value is Field => (FIELDS as readonly string[]).includes(value);

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing on the page`);
  return element as T;
};

/** Adds or removes one id in an element's aria-describedby list. */
const toggleDescribedBy = (element: HTMLElement, id: string, on: boolean) => {
  const ids = (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((part) => part && part !== id);
  if (on) ids.push(id);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
};

/** Puts a message box (title + text) into a live region, or empties it. */
const showNotice = (
  region: HTMLElement,
  notice: { kind: 'success' | 'error'; title: string; text: string } | null
) => {
  if (!notice) {
    region.replaceChildren();
    return;
  }
  const box = document.createElement('div');
  box.className = `notice notice-${notice.kind}`;
  const title = document.createElement('p');
  title.className = 'notice-title';
  title.textContent = notice.title;
  const text = document.createElement('p');
  text.textContent = notice.text;
  box.append(title, text);
  region.replaceChildren(box);
};

const init = () => {
  const form = byId<HTMLFormElement>('subscribe-form');
  const status = byId('subscribe-status');
  const alertBox = byId('form-alert');
  const submit = byId<HTMLButtonElement>('subscribe-submit');
  const email = byId<HTMLInputElement>('email');
  const name = byId<HTMLInputElement>('name');
  const organisation = byId<HTMLInputElement>('organisation');
  const topicsGroup = byId<HTMLFieldSetElement>('topics');
  const consent = byId<HTMLInputElement>('consent');
  const website = byId<HTMLInputElement>('website');
  const topicBoxes = [...form.querySelectorAll<HTMLInputElement>('input[name="topics"]')];

  /** Where a field's message goes (the fieldset for the topics) and what gets focus. */
  const target: Record<Field, HTMLElement> = {
    email,
    name,
    organisation,
    topics: topicsGroup,
    consent,
  };
  const focusable = (field: Field): HTMLElement =>
    field === 'topics' ? (topicBoxes[0] ?? topicsGroup) : target[field];

  const setError = (field: Field, message: string | null) => {
    setFieldError(target[field], message);
    if (field === 'topics') {
      // Each checkbox also points at the group's message, so it is read when one is focused.
      const errorId = `${topicsGroup.id}-error`;
      for (const box of topicBoxes) toggleDescribedBy(box, errorId, Boolean(message));
    }
  };

  const clearMessages = () => {
    for (const field of FIELDS) setError(field, null);
    showNotice(alertBox, null);
  };

  const showGeneralError = (text: string) => {
    showNotice(alertBox, { kind: 'error', title: 'Die Anmeldung hat nicht geklappt.', text });
    // The box is above the form, out of sight on small screens: bring it (and focus) there.
    alertBox.focus();
  };

  const payload = (): SubscribePayload => {
    const data: SubscribePayload = {
      email: email.value.trim(),
      topics: topicBoxes.filter((box) => box.checked).map((box) => box.value),
      consent: consent.checked,
      website: website.value,
    };
    if (name.value.trim()) data.name = name.value.trim();
    if (organisation.value.trim()) data.organisation = organisation.value.trim();
    return data;
  };

  const done = (message: string) => {
    showNotice(status, { kind: 'success', title: 'Bitte prüfen Sie Ihr Postfach.', text: message });
    // Focus moves to the message first: the controls are disabled next and would drop it.
    status.focus();
    form.reset();
    for (const element of Array.from(form.elements)) {
      (element as HTMLInputElement | HTMLButtonElement).disabled = true;
    }
  };

  const failed = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      showGeneralError(
        'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.'
      );
      return;
    }
    const { fields, general } = error.details;
    const shown = new Map<Field, string>();
    const other: string[] = [];
    for (const [path, message] of Object.entries(fields)) {
      // "topics.1" (an unknown topic) belongs to the topics group.
      const field = path.split('.')[0];
      if (isField(field)) {
        if (!shown.has(field)) shown.set(field, message);
      } else if (!other.includes(message)) other.push(message);
    }
    for (const [field, message] of shown) setError(field, message);
    const first = FIELDS.find((field) => shown.has(field));
    if (general || other.length || !first) {
      showGeneralError(
        [general, ...other].filter(Boolean).join(' ') ||
          'Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.'
      );
    }
    if (first) focusable(first).focus();
  };

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    // aria-disabled instead of disabled: the button keeps focus while the request runs.
    submit.setAttribute('aria-disabled', 'true');
    form.setAttribute('aria-busy', 'true');
    clearMessages();
    try {
      const result = await api<Accepted>('POST', '/newsletter/subscribe', payload());
      done(result?.message || 'Vielen Dank! Bitte bestätigen Sie Ihre Anmeldung in der E-Mail.');
    } catch (error) {
      failed(error);
    } finally {
      busy = false;
      submit.removeAttribute('aria-disabled');
      form.removeAttribute('aria-busy');
    }
  });
};

init();
