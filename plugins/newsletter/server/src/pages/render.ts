/** The small German HTML pages for links in mails live in the server kit (shared by plugins). */
export { ACCENT, renderPage, STYLE, type PageOptions } from '@bildungsbuero/strapi-server-kit';
