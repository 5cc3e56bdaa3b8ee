/**
 * The newsletter issue: one MJML template, compiled once per issue ("frozen" when the send
 * starts), then personalised per recipient by cutting out the sections of topics the recipient
 * did not choose and filling in the per-recipient values (escaped). No MJML per recipient.
 *
 * Sections are wrapped in `<!--nl:begin:TOPIC-->` … `<!--nl:end:TOPIC-->` markers (mj-raw
 * between mj-sections, so MJML keeps each section's Outlook tables balanced inside them).
 *
 * One section may be personalised (e.g. employer tips chosen by a company's self-check): it is
 * compiled with a pool of items, each wrapped in `<!--nl:item:ID-->` … `<!--nl:item-end:ID-->`
 * (mj-raw between the column's components, so each item is whole table rows). A recipient's mail
 * takes the items of its own selection in its order, or the editor's selection (`defaults`).
 *
 * Items' links are fixed when the issue is compiled (`IssueContent.itemLink`, e.g. the counting
 * redirect): the same for every recipient, so they cost nothing per recipient.
 */
import { escapeHtml, fillPlaceholders } from '../lib/html';
import { blocksToHtml, blocksToText, safeUrl } from '@bildungsbuero/strapi-server-kit';
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
  /** the editor's selection (with ids in a personalised section) */
  items: (NewsletterItem & { id?: string })[];
  /** personalised section: further items recipients' selections may choose, by id */
  pool?: (NewsletterItem & { id: string })[];
  personal?: boolean;
}

export interface IssueContent {
  subject: string;
  preheader?: string | null;
  intro?: unknown;
  sections: IssueSection[];
  webUrl?: string | null;
  /**
   * The link that goes into the mail for an item's URL (already checked by `safeUrl`), e.g. a
   * counting redirect; called once per item and part when the issue is compiled, never per
   * recipient. Without it items link straight to their URLs.
   */
  itemLink?: (url: string, item: { section: string; id?: string }) => string;
}

/** An item's link as it goes into the mail: its safe URL, through `itemLink` when given. */
type LinkOf = (item: NewsletterItem & { id?: string }) => string | null;

const linkOf =
  (content: IssueContent, section: string, baseUrl: string): LinkOf =>
  (item) => {
    const url = safeUrl(item.url, baseUrl);
    if (!url || !content.itemLink) return url;
    return content.itemLink(url, { section, id: item.id });
  };

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
  /** the personalised section, when the issue has one */
  personal?: {
    topic: string;
    /** the editor's selection: what recipients without a selection get */
    defaults: string[];
    /** every item compiled into the section, by id */
    pool: string[];
    text: { head: string; items: Record<string, string> };
  };
  /** topics whose section is in `html`, in order (with the personalised one even without
   * default items) */
  sectionOrder?: string[];
}

export interface Recipient {
  topics: string[];
  name?: string | null;
  preferencesUrl: string;
  unsubscribeUrl: string;
  /** the recipient's items for the personalised section, best first; none = the defaults */
  items?: string[] | null;
  /** nobody in particular (the public web version and archive): no salutation at all */
  anonymous?: boolean;
}

const SECTION = /<!--nl:begin:([a-z0-9-]+)-->([\s\S]*?)<!--nl:end:\1-->/g;

/** One item: components inside the section's single column (one section per topic keeps the
 * mail small: every mj-section costs Outlook wrapper tables). */
const itemMjml = (item: NewsletterItem & { id?: string }, baseUrl: string, linkFor: LinkOf) => {
  const url = linkFor(item);
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

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const itemId = (item: { id?: string }) => {
  if (!item.id || !ID.test(item.id)) throw new Error(`invalid item id in a personalised section`);
  return item.id;
};

/** What a section compiles: its items, and in a personalised section the pool (once each). */
const sectionItems = (section: IssueSection): (NewsletterItem & { id?: string })[] => {
  if (!section.personal) return section.items;
  const seen = new Set<string>();
  return [...section.items, ...(section.pool ?? [])].filter((item) => {
    const id = itemId(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

/** The issue as MJML; per-recipient values stay as %%placeholders%%. Pure. */
export const issueMjml = (config: IssueConfig, content: IssueContent): string => {
  const baseUrl = config.publicUrl;
  const intro = blocksToHtml(content.intro, {
    baseUrl,
    styles: { a: `color:${COLORS.brand}` },
  });
  const sections = content.sections
    .filter((section) => sectionItems(section).length > 0)
    .map(
      (section) => `    <mj-raw><!--nl:begin:${section.topic}--></mj-raw>
    <mj-section background-color="#ffffff" padding="24px 24px 0">
      <mj-column>
        <mj-text padding="0" font-size="22px" line-height="28px" font-weight="bold" color="${COLORS.brand}">${escapeHtml(section.title)}</mj-text>
${sectionItems(section)
  .map((item) => {
    const html = itemMjml(item, baseUrl, linkOf(content, section.topic, baseUrl));
    return section.personal
      ? `<mj-raw><!--nl:item:${itemId(item)}--></mj-raw>\n${html}\n<mj-raw><!--nl:item-end:${itemId(item)}--></mj-raw>`
      : html;
  })
  .join('\n')}
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

const sectionHead = (section: IssueSection) => underline(section.title.toUpperCase(), '-');

const itemText = (item: NewsletterItem & { id?: string }, linkFor: LinkOf) => {
  const url = linkFor(item);
  return [
    ...(item.label ? [item.label] : []),
    item.title,
    ...(item.facts ?? [])
      .filter((fact) => fact.value)
      .map((fact) => `${fact.label}: ${fact.value}`),
    ...(item.summary ? [item.summary] : []),
    ...(url ? [`Mehr erfahren: ${url}`] : []),
  ].join('\n');
};

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
          sectionHead(section),
          ...section.items.map((item) => itemText(item, linkOf(content, section.topic, baseUrl))),
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
  const personal = content.sections.find(
    (section) => section.personal && sectionItems(section).length > 0
  );
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
    sectionOrder: content.sections
      .filter((section) => sectionItems(section).length > 0)
      .map((section) => section.topic),
    ...(personal
      ? {
          personal: {
            topic: personal.topic,
            defaults: personal.items.map(itemId),
            pool: sectionItems(personal).map(itemId),
            text: {
              head: sectionHead(personal),
              items: Object.fromEntries(
                sectionItems(personal).map((item) => [
                  itemId(item),
                  itemText(item, linkOf(content, personal.topic, config.publicUrl)),
                ])
              ),
            },
          },
        }
      : {}),
  };
};

type Segment =
  | { kind: 'static'; html: string }
  | { kind: 'section'; topic: string; html: string }
  | { kind: 'personal'; topic: string; head: string; items: Map<string, string>; tail: string };

const ITEM = /<!--nl:item:([A-Za-z0-9_-]+)-->([\s\S]*?)<!--nl:item-end:\1-->/g;

/** The frozen HTML cut into its sections once (per rendering object), for cheap assembly. */
const segmentsCache = new WeakMap<FrozenRendering, Segment[]>();
const segmentsOf = (frozen: FrozenRendering): Segment[] => {
  const cached = segmentsCache.get(frozen);
  if (cached) return cached;
  const segments: Segment[] = [];
  let last = 0;
  for (const match of frozen.html.matchAll(SECTION)) {
    segments.push({ kind: 'static', html: frozen.html.slice(last, match.index) });
    const [whole, topic, inner] = match;
    last = (match.index ?? 0) + whole.length;
    if (frozen.personal?.topic !== topic) {
      segments.push({ kind: 'section', topic, html: inner });
      continue;
    }
    const items = new Map<string, string>();
    let head = inner;
    let tail = '';
    let first = true;
    for (const item of inner.matchAll(ITEM)) {
      if (first) head = inner.slice(0, item.index);
      first = false;
      items.set(item[1], item[2]);
      tail = inner.slice((item.index ?? 0) + item[0].length);
    }
    segments.push({ kind: 'personal', topic, head, items, tail });
  }
  segments.push({ kind: 'static', html: frozen.html.slice(last) });
  segmentsCache.set(frozen, segments);
  return segments;
};

/** The personalised section's items for one recipient: its own selection, else the defaults. */
const personalItems = (frozen: FrozenRendering, recipient: Pick<Recipient, 'items'>): string[] => {
  const personal = frozen.personal!;
  const own = (recipient.items ?? []).filter((id) => id in personal.text.items);
  return own.length > 0 ? own : personal.defaults;
};

export const greetingFor = (name?: string | null) => (name ? `Guten Tag ${name},` : 'Guten Tag,');

/** A fixed piece of a recipient's part: `key` names it within its rendering (the same key is
 * the same text), `text` still has the %%placeholders%%. */
export interface Piece {
  key: string;
  text: string;
}

/** The placeholders of a recipient's mail and their values. */
export type PlaceholderValues = {
  greeting: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
};

const SEPARATOR: Piece = { key: 'sep', text: '\n\n' };

/**
 * One recipient's mail from the frozen rendering as its fixed pieces, in order, placeholders
 * not yet filled: only the sections of their topics, in the personalised section their items.
 * Null when none of their topics has an item (no mail). `personalise` joins and fills them; the
 * raw message builder (`mail/issue-mime.ts`) encodes each piece once per rendering.
 */
export const issuePieces = (
  frozen: FrozenRendering,
  recipient: Pick<Recipient, 'topics' | 'items'>
): { html: Piece[]; text: Piece[] } | null => {
  const wanted = new Set(recipient.topics);
  const personal = frozen.personal && wanted.has(frozen.personal.topic) ? frozen.personal : null;
  const chosen = personal ? personalItems(frozen, recipient) : [];
  const included = (topic: string) =>
    wanted.has(topic) && (topic === personal?.topic ? chosen.length > 0 : true);
  const order = frozen.sectionOrder ?? frozen.topics;
  const topics = order.filter(included);
  if (topics.length === 0) return null;
  const html: Piece[] = [];
  segmentsOf(frozen).forEach((segment, index) => {
    if (segment.kind === 'static') html.push({ key: `h${index}`, text: segment.html });
    else if (!included(segment.topic)) return;
    else if (segment.kind === 'section') html.push({ key: `h${index}`, text: segment.html });
    else {
      html.push({ key: `h${index}:head`, text: segment.head });
      for (const id of chosen) {
        html.push({ key: `h${index}:item:${id}`, text: segment.items.get(id) ?? '' });
      }
      html.push({ key: `h${index}:tail`, text: segment.tail });
    }
  });
  const text: Piece[] = [{ key: 't:head', text: frozen.text.head }];
  for (const topic of topics) {
    text.push(SEPARATOR);
    if (topic === personal?.topic) {
      text.push({ key: 't:personal-head', text: personal.text.head });
      for (const id of chosen) {
        text.push(SEPARATOR, { key: `t:item:${id}`, text: personal.text.items[id] });
      }
    } else {
      text.push({ key: `t:section:${topic}`, text: frozen.text.sections[topic] });
    }
  }
  text.push(SEPARATOR, { key: 't:foot', text: frozen.text.foot });
  return { html, text };
};

/** The placeholders' values for one recipient (not yet escaped). */
export const placeholderValues = (recipient: Recipient): PlaceholderValues => ({
  greeting: recipient.anonymous ? '' : greetingFor(recipient.name),
  preferencesUrl: recipient.preferencesUrl,
  unsubscribeUrl: recipient.unsubscribeUrl,
});

/**
 * One recipient's mail from the frozen rendering: only the sections of their topics, the
 * per-recipient values escaped. Null when none of their topics has an item (no mail).
 */
export const personalise = (
  frozen: FrozenRendering,
  recipient: Recipient
): { html: string; text: string } | null => {
  const pieces = issuePieces(frozen, recipient);
  if (!pieces) return null;
  const values = placeholderValues(recipient);
  const join = (list: Piece[]) => list.map((piece) => piece.text).join('');
  return {
    html: fillPlaceholders(join(pieces.html), values),
    text: fillPlaceholders(join(pieces.text), values, { escape: false }),
  };
};
