import type { StrapiApp } from '@strapi/strapi/admin';

/** Where Strapi's admin keeps the chosen interface language (read once when it renders). */
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
const DEFAULT_LANGUAGE = 'de';

/**
 * German unless this browser has a language chosen already: Strapi itself would start in English
 * (login page included) and offer German only in the profile. A user who picks English in the
 * profile keeps it (Strapi stores the choice in the user and in this browser).
 */
const defaultToGerman = () => {
  try {
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, DEFAULT_LANGUAGE);
    }
  } catch {
    // storage blocked by the browser: Strapi falls back to English
  }
};

/**
 * Strapi's German addresses the reader informally ("du"); a public administration writes "Sie".
 * The texts of the login, registration and password pages, which every editor sees first.
 */
const formalGerman: Record<string, string> = {
  'Auth.components.Oops.text': 'Ihr Konto wurde deaktiviert.',
  'Auth.components.Oops.text.admin':
    'Falls das ein Irrtum ist, wenden Sie sich bitte an Ihre Administratorin oder Ihren Administrator.',
  'Auth.form.button.login.providers.error':
    'Über den gewählten Anbieter konnten Sie nicht angemeldet werden.',
  'Auth.form.error.blocked': 'Ihr Konto wurde von der Administration gesperrt.',
  'Auth.form.error.confirmed': 'Die E-Mail-Adresse Ihres Kontos ist noch nicht bestätigt.',
  'Auth.form.error.email.provide':
    'Bitte geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse an.',
  'Auth.form.error.password.format':
    'Ihr Passwort darf das Zeichen `$` höchstens dreimal enthalten.',
  'Auth.form.error.password.local':
    'Dieses Konto hat kein eigenes Passwort. Bitte melden Sie sich über den Anbieter an, mit dem das Konto angelegt wurde.',
  'Auth.form.error.password.provide': 'Bitte geben Sie Ihr Passwort ein.',
  'Auth.form.forgot-password.email.label': 'Ihre E-Mail-Adresse',
  'Auth.form.register.subtitle':
    'Mit diesen Zugangsdaten melden Sie sich im Verwaltungsbereich an. Alle Angaben werden in der Datenbank dieser Installation gespeichert.',
  'Auth.form.welcome.subtitle': 'Melden Sie sich mit Ihrem Konto an',
  'Auth.form.button.register': 'Konto anlegen',
  'Auth.form.button.login': 'Anmelden',
};

export default {
  config: {
    // German next to the default English, German preselected (see defaultToGerman)
    locales: [DEFAULT_LANGUAGE],
    translations: { [DEFAULT_LANGUAGE]: formalGerman },
  },
  // runs before the admin renders its first page
  register(_app: StrapiApp) {
    defaultToGerman();
  },
  bootstrap(_app: StrapiApp) {},
};
