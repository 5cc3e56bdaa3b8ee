/**
 * App glue between the two plugins (neither knows the other): the newsletter's employer-tips
 * section is personalised by a company's self-check result when the company asks for it.
 *
 * - What a company holds is its self-check token; the link keeps the check's documentId.
 * - A linked subscriber's tips rank by the same rules as the result page (the self-check
 *   plugin's `rankedTips`: weakest dimensions, band, size class, effort); the latest completed
 *   check of a subscriber counts.
 * - When the self-check plugin deletes a check (by the company or by retention), the links to
 *   it go (`onSubmissionsDeleted`, set as the self-check plugin's `onDeleted`).
 */
import type { Core } from '@strapi/strapi';

type Context = { strapi: Core.Strapi };

const submissions = (strapi: Core.Strapi) => strapi.plugin('employer-check').service('submissions');

export const EMPLOYER_TIPS_CONSENT = {
  version: '1',
  text:
    'Ich bin damit einverstanden, dass das Bildungsbüro das Ergebnis meines Selbstchecks ' +
    '(die Bewertungen je Handlungsfeld und die Betriebsgröße) mit meinem Newsletter-Abonnement ' +
    'verknüpft, um mir im Newsletter dazu passende Arbeitgeber-Tipps zu senden. Die Verknüpfung ' +
    'kann ich jederzeit auf der Ergebnisseite oder in meinen Newsletter-Einstellungen lösen; ' +
    'lösche ich den Selbstcheck oder bestelle ich den Newsletter ab, entfällt sie.',
};

export const employerTipsPersonalisation = () => ({
  topic: 'employer-tips',
  label: 'das Ergebnis Ihres Arbeitgeber-Selbstchecks',
  consent: EMPLOYER_TIPS_CONSENT,
  limit: 3,
  poolLimit: 200,
  resolve: (reference: string, { strapi }: Context): Promise<string | null> =>
    submissions(strapi).completedKey(reference),
  profiles: (keys: string[], { strapi }: Context) => submissions(strapi).rankedTips(keys),
  preview: {
    fields: ({ strapi }: Context) => submissions(strapi).profileFields(),
    rank: (values: Record<string, string[]>, { strapi }: Context) =>
      submissions(strapi).rankedTipsForProfile(values),
  },
});

export const onSubmissionsDeleted = async (documentIds: string[], { strapi }: Context) => {
  await strapi.plugin('newsletter').service('links').removeKeys(documentIds, 'check-deleted');
};

/**
 * The self-check's reminder mails go through the newsletter plugin's one mail transport (SMTP
 * or files, DKIM, the configured sender).
 */
export const reminderTransport = (
  mail: {
    to: string;
    subject: string;
    html: string;
    text: string;
    headers?: Record<string, string>;
  },
  { strapi }: Context
) => strapi.plugin('newsletter').service('mailer').send(mail) as Promise<unknown>;
