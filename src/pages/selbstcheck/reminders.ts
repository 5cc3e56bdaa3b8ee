/**
 * Reminder mails on the result page: the company leaves an address and its consent; the CMS
 * sends a confirmation mail (double opt-in). Errors appear at the field they name.
 */
import { ApiError, setFieldError } from '../shared/api.js';
import { focusElement, h } from './dom.js';
import type { Result } from './types.js';

export interface RemindersOptions {
  subscribe: (email: string, consent: boolean) => Promise<{ status: string }>;
  announce: (message: string) => void;
}

const STATE: Record<string, string> = {
  pending:
    'Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie die Erinnerungen mit dem Link darin; vorher senden wir keine Erinnerung.',
  active:
    'Erinnerungen sind eingerichtet. Sie können sie mit dem Link in jeder Erinnerung abbestellen.',
};

export const remindersSection = (result: Result, options: RemindersOptions): HTMLElement | null => {
  if (!result.reminders?.available) return null;
  const section = h('section', { id: 'reminders', 'aria-labelledby': 'reminders-heading' });
  let busy = false;

  const render = (status: string) => {
    const children: (HTMLElement | null)[] = [
      h('h3', { id: 'reminders-heading', tabindex: '-1' }, 'Erinnerung per E-Mail'),
      h(
        'p',
        {},
        'Auf Wunsch erinnern wir Sie eine Woche vor den Zieldaten Ihrer Maßnahmen und nach einem Jahr an einen neuen Selbstcheck, jeweils mit dem Link zu Ihrem Ergebnis. Freiwillig; Ihre Adresse wird nur dafür verwendet und mit dem Abbestellen oder dem Löschen des Checks gelöscht.'
      ),
      STATE[status] ? h('p', { id: 'reminders-state', class: 'notice' }, STATE[status]) : null,
      h('div', { id: 'reminders-alert', role: 'alert', tabindex: '-1' }),
      status === 'active'
        ? null
        : h(
            'form',
            { id: 'reminders-form', novalidate: true },
            h(
              'div',
              { class: 'field' },
              h('label', { for: 'reminders-email' }, 'E-Mail-Adresse'),
              h('input', {
                type: 'email',
                id: 'reminders-email',
                name: 'email',
                autocomplete: 'email',
                spellcheck: 'false',
              })
            ),
            h(
              'div',
              { class: 'field choice' },
              h('input', { type: 'checkbox', id: 'reminders-consent', name: 'consent' }),
              h(
                'label',
                { for: 'reminders-consent' },
                'Ich bin einverstanden, dass mich das Bildungsbüro per E-Mail an meine Maßnahmen und den neuen Selbstcheck erinnert. Ich kann das jederzeit mit einem Klick abbestellen.'
              )
            ),
            h(
              'p',
              {},
              h(
                'button',
                { type: 'submit', class: 'button' },
                status === 'pending' ? 'Bestätigungsmail erneut senden' : 'Erinnerungen bestellen'
              )
            )
          ),
    ];
    section.replaceChildren(...children.filter((node): node is HTMLElement => node !== null));
  };

  section.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    const email = section.querySelector<HTMLInputElement>('#reminders-email')!;
    const consent = section.querySelector<HTMLInputElement>('#reminders-consent')!;
    const alert = section.querySelector<HTMLElement>('#reminders-alert')!;
    setFieldError(email, null);
    setFieldError(consent, null);
    alert.replaceChildren();
    options
      .subscribe(email.value.trim(), consent.checked)
      .then(({ status }) => {
        render(status);
        focusElement(section.querySelector<HTMLElement>('#reminders-heading'));
        options.announce(STATE[status] ?? '');
      })
      .catch((error: unknown) => {
        const fields = error instanceof ApiError ? error.details.fields : {};
        const targets: [string, HTMLInputElement][] = [
          ['email', email],
          ['consent', consent],
        ];
        let first: HTMLInputElement | null = null;
        for (const [path, input] of targets) {
          if (fields[path]) {
            setFieldError(input, fields[path]);
            first ??= input;
          }
        }
        if (first) first.focus();
        else {
          alert.replaceChildren(
            h(
              'p',
              { class: 'notice notice-error' },
              error instanceof ApiError
                ? error.message
                : 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.'
            )
          );
          focusElement(alert);
        }
      })
      .finally(() => {
        busy = false;
      });
  });

  render(result.reminders.status);
  return section;
};
