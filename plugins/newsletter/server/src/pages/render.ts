/**
 * Small German HTML pages for the links in mails (confirm, unsubscribe). They work without
 * JavaScript: a GET only shows the page, the button POSTs, so link scanners change nothing.
 */
import { escapeHtml } from '../lib/html';

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
  links?: { href: string; label: string }[];
  tone?: 'info' | 'success' | 'error';
}

export const renderPage = ({ title, paragraphs, form, links = [], tone = 'info' }: PageOptions) => {
  const fields = Object.entries(form?.fields ?? {})
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`
    )
    .join('');
  const choices = form?.choices
    ? `<fieldset><legend>${escapeHtml(form.choices.legend)}</legend>${form.choices.options
        .map(
          (option, index) =>
            `<div class="choice"><input type="checkbox" id="c${index}" name="${escapeHtml(form.choices!.name)}" value="${escapeHtml(option.value)}"${option.checked ? ' checked' : ''}><label for="c${index}">${escapeHtml(option.label)}${option.hint ? `<span class="hint">${escapeHtml(option.hint)}</span>` : ''}</label></div>`
        )
        .join('')}</fieldset>`
    : '';
  const role = tone === 'error' ? ' role="alert"' : '';
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:Arial,Helvetica,sans-serif;color:#1f2933;background:#f2f4f7;margin:0;padding:2rem 1rem;line-height:1.5}
main{max-width:36rem;margin:0 auto;background:#fff;padding:2rem;border-radius:6px;border-top:6px solid ${tone === 'error' ? '#b42318' : tone === 'success' ? '#1e7b34' : '#1d4f7a'}}
h1{font-size:1.5rem;margin-top:0}
button{font:inherit;font-weight:bold;background:#1d4f7a;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;cursor:pointer}
button:hover{background:#163d5e}
a{color:#1d4f7a}
fieldset{border:1px solid #cbd2d9;border-radius:4px;margin:0 0 1rem;padding:1rem}
legend{font-weight:bold;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.5rem 0}
.choice input{width:1.25rem;height:1.25rem;margin-top:.15rem}
.hint{display:block;color:#52606d;font-size:.9rem}
input:focus-visible,
button:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<div${role}>${paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}</div>
${form ? `<form method="post" action="${escapeHtml(form.action)}">${fields}${choices}<button type="submit">${escapeHtml(form.button)}</button></form>` : ''}
${links.length ? `<ul>${links.map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`).join('')}</ul>` : ''}
</main>
</body>
</html>
`;
};
