/**
 * „Passende Tipps per Newsletter“ on the result view: a company asks for newsletter tips that fit
 * its own fields for action. The newsletter plugin links this result (by the token the page
 * holds) to the subscription, with a consent of its own and double opt-in; the panel shows
 * whether the link is waiting for the confirmation or active, and removes it. The whole panel
 * stays away when the feature is switched off (the routes answer 404).
 */
import { api, ApiError, setFieldError, showFieldErrors, siteUrl } from '../shared/api.js';
import { focusElement, formatDate, h } from './dom.js';

const BASE = '/newsletter/links';

interface Consent {
  version: string;
  text: string;
}

interface ConsentTexts {
  label: string;
  newsletterConsent: Consent;
  linkConsent: Consent;
  privacyUrl: string | null;
}

interface LinkStatus {
  linked: 'none' | 'pending' | 'active';
  since: string | null;
}

/** Fields the API names in `details.errors[].path`, in page order, with their input ids. */
const FIELD_IDS = {
  email: 'tips-email',
  name: 'tips-name',
  consent: 'tips-consent',
  linkConsent: 'tips-link-consent',
} as const;

const UNAVAILABLE = 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.';

const notice = (kind: 'success' | 'error', title: string, text: string) =>
  h(
    'div',
    { class: `notice notice-${kind}` },
    h('p', { class: 'notice-title' }, title),
    h('p', {}, text)
  );

/** A required checkbox; the server's consent text is its label. */
const checkbox = (id: string, name: string) =>
  h('input', { type: 'checkbox', id, name, value: 'true', required: true });

const consentField = (input: HTMLInputElement, text: string) =>
  h(
    'div',
    { class: 'field' },
    h(
      'div',
      { class: 'choice' },
      input,
      h('div', { class: 'choice-text' }, h('label', { for: input.id }, text))
    )
  );

/** The panel; it loads its state itself and is shown once it knows what to show. */
export const tipsLinkPanel = (reference: string): HTMLElement => {
  const statusUrl = `${BASE}?reference=${encodeURIComponent(reference)}`;
  const heading = h('h3', { id: 'tips-heading', tabindex: '-1' }, 'Passende Tipps per Newsletter');
  const status = h('div', { id: 'tips-status', role: 'status', tabindex: '-1' });
  const alertBox = h('div', { id: 'tips-alert', role: 'alert', tabindex: '-1' });
  const body = h('div', { id: 'tips-body' });
  const panel = h(
    'section',
    {
      id: 'tips-newsletter',
      class: 'tips-newsletter',
      'aria-labelledby': 'tips-heading',
      hidden: true,
    },
    heading,
    h(
      'p',
      {},
      'Sie möchten am Ball bleiben? Dann senden wir Ihnen Arbeitgeber-Tipps, die zu Ihren Handlungsfeldern passen – in jeder Ausgabe unseres Newsletters für Arbeitgeber (Thema „Arbeitgeber-Tipps“).'
    ),
    h(
      'p',
      {},
      'Dafür verknüpfen wir dieses Ergebnis mit Ihrem Newsletter-Abonnement. Tipps, die Sie schon bekommen haben, wiederholen wir nicht. Die Verknüpfung können Sie jederzeit lösen: hier auf dieser Seite oder in Ihren Newsletter-Einstellungen.'
    ),
    status,
    alertBox,
    body
  );

  let texts: ConsentTexts | null = null;
  let busy = false;

  const showStatus = (title: string, text: string) => {
    status.replaceChildren(notice('success', title, text));
    focusElement(status);
  };

  const showAlert = (text: string, focus: boolean) => {
    alertBox.replaceChildren(notice('error', 'Das hat leider nicht geklappt.', text));
    if (focus) focusElement(alertBox);
  };

  const clearMessages = () => {
    status.replaceChildren();
    alertBox.replaceChildren();
  };

  /** One action at a time; the button keeps its focus (aria-disabled, not disabled). */
  const run = async (button: HTMLButtonElement, task: () => Promise<void>) => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    panel.setAttribute('aria-busy', 'true');
    try {
      await task();
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
      panel.removeAttribute('aria-busy');
    }
  };

  const form = (consent: ConsentTexts) => {
    const email = h('input', {
      type: 'email',
      id: FIELD_IDS.email,
      name: 'email',
      autocomplete: 'email',
      spellcheck: 'false',
      maxlength: 254,
      required: true,
    });
    const name = h('input', {
      type: 'text',
      id: FIELD_IDS.name,
      name: 'name',
      autocomplete: 'name',
      maxlength: 120,
    });
    const newsletterConsent = checkbox(FIELD_IDS.consent, 'consent');
    const linkConsent = checkbox(FIELD_IDS.linkConsent, 'linkConsent');
    /** by the names the API uses in error paths, in page order */
    const inputs: Record<string, HTMLElement> = {
      email,
      name,
      consent: newsletterConsent,
      linkConsent,
    };
    const website = h('input', {
      type: 'text',
      id: 'tips-website',
      name: 'website',
      tabindex: '-1',
      autocomplete: 'off',
    });
    const submit = h('button', { type: 'submit', id: 'tips-submit' }, 'Tipps anfordern');
    const element = h(
      'form',
      { id: 'tips-form', class: 'tips-form', novalidate: true, 'aria-labelledby': 'tips-heading' },
      h('p', { class: 'hint' }, 'Angaben ohne den Zusatz „optional“ sind erforderlich.'),
      h('div', { class: 'field' }, h('label', { for: FIELD_IDS.email }, 'E-Mail-Adresse'), email),
      h(
        'div',
        { class: 'field' },
        h(
          'label',
          { for: FIELD_IDS.name },
          'Name ',
          h('span', { class: 'optional' }, '(optional)')
        ),
        name
      ),
      consentField(newsletterConsent, consent.newsletterConsent.text),
      consentField(linkConsent, consent.linkConsent.text),
      h(
        'p',
        {},
        h('a', { href: consent.privacyUrl || siteUrl('datenschutz/') }, 'Hinweise zum Datenschutz')
      ),
      // Honeypot: people never see or reach it; bots fill it.
      h(
        'div',
        { class: 'hp', 'aria-hidden': 'true' },
        h('label', { for: 'tips-website' }, 'Website (bitte leer lassen)'),
        website
      ),
      h('p', {}, submit)
    );

    const clearFieldErrors = () => {
      for (const input of Object.values(inputs)) setFieldError(input, null);
    };

    const failed = (error: unknown) => {
      if (!(error instanceof ApiError)) {
        showAlert(UNAVAILABLE, true);
        return;
      }
      // the rest: `reference` (the result is gone or not complete), rate limit, server trouble
      const { first, rest } = showFieldErrors(error.details.fields, inputs);
      const text = [error.details.general, ...rest].filter(Boolean).join(' ');
      if (text || !first)
        showAlert(text || 'Bitte prüfen Sie Ihre Angaben und versuchen Sie es erneut.', !first);
      first?.focus();
    };

    element.addEventListener('change', (event) => {
      const input = event.target as HTMLElement;
      if (input.getAttribute('aria-invalid') === 'true') setFieldError(input, null);
    });

    element.addEventListener('submit', (event) => {
      event.preventDefault();
      void run(submit, async () => {
        clearMessages();
        clearFieldErrors();
        const payload: Record<string, unknown> = {
          reference,
          email: email.value.trim(),
          consent: newsletterConsent.checked,
          linkConsent: linkConsent.checked,
          website: website.value,
        };
        if (name.value.trim()) payload.name = name.value.trim();
        let answer: { message?: string } | null;
        try {
          answer = await api<{ status: string; message?: string }>('POST', BASE, payload);
        } catch (error) {
          failed(error);
          return;
        }
        // The answer is the same for every address; the state says what happened to the link.
        let state: LinkStatus = { linked: 'pending', since: null };
        try {
          state = (await api<{ data: LinkStatus }>('GET', statusUrl)).data;
        } catch {
          // keep "pending": the mail is on its way either way
        }
        render(state);
        showStatus(
          'Bitte prüfen Sie Ihr Postfach.',
          `${answer?.message || 'Vielen Dank! Sie erhalten gleich eine E-Mail mit einem Bestätigungslink.'} Die Verknüpfung gilt erst, wenn Sie den Link in der E-Mail bestätigt haben.`
        );
      });
    });
    return element;
  };

  const linkedState = (state: LinkStatus) => {
    const since = formatDate(state.since);
    const active = state.linked === 'active';
    const unlink = h(
      'button',
      { type: 'button', id: 'tips-unlink', class: 'button-secondary' },
      'Verknüpfung lösen'
    );
    unlink.addEventListener('click', () => {
      void run(unlink, async () => {
        clearMessages();
        try {
          await api<{ data: { removed: number } }>('DELETE', statusUrl);
        } catch (error) {
          showAlert(error instanceof ApiError ? error.message : UNAVAILABLE, true);
          return;
        }
        render({ linked: 'none', since: null });
        showStatus(
          'Die Verknüpfung ist gelöst.',
          'Ihr Ergebnis ist nicht mehr mit dem Newsletter verknüpft. Ein Newsletter-Abonnement bleibt davon unberührt; abbestellen können Sie es über den Link in jeder Ausgabe.'
        );
      });
    });
    return [
      h(
        'div',
        { id: 'tips-state', class: `link-state link-state-${state.linked}` },
        h(
          'p',
          { class: 'link-state-title' },
          active
            ? since
              ? `Verknüpft seit ${since}`
              : 'Verknüpft'
            : 'Bitte bestätigen Sie den Link in unserer E-Mail'
        ),
        h(
          'p',
          {},
          active
            ? 'Die Arbeitgeber-Tipps in unserem Newsletter wählen wir passend zu Ihren Handlungsfeldern aus.'
            : `Sie haben die Tipps${since ? ` am ${since}` : ''} angefordert. Die Verknüpfung gilt, sobald Sie den Link in der E-Mail geöffnet und bestätigt haben. Keine E-Mail erhalten? Bitte sehen Sie auch im Spam-Ordner nach.`
        )
      ),
      h('p', {}, unlink),
    ];
  };

  function render(state: LinkStatus) {
    if (state.linked !== 'none') body.replaceChildren(...linkedState(state));
    else body.replaceChildren(texts ? form(texts) : '');
  }

  const load = async () => {
    try {
      const [consent, state] = await Promise.all([
        api<{ data: ConsentTexts }>('GET', `${BASE}/consent`),
        api<{ data: LinkStatus }>('GET', statusUrl),
      ]);
      texts = consent.data;
      panel.hidden = false;
      render(state.data);
    } catch (error) {
      // Switched off, or this result cannot be linked: nothing to offer.
      if (error instanceof ApiError && error.details.status === 404) {
        panel.remove();
        return;
      }
      const retry = h('button', { type: 'button', class: 'button-secondary' }, 'Erneut laden');
      retry.addEventListener('click', () => {
        void run(retry, async () => {
          await load();
          focusElement(heading);
        });
      });
      panel.hidden = false;
      body.replaceChildren(
        h(
          'p',
          {},
          error instanceof ApiError && error.details.general ? error.details.general : UNAVAILABLE
        ),
        h('p', {}, retry)
      );
    }
  };

  void load();
  return panel;
};
