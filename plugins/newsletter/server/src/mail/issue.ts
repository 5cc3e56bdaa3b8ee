/**
 * The newsletter issue: one MJML template, compiled once per issue ("frozen" when the send
 * starts), then personalised per recipient by cutting out the sections of topics the recipient
 * did not choose and filling in the per-recipient values (escaped). No MJML per recipient.
 *
 * Sections are wrapped in `<!--nl:begin:TOPIC-->` … `<!--nl:end:TOPIC-->` markers (mj-raw
 * between mj-sections, so MJML keeps each section's Outlook tables balanced inside them).
 */
import { escapeHtml, fillPlaceholders } from '../lib/html';
import { blocksToHtml, blocksToText, safeUrl } from '../lib/blocks';
import type { NewsletterConfig } from '../config';
import { compileMjml } from './mjml';
import { COLORS, imprintText, layout } from './layout';

/** What the app's item renderer returns for one document. */
export interface NewsletterItem {
  title: string;
  url?: string | null;
  /** kicker above the title, e.g. "Ausbildungsplatz" */
  label?: string | null;
  /** short facts, e.g. Ort, Beginn, Bewerbungsschluss */
  facts?: { label: string; value: string }[];
  summary?: string | null;
  image?: { url: string; width: number; height: number; alt: string } | null;
}

export interface IssueSection {
  topic: string;
  title: string;
  items: NewsletterItem[];
}

export interface IssueContent {
  subject: string;
  preheader?: string | null;
  intro?: unknown;
  sections: IssueSection[];
  webUrl?: string | null;
}

export type IssueConfig = Pick<
  NewsletterConfig,
  'newsletterName' | 'imprint' | 'privacyUrl' | 'publicUrl'
>;

export interface FrozenRendering {
  version: 1;
  subject: string;
  preheader: string;
  /** topics that have at least one item, in order */
  topics: string[];
  html: string;
  text: { head: string; sections: Record<string, string>; foot: string };
  itemCount: number;
  compileMs: number;
  frozenAt: string;
}

export interface Recipient {
  topics: string[];
  name?: string | null;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

const SECTION = /<!--nl:begin:([a-z0-9-]+)-->([\s\S]*?)<!--nl:end:\1-->/g;

/** One item: components inside the section's single column (one section per topic keeps the
 * mail small: every mj-section costs Outlook wrapper tables). */
const itemMjml = (item: NewsletterItem, baseUrl: string) => {
  const url = safeUrl(item.url, baseUrl);
  const title = escapeHtml(item.title);
  const facts = (item.facts ?? []).filter((fact) => fact.value);
  const image = item.image && safeUrl(item.image.url, baseUrl);
  const width = item.image ? Math.min(552, Math.round(item.image.width)) : 0;
  const height = item.image ? Math.round((item.image.height * width) / item.image.width) : 0;
  const link = url
    ? `<br /><a href="${escapeHtml(url)}" style="color:${COLORS.brand};font-weight:bold">Mehr erfahren</a>`
    : '';
  return [
    `<mj-text padding="16px 0 0" font-size="18px" line-height="24px">${
      item.label
        ? `<span style="font-size:12px;line-height:16px;color:${COLORS.brand};font-weight:bold">${escapeHtml(item.label.toUpperCase())}</span><br />`
        : ''
    }<strong>${url ? `<a href="${escapeHtml(url)}" style="color:${COLORS.text};text-decoration:none">${title}</a>` : title}</strong></mj-text>`,
    facts.length
      ? `<mj-text padding="4px 0 0" font-size="14px" line-height="20px" color="${COLORS.muted}">${facts
          .map((fact) => `${escapeHtml(fact.label)}: ${escapeHtml(fact.value)}`)
          .join('<br />')}</mj-text>`
      : '',
    image && width > 0 && height > 0
      ? `<mj-image padding="8px 0 0" src="${escapeHtml(image)}" width="${width}px" height="${height}px" alt="${escapeHtml(item.image!.alt)}" />`
      : '',
    item.summary || link
      ? `<mj-text padding="8px 0 0">${item.summary ? escapeHtml(item.summary) : ''}${link}</mj-text>`
      : '',
    `<mj-divider padding="16px 0 0" border-width="1px" border-color="#e4e7eb" />`,
  ]
    .filter(Boolean)
    .join('\n');
};

/** The issue as MJML; per-recipient values stay as %%placeholders%%. Pure. */
export const issueMjml = (config: IssueConfig, content: IssueContent): string => {
  const baseUrl = config.publicUrl;
  const intro = blocksToHtml(content.intro, {
    baseUrl,
    styles: { a: `color:${COLORS.brand}` },
  });
  const sections = content.sections
    .filter((section) => section.items.length > 0)
    .map(
      (section) => `    <mj-raw><!--nl:begin:${section.topic}--></mj-raw>
    <mj-section background-color="#ffffff" padding="24px 24px 0">
      <mj-column>
        <mj-text padding="0" font-size="22px" line-height="28px" font-weight="bold" color="${COLORS.brand}">${escapeHtml(section.title)}</mj-text>
${section.items.map((item) => itemMjml(item, baseUrl)).join('\n')}
      </mj-column>
    </mj-section>
    <mj-raw><!--nl:end:${section.topic}--></mj-raw>`
    )
    .join('\n');
  const webUrl = content.webUrl ? safeUrl(content.webUrl, baseUrl) : null;
  return layout(config, {
    title: content.subject,
    preheader: content.preheader || content.subject,
    topNote: webUrl
      ? `<a href="${escapeHtml(webUrl)}" style="color:${COLORS.muted}">Im Browser ansehen</a>`
      : undefined,
    footerNote: `Sie erhalten diesen Newsletter, weil Sie ihn unter dieser Adresse abonniert haben.<br /><a href="%%preferencesUrl%%" style="color:${COLORS.muted}">Themen ändern</a> · <a href="%%unsubscribeUrl%%" style="color:${COLORS.muted}">Newsletter abbestellen</a>`,
    sections: `    <mj-section background-color="#ffffff" padding="24px 24px 0">
      <mj-column>
        <mj-text font-size="24px" line-height="30px" font-weight="bold">${escapeHtml(content.subject)}</mj-text>
        <mj-text>%%greeting%%</mj-text>
${intro ? `        <mj-text>${intro}</mj-text>\n` : ''}      </mj-column>
    </mj-section>
${sections}
    <mj-section background-color="#ffffff" padding="8px 24px 24px">
      <mj-column>
        <mj-text>Mit freundlichen Grüßen<br />${escapeHtml(config.imprint.organisation)}</mj-text>
      </mj-column>
    </mj-section>`,
  });
};

const underline = (text: string, char: string) =>
  `${text}\n${char.repeat(Math.max(3, text.length))}`;

/** The plain-text part, written as text (not the HTML stripped). Pure. */
export const issueText = (config: IssueConfig, content: IssueContent): FrozenRendering['text'] => {
  const baseUrl = config.publicUrl;
  const intro = blocksToText(content.intro, { baseUrl });
  const webUrl = content.webUrl ? safeUrl(content.webUrl, baseUrl) : null;
  const head = [
    config.newsletterName,
    '',
    underline(content.subject, '='),
    '',
    '%%greeting%%',
    ...(intro ? ['', intro] : []),
  ].join('\n');
  const sections = Object.fromEntries(
    content.sections
      .filter((section) => section.items.length > 0)
      .map((section) => [
        section.topic,
        [
          underline(section.title.toUpperCase(), '-'),
          ...section.items.map((item) => {
            const url = safeUrl(item.url, baseUrl);
            return [
              ...(item.label ? [item.label] : []),
              item.title,
              ...(item.facts ?? [])
                .filter((fact) => fact.value)
                .map((fact) => `${fact.label}: ${fact.value}`),
              ...(item.summary ? [item.summary] : []),
              ...(url ? [`Mehr erfahren: ${url}`] : []),
            ].join('\n');
          }),
        ].join('\n\n'),
      ])
  );
  const foot = [
    'Mit freundlichen Grüßen',
    config.imprint.organisation,
    '',
    '-- ',
    'Sie erhalten diesen Newsletter, weil Sie ihn unter dieser Adresse abonniert haben.',
    'Themen ändern: %%preferencesUrl%%',
    'Newsletter abbestellen: %%unsubscribeUrl%%',
    ...(webUrl ? [`Im Browser ansehen: ${webUrl}`] : []),
    '',
    ...imprintText(config),
    ...(config.privacyUrl ? [`Datenschutz: ${config.privacyUrl}`] : []),
  ].join('\n');
  return { head, sections, foot };
};

/**
 * Drops the indentation MJML writes (a third of a mail's bytes): whitespace runs that contain a
 * line break become one line break. Word spacing inside text is kept (it has no line breaks), and
 * editors' <pre> blocks are left alone.
 */
export const compactHtml = (html: string): string =>
  html
    .split(/(<pre[\s\S]*?<\/pre>)/i)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[ \t]*\r?\n\s*/g, '\n')))
    .join('');

/** Compiles the issue once. */
export const freezeIssue = async (
  config: IssueConfig,
  content: IssueContent
): Promise<FrozenRendering> => {
  const started = process.hrtime.bigint();
  const html = compactHtml(await compileMjml(issueMjml(config, content)));
  const compileMs = Number(process.hrtime.bigint() - started) / 1e6;
  const topics = content.sections
    .filter((section) => section.items.length > 0)
    .map((section) => section.topic);
  return {
    version: 1,
    subject: content.subject,
    preheader: content.preheader || '',
    topics,
    html,
    text: issueText(config, content),
    itemCount: content.sections.reduce((sum, section) => sum + section.items.length, 0),
    compileMs,
    frozenAt: new Date().toISOString(),
  };
};

export const greetingFor = (name?: string | null) => (name ? `Guten Tag ${name},` : 'Guten Tag,');

/**
 * One recipient's mail from the frozen rendering: only the sections of their topics, the
 * per-recipient values escaped. Null when none of their topics has an item (no mail).
 */
export const personalise = (
  frozen: FrozenRendering,
  recipient: Recipient
): { html: string; text: string } | null => {
  const wanted = new Set(recipient.topics);
  const topics = frozen.topics.filter((topic) => wanted.has(topic));
  if (topics.length === 0) return null;
  const values = {
    greeting: greetingFor(recipient.name),
    preferencesUrl: recipient.preferencesUrl,
    unsubscribeUrl: recipient.unsubscribeUrl,
  };
  const html = frozen.html.replace(SECTION, (_match, topic: string, inner: string) =>
    wanted.has(topic) ? inner : ''
  );
  const text = [
    frozen.text.head,
    ...topics.map((topic) => frozen.text.sections[topic]),
    frozen.text.foot,
  ].join('\n\n');
  return {
    html: fillPlaceholders(html, values),
    text: fillPlaceholders(text, values, { escape: false }),
  };
};
