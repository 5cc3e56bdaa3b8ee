/**
 * The double opt-in mail: HTML from MJML (compiled once, values filled in per mail) and a
 * plain-text part written for reading as text.
 */
import { escapeHtml, fillPlaceholders } from '../lib/html';
import type { NewsletterConfig } from '../config';
import { compileCached } from './mjml';
import { COLORS, imprintText, layout } from './layout';

type Config = Pick<
  NewsletterConfig,
  'newsletterName' | 'imprint' | 'privacyUrl' | 'confirmTokenTtlHours' | 'topics'
>;

export interface ConfirmationValues {
  name?: string | null;
  topics: string[];
  confirmUrl: string;
  /** a link the subscriber asked for (e.g. its self-check result); `only`: the subscription
   * is active already, the mail confirms just the link */
  link?: { label: string; only: boolean };
}

const topicLabels = (config: Config, keys: string[]) =>
  keys.map((key) => config.topics.find((topic) => topic.key === key)?.label ?? key);

export const confirmationSubject = (config: Config, link?: ConfirmationValues['link']): string =>
  link?.only
    ? `Bitte bestätigen Sie die Verknüpfung: ${config.newsletterName}`
    : `Bitte bestätigen Sie Ihre Anmeldung: ${config.newsletterName}`;

const linkSentence = (label: string) =>
  `Außerdem möchten Sie, dass wir Folgendes mit Ihrem Abonnement verknüpfen: ${label}. Dann wählen wir die Tipps in jeder Ausgabe passend dazu aus. Die Verknüpfung können Sie jederzeit in Ihren Newsletter-Einstellungen lösen.`;

const source = (config: Config, link?: ConfirmationValues['link']) =>
  layout(config, {
    title: confirmationSubject(config, link),
    preheader: link?.only
      ? 'Ein Klick fehlt noch: Bitte bestätigen Sie die Verknüpfung.'
      : 'Ein Klick fehlt noch: Bitte bestätigen Sie Ihre Anmeldung.',
    footerNote: escapeHtml(
      'Sie erhalten diese E-Mail, weil Ihre Adresse für unseren Newsletter angemeldet wurde.'
    ),
    sections: link?.only
      ? `    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text>%%greeting%%</mj-text>
        <mj-text>Sie erhalten unseren Newsletter „${escapeHtml(config.newsletterName)}“ bereits. Sie möchten, dass wir Folgendes mit Ihrem Abonnement verknüpfen: <strong>${escapeHtml(link.label)}</strong>. Dann wählen wir die Tipps in jeder Ausgabe passend dazu aus.</mj-text>
        <mj-text>Bitte bestätigen Sie die Verknüpfung. Ohne Bestätigung bleibt alles, wie es ist. Lösen können Sie die Verknüpfung jederzeit in Ihren Newsletter-Einstellungen.</mj-text>
        <mj-button href="%%confirmUrl%%">Verknüpfung bestätigen</mj-button>
        <mj-text font-size="14px" color="${COLORS.muted}">Der Link ist ${config.confirmTokenTtlHours} Stunden gültig. Falls der Knopf nicht funktioniert, öffnen Sie diese Adresse im Browser:<br /><a href="%%confirmUrl%%" style="color:${COLORS.brand};word-break:break-all">%%confirmUrl%%</a></mj-text>
        <mj-text font-size="14px" color="${COLORS.muted}">Sie haben das nicht veranlasst? Dann ignorieren Sie diese E-Mail einfach.</mj-text>
      </mj-column>
    </mj-section>`
      : `    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text>%%greeting%%</mj-text>
        <mj-text>vielen Dank für Ihr Interesse an unserem Newsletter „${escapeHtml(config.newsletterName)}“. Sie haben folgende Themen gewählt: <strong>%%topics%%</strong>.</mj-text>
${link ? `        <mj-text>${escapeHtml(linkSentence(link.label))}</mj-text>\n` : ''}        <mj-text>Bitte bestätigen Sie Ihre Anmeldung. Erst danach senden wir Ihnen den Newsletter.</mj-text>
        <mj-button href="%%confirmUrl%%">Anmeldung bestätigen</mj-button>
        <mj-text font-size="14px" color="${COLORS.muted}">Der Link ist ${config.confirmTokenTtlHours} Stunden gültig. Falls der Knopf nicht funktioniert, öffnen Sie diese Adresse im Browser:<br /><a href="%%confirmUrl%%" style="color:${COLORS.brand};word-break:break-all">%%confirmUrl%%</a></mj-text>
        <mj-text font-size="14px" color="${COLORS.muted}">Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach. Ohne Bestätigung erhalten Sie keine weiteren Nachrichten von uns.</mj-text>
      </mj-column>
    </mj-section>`,
  });

const greeting = (name?: string | null) => (name ? `Guten Tag ${name},` : 'Guten Tag,');

export const renderConfirmation = async (
  config: Config,
  values: ConfirmationValues
): Promise<{ subject: string; html: string; text: string }> => {
  const html = await compileCached(source(config, values.link));
  const filled = {
    greeting: greeting(values.name),
    topics: topicLabels(config, values.topics).join(', '),
    confirmUrl: values.confirmUrl,
  };
  const link = values.link;
  const text = [
    greeting(values.name),
    '',
    ...(link?.only
      ? [
          `Sie erhalten unseren Newsletter „${config.newsletterName}“ bereits. Sie möchten, dass wir Folgendes mit Ihrem Abonnement verknüpfen: ${link.label}. Dann wählen wir die Tipps in jeder Ausgabe passend dazu aus.`,
          '',
          'Bitte bestätigen Sie die Verknüpfung, indem Sie diesen Link öffnen:',
          values.confirmUrl,
          '',
          `Der Link ist ${config.confirmTokenTtlHours} Stunden gültig. Ohne Bestätigung bleibt alles, wie es ist.`,
          'Sie haben das nicht veranlasst? Dann ignorieren Sie diese E-Mail einfach.',
        ]
      : [
          `vielen Dank für Ihr Interesse an unserem Newsletter „${config.newsletterName}“.`,
          `Gewählte Themen: ${filled.topics}`,
          ...(link ? ['', linkSentence(link.label)] : []),
          '',
          'Bitte bestätigen Sie Ihre Anmeldung, indem Sie diesen Link öffnen:',
          values.confirmUrl,
          '',
          `Der Link ist ${config.confirmTokenTtlHours} Stunden gültig. Erst nach der Bestätigung senden wir Ihnen den Newsletter.`,
          'Sie haben sich nicht angemeldet? Dann ignorieren Sie diese E-Mail einfach.',
        ]),
    '',
    '-- ',
    ...imprintText(config),
    ...(config.privacyUrl ? [`Datenschutz: ${config.privacyUrl}`] : []),
  ].join('\n');
  return { subject: confirmationSubject(config, link), html: fillPlaceholders(html, filled), text };
};
