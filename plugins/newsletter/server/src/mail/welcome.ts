/**
 * The welcome mail after a confirmed subscription (optional, `welcome` in the config): the
 * configured text after the greeting, the chosen topics, a link to the archive of sent issues,
 * and the preferences and unsubscribe links; imprint in the footer. HTML from MJML (compiled once
 * per configuration, values filled in per mail) and a plain-text part written as text.
 */
import { escapeHtml, fillPlaceholders } from '../lib/html';
import type { NewsletterConfig } from '../config';
import { compileCached } from './mjml';
import { COLORS, imprintText, layout } from './layout';
import { greetingFor } from './issue';

type Config = Pick<
  NewsletterConfig,
  'newsletterName' | 'imprint' | 'privacyUrl' | 'topics' | 'welcome'
>;

export interface WelcomeValues {
  name?: string | null;
  topics: string[];
  /** the archive page; null when the archive is switched off */
  archiveUrl: string | null;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

/** The configured text as paragraphs (separated by blank lines). */
const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

const topicLabels = (config: Config, keys: string[]) =>
  keys.map((key) => config.topics.find((topic) => topic.key === key)?.label ?? key);

const source = (config: Config, withArchive: boolean) =>
  layout(config, {
    title: config.welcome.subject,
    preheader: `Ihre Anmeldung zum Newsletter „${config.newsletterName}“ ist bestätigt.`,
    footerNote: `Sie erhalten diese E-Mail, weil Sie Ihre Anmeldung zu unserem Newsletter bestätigt haben.<br /><a href="%%preferencesUrl%%" style="color:${COLORS.muted}">Themen ändern</a> · <a href="%%unsubscribeUrl%%" style="color:${COLORS.muted}">Newsletter abbestellen</a>`,
    sections: `    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text>%%greeting%%</mj-text>
${paragraphs(config.welcome.text)
  .map(
    (paragraph) => `        <mj-text>${escapeHtml(paragraph).replace(/\r?\n/g, '<br />')}</mj-text>`
  )
  .join('\n')}
        <mj-text>Ihre Themen: <strong>%%topics%%</strong></mj-text>
${
  withArchive
    ? `        <mj-text>Was bisher erschienen ist, lesen Sie in unserem Archiv:</mj-text>
        <mj-button href="%%archiveUrl%%">Zum Newsletter-Archiv</mj-button>
`
    : ''
}      </mj-column>
    </mj-section>`,
  });

export const renderWelcome = async (
  config: Config,
  values: WelcomeValues
): Promise<{ subject: string; html: string; text: string }> => {
  const html = await compileCached(source(config, Boolean(values.archiveUrl)));
  const filled = {
    greeting: greetingFor(values.name),
    topics: topicLabels(config, values.topics).join(', '),
    archiveUrl: values.archiveUrl ?? '',
    preferencesUrl: values.preferencesUrl,
    unsubscribeUrl: values.unsubscribeUrl,
  };
  const text = [
    filled.greeting,
    '',
    ...paragraphs(config.welcome.text).flatMap((paragraph) => [paragraph, '']),
    `Ihre Themen: ${filled.topics}`,
    '',
    ...(values.archiveUrl
      ? ['Was bisher erschienen ist, lesen Sie in unserem Archiv:', values.archiveUrl, '']
      : []),
    '-- ',
    'Sie erhalten diese E-Mail, weil Sie Ihre Anmeldung zu unserem Newsletter bestätigt haben.',
    `Themen ändern: ${values.preferencesUrl}`,
    `Newsletter abbestellen: ${values.unsubscribeUrl}`,
    '',
    ...imprintText(config),
    ...(config.privacyUrl ? [`Datenschutz: ${config.privacyUrl}`] : []),
  ].join('\n');
  return { subject: config.welcome.subject, html: fillPlaceholders(html, filled), text };
};
