/** Small pieces the public content pages share: contact box, external links, page numbers. */
import { escapeHtml, safeUrl } from '@bildungsbuero/strapi-server-kit';

type Doc = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const obj = (value: unknown): Doc => (value && typeof value === 'object' ? (value as Doc) : {});

/** A link to an http(s) address given by an editor; '' when the address is not safe. */
export const externalLink = (url: string, label: string, className?: string): string => {
  const href = safeUrl(url);
  if (!href || !/^https?:/i.test(href)) return '';
  return `<a href="${escapeHtml(href)}"${className ? ` class="${className}"` : ''} rel="noopener">${escapeHtml(label)}</a>`;
};

/** The contact component (name, role, e-mail, phone) as a small section. */
export const contactBlock = (value: unknown): string => {
  const contact = obj(value);
  const lines = [
    [str(contact.name), str(contact.role)].filter(Boolean).join(', '),
    str(contact.email)
      ? `<a href="mailto:${escapeHtml(str(contact.email))}">${escapeHtml(str(contact.email))}</a>`
      : '',
    str(contact.phone)
      ? `<a href="tel:${escapeHtml(str(contact.phone).replace(/[^\d+]/g, ''))}">${escapeHtml(str(contact.phone))}</a>`
      : '',
  ];
  const [name, ...links] = lines;
  const shown = [name ? escapeHtml(name) : '', ...links].filter(Boolean);
  if (shown.length === 0) return '';
  return `<section aria-labelledby="contact-heading"><h2 id="contact-heading">Ansprechperson</h2><p>${shown.join('<br />')}</p></section>`;
};

export interface Pagination {
  page: number;
  pageCount: number;
  total: number;
}

/** Previous/next links with the current filters kept; nothing for a single page. */
export const pagination = (
  { page, pageCount }: Pagination,
  filters: Record<string, string | undefined>
): string => {
  if (pageCount <= 1) return '';
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    if (target > 1) query.set('seite', String(target));
    const text = query.toString();
    return text ? `./?${escapeHtml(text)}` : './';
  };
  return `<nav aria-label="Seiten" class="pagination"><p>Seite ${page} von ${pageCount}</p><ul>${
    page > 1 ? `<li><a href="${href(page - 1)}" rel="prev">Vorherige Seite</a></li>` : ''
  }${page < pageCount ? `<li><a href="${href(page + 1)}" rel="next">Nächste Seite</a></li>` : ''}</ul></nav>`;
};
