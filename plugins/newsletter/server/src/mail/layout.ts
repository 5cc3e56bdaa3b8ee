/**
 * The shared mail frame (MJML): header with the newsletter's name, the body sections, and a
 * footer with the imprint. Config values are escaped here; `%%placeholders%%` stay for the
 * per-mail values that are filled in after compiling.
 */
import { escapeHtml } from '../lib/html';
import type { NewsletterConfig } from '../config';

export const COLORS = {
  brand: '#1d4f7a',
  text: '#1f2933',
  muted: '#52606d',
  background: '#f2f4f7',
};

export interface LayoutOptions {
  title: string;
  preheader: string;
  /** mj-section elements */
  sections: string;
  /** extra footer lines (HTML, already escaped), e.g. why the reader gets this mail */
  footerNote?: string;
  /** a small line above the header (HTML, already escaped), e.g. the "view in browser" link */
  topNote?: string;
}

export const imprintText = (config: Pick<NewsletterConfig, 'imprint'>): string[] => [
  config.imprint.organisation,
  ...config.imprint.lines,
  ...(config.imprint.url ? [config.imprint.url] : []),
];

export const layout = (
  config: Pick<NewsletterConfig, 'newsletterName' | 'imprint' | 'privacyUrl'>,
  { title, preheader, sections, footerNote, topNote }: LayoutOptions
): string => {
  const imprint = [config.imprint.organisation, ...config.imprint.lines]
    .map(escapeHtml)
    .join('<br />');
  const links = [
    config.imprint.url
      ? `<a href="${escapeHtml(config.imprint.url)}" style="color:${COLORS.muted}">Impressum</a>`
      : '',
    config.privacyUrl
      ? `<a href="${escapeHtml(config.privacyUrl)}" style="color:${COLORS.muted}">Datenschutz</a>`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return `<mjml lang="de">
  <mj-head>
    <mj-title>${escapeHtml(title)}</mj-title>
    <mj-preview>${escapeHtml(preheader)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="${COLORS.text}" />
      <mj-button background-color="${COLORS.brand}" color="#ffffff" font-size="16px" font-weight="bold" border-radius="4px" inner-padding="12px 24px" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="${COLORS.background}" width="600px">
${
  topNote
    ? `    <mj-section padding="8px 24px">
      <mj-column>
        <mj-text align="center" font-size="12px" line-height="18px" color="${COLORS.muted}">${topNote}</mj-text>
      </mj-column>
    </mj-section>
`
    : ''
}    <mj-section background-color="${COLORS.brand}" padding="16px 24px">
      <mj-column>
        <mj-text color="#ffffff" font-size="20px" font-weight="bold">${escapeHtml(config.newsletterName)}</mj-text>
      </mj-column>
    </mj-section>
${sections}
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="13px" line-height="19px" color="${COLORS.muted}">${footerNote ? `${footerNote}<br /><br />` : ''}${imprint}${links ? `<br />${links}` : ''}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
};
