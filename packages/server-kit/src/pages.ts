/**
 * Small German HTML pages for the links in mails (confirm, preferences, unsubscribe), used by
 * both plugins. They work without JavaScript: a GET only shows the page, the button POSTs, so
 * link scanners change nothing. Self-contained (inline CSS, no external resources) and WCAG 2.1 AA: one h1 in
 * <main>, labelled controls with their hints tied via aria-describedby, visible focus, 24px
 * targets, contrast ≥ 4.5:1, and the tone is shown by text, not only by colour.
 */
import { escapeHtml } from './html';

export interface PageOptions {
  title: string;
  /** paragraphs of plain text (escaped here) */
  paragraphs: string[];
  form?: {
    action: string;
    button: string;
    fields?: Record<string, string>;
    /** a group of checkboxes, e.g. the newsletter topics */
    choices?: {
      name: string;
      legend: string;
      options: { value: string; label: string; hint?: string; checked: boolean }[];
    };
  };
  /** further parts below the form, each with its heading and an optional one-button form */
  sections?: {
    heading: string;
    paragraphs: string[];
    form?: { action: string; button: string; fields?: Record<string, string> };
  }[];
  links?: { href: string; label: string }[];
  tone?: 'info' | 'success' | 'error';
}

export const ACCENT = { info: '#1d4f7a', success: '#1e7b34', error: '#b42318' } as const;

/** The pages' stylesheet (also used by the archive page, see pages/archive.ts). */
export const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;padding:2rem 1rem;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.5;color:#1f2933;background:#f2f4f7}
main{display:block;max-width:36rem;margin:0 auto;padding:1.5rem 2rem 2rem;background:#fff;border-radius:6px;border-top:6px solid var(--accent)}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.15rem;line-height:1.3;margin:1.5rem 0 .75rem}
p,ul{margin:0 0 1rem}
a{color:#1d4f7a;text-decoration:underline;text-underline-offset:.15em}
a:hover{color:#163d5e;text-decoration-thickness:2px}
:focus-visible{outline:3px solid #1f2933;outline-offset:2px}
.message{margin:0 0 1.25rem;padding:1rem 1.25rem;border:1px solid var(--accent);border-left-width:6px;border-radius:4px}
.success{background:#edf7ee}
.error{background:#fef3f2}
.message>:last-child{margin-bottom:0}
.tone{display:block;font-weight:bold;margin-bottom:.25rem}
form{margin:0 0 1.5rem}
fieldset{margin:0 0 1.25rem;padding:.75rem 1rem .25rem;border:1px solid #cbd2d9;border-radius:4px}
legend{font-weight:bold;padding:0 .25rem}
.choice{display:flex;gap:.75rem;align-items:flex-start;margin:0 0 .75rem}
.choice input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:#1d4f7a}
.choice label{display:block;padding-top:.05rem}
.hint{display:block;color:#52606d;font-size:.9375rem}
button{min-height:2.75rem;padding:.625rem 1.5rem;font:inherit;font-weight:bold;line-height:1.5;color:#fff;background:#1d4f7a;border:2px solid #1d4f7a;border-radius:4px;cursor:pointer}
button:hover{background:#163d5e}
.links{padding-left:1.25rem}
.links li+li{margin-top:.5rem}
`;

const TONE_LABEL: Record<NonNullable<PageOptions['tone']>, string> = {
  info: '',
  success: 'Erledigt',
  error: 'Fehler',
};

const renderChoices = (choices: NonNullable<NonNullable<PageOptions['form']>['choices']>) => {
  const name = escapeHtml(choices.name);
  const options = choices.options
    .map((option, index) => {
      const id = `choice-${index}`;
      const hint = option.hint
        ? `<span class="hint" id="${id}-hint">${escapeHtml(option.hint)}</span>`
        : '';
      const describedBy = option.hint ? ` aria-describedby="${id}-hint"` : '';
      return `<div class="choice"><input type="checkbox" id="${id}" name="${name}" value="${escapeHtml(option.value)}"${option.checked ? ' checked' : ''}${describedBy}><div><label for="${id}">${escapeHtml(option.label)}</label>${hint}</div></div>`;
    })
    .join('\n');
  return `<fieldset>\n<legend>${escapeHtml(choices.legend)}</legend>\n${options}\n</fieldset>`;
};

const hiddenFields = (fields: Record<string, string> = {}) =>
  Object.entries(fields)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`
    )
    .join('');

export const renderPage = ({
  title,
  paragraphs,
  form,
  sections = [],
  links = [],
  tone = 'info',
}: PageOptions) => {
  const fields = hiddenFields(form?.fields);
  const choices = form?.choices ? renderChoices(form.choices) : '';
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
  // A success or error page shows its first paragraph as a boxed message with a text label
  // ("Erledigt:", "Fehler:"), so the tone never depends on colour alone.
  const boxed = tone === 'info' ? [] : paragraphs.slice(0, 1);
  const rest = paragraphs.slice(boxed.length);
  const message = boxed.length
    ? `<div class="message ${tone}"${tone === 'error' ? ' role="alert"' : ''}><span class="tone">${TONE_LABEL[tone]}:</span>\n${boxed.map(paragraph).join('\n')}\n</div>\n`
    : '';
  const text = message + rest.map(paragraph).join('\n');
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="color-scheme" content="light">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>:root{--accent:${ACCENT[tone] ?? ACCENT.info}}${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${text}
${form ? `<form method="post" action="${escapeHtml(form.action)}">${fields}\n${choices}\n<button type="submit">${escapeHtml(form.button)}</button>\n</form>` : ''}
${sections
  .map(
    (section) =>
      `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.paragraphs.map(paragraph).join('\n')}\n${
        section.form
          ? `<form method="post" action="${escapeHtml(section.form.action)}">${hiddenFields(section.form.fields)}\n<button type="submit">${escapeHtml(section.form.button)}</button>\n</form>`
          : ''
      }\n</section>`
  )
  .join('\n')}
${links.length ? `<ul class="links">${links.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('')}</ul>` : ''}
</main>
</body>
</html>
`;
};
