/**
 * Public pages of the content, at the paths newsletter items and the self-check's tips link to
 * when SITE_URL is not the county's own website:
 * - `/angebote/` (current offers, filters `art` = offer type and `kommune` = municipality slug,
 *   page `seite`) and `/angebote/<slug>`: an offer that is no longer current answers 410 with a
 *   page that says so, without structured data;
 * - `/praxisbeispiele/` and `/praxisbeispiele/<slug>`;
 * - `/arbeitgeber-tipps/` and `/arbeitgeber-tipps/<slug>`.
 * Published documents only, read through the Document Service. German HTML rendered by
 * src/site/, relative links; a folder without its slash is redirected like the static pages.
 * A weak ETag answers a matching `If-None-Match` with 304. Unknown filter values answer 400
 * with a page naming the filter; unknown slugs 404.
 */
import crypto from 'crypto';
import { escapeHtml } from '@bildungsbuero/strapi-server-kit';
import type { Core, UID } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { isoDateIn } from '../lib/dates';
import { currentOfferFilter } from '../lib/offers';
import { OFFER_TYPES } from '../lib/vocabularies';
import { renderPage } from '../site/layout';
import { renderOfferList, renderOfferPage } from '../site/offers';
import {
  renderEmployerTipList,
  renderEmployerTipPage,
  renderPracticeExampleList,
  renderPracticeExamplePage,
} from '../site/practice';

type Doc = Record<string, unknown>;

export const PAGE_SIZE = 20;
const MAX_AGE_SECONDS = 60;
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_.~-]{0,200}$/;

const SECTIONS = {
  angebote: 'api::offer.offer',
  praxisbeispiele: 'api::practice-example.practice-example',
  'arbeitgeber-tipps': 'api::employer-tip.employer-tip',
} as const satisfies Record<string, UID.ContentType>;
type Section = keyof typeof SECTIONS;

const OFFER_POPULATE = {
  organisation: { fields: ['name', 'website'], populate: { address: true } },
  municipality: { fields: ['name', 'slug'] },
  location: true,
  contact: true,
};
const PRACTICE_POPULATE = {
  municipality: { fields: ['name', 'population', 'populationDensity'] },
  fieldsOfAction: { fields: ['name'] },
  employerTips: { fields: ['title', 'slug'] },
  contact: true,
  links: true,
  quote: true,
};
const TIP_POPULATE = { practiceExamples: { fields: ['title', 'slug'] } };

class BadFilter extends Error {}

const positivePage = (value: unknown): number => {
  if (value === undefined || value === '') return 1;
  const page = Number(value);
  if (!Number.isInteger(page) || page < 1 || page > 10_000) {
    throw new BadFilter('Die Seitenangabe „seite“ muss eine ganze Zahl ab 1 sein.');
  }
  return page;
};

const single = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new BadFilter('Jeder Filter darf nur einmal angegeben sein.');
  return value;
};

export default (config: { publicUrl?: string }, { strapi }: { strapi: Core.Strapi }) => {
  const publicUrl = String(config.publicUrl ?? '').replace(/\/+$/, '');
  const documents = (section: Section) => strapi.documents(SECTIONS[section]);

  const municipalities = async () =>
    (await strapi.documents('api::municipality.municipality').findMany({
      fields: ['name', 'slug'],
      sort: 'name:asc',
    } as never)) as unknown as { slug: string; name: string }[];

  const pageOf = async (section: Section, filters: Doc, page: number, populate: object) => {
    const service = documents(section);
    const [total, items] = await Promise.all([
      service.count({ filters, status: 'published' } as never),
      service.findMany({
        filters,
        status: 'published',
        populate,
        sort: section === 'angebote' ? ['startDate:asc', 'title:asc'] : ['title:asc'],
        limit: PAGE_SIZE,
        start: (page - 1) * PAGE_SIZE,
      } as never),
    ]);
    return {
      items: items as unknown as Doc[],
      pagination: { page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total },
    };
  };

  const offerList = async (query: Record<string, unknown>) => {
    const art = single(query.art) || undefined;
    const kommune = single(query.kommune) || undefined;
    const page = positivePage(single(query.seite));
    if (art && !(art in OFFER_TYPES)) {
      throw new BadFilter(`Die Art des Angebots „art“ kennen wir nicht: ${art}`);
    }
    const all = await municipalities();
    if (kommune && !all.some((municipality) => municipality.slug === kommune)) {
      throw new BadFilter(`Die Kommune „kommune“ kennen wir nicht: ${kommune}`);
    }
    const filters = {
      $and: [
        currentOfferFilter(isoDateIn()),
        ...(art ? [{ offerType: art }] : []),
        ...(kommune ? [{ municipality: { slug: kommune } }] : []),
      ],
    };
    const { items, pagination } = await pageOf('angebote', filters, page, OFFER_POPULATE);
    return renderOfferList({
      offers: items,
      municipalities: all,
      filters: { art, kommune },
      pagination,
    });
  };

  const list = async (section: Section, query: Record<string, unknown>): Promise<string> => {
    if (section === 'angebote') return offerList(query);
    const page = positivePage(single(query.seite));
    if (section === 'praxisbeispiele') {
      return renderPracticeExampleList(
        await pageOf(section, {}, page, { municipality: { fields: ['name'] } })
      );
    }
    return renderEmployerTipList(await pageOf(section, {}, page, {}));
  };

  const item = async (
    section: Section,
    slug: string
  ): Promise<{ status: number; html: string } | null> => {
    const populate =
      section === 'angebote'
        ? OFFER_POPULATE
        : section === 'praxisbeispiele'
          ? PRACTICE_POPULATE
          : TIP_POPULATE;
    const document = (await documents(section).findFirst({
      filters: { slug },
      status: 'published',
      populate,
    } as never)) as unknown as Doc | null;
    if (!document) return null;
    if (section === 'angebote') {
      const page = renderOfferPage({
        offer: document,
        url: `${publicUrl}/angebote/${encodeURIComponent(slug)}`,
        today: isoDateIn(),
      });
      return { status: page.current ? 200 : 410, html: page.html };
    }
    return {
      status: 200,
      html:
        section === 'praxisbeispiele'
          ? renderPracticeExamplePage(document)
          : renderEmployerTipPage(document),
    };
  };

  const send = (ctx: Context, status: number, html: string, cache = true) => {
    ctx.status = status;
    ctx.type = 'text/html; charset=utf-8';
    if (cache) {
      ctx.set('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`);
      ctx.set(
        'ETag',
        `W/"${crypto.createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`
      );
    } else {
      ctx.set('Cache-Control', 'no-store');
    }
    ctx.body = html;
    if (cache && status === 200 && ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
    }
  };

  const notice = (title: string, text: string, link: { href: string; label: string }) =>
    renderPage({
      title,
      robots: 'noindex',
      body: `<div class="card"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${link.href}">${escapeHtml(link.label)}</a></p></div>`,
    });

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const match = /^\/(angebote|praxisbeispiele|arbeitgeber-tipps)(\/([^/]*))?$/.exec(ctx.path);
    if (!match) return next();
    const section = match[1] as Section;

    if (match[2] === undefined) {
      ctx.status = 301;
      ctx.redirect(`${section}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      return;
    }
    const slug = match[3];
    if (slug === '') {
      try {
        send(ctx, 200, await list(section, ctx.query as Record<string, unknown>));
      } catch (error) {
        if (!(error instanceof BadFilter)) throw error;
        send(
          ctx,
          400,
          notice('Ungültige Auswahl', error.message, { href: './', label: 'Alle anzeigen' }),
          false
        );
      }
      return;
    }
    const found = SLUG.test(slug) ? await item(section, slug) : null;
    if (!found) {
      send(
        ctx,
        404,
        notice(
          'Seite nicht gefunden',
          'Diesen Eintrag gibt es nicht (mehr). Vielleicht wurde er umbenannt oder entfernt.',
          { href: './', label: 'Zur Übersicht' }
        ),
        false
      );
      return;
    }
    send(ctx, found.status, found.html);
  };
};
