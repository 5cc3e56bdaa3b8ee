/**
 * The public pages of offers, practice examples and employer tips (src/middlewares/
 * content-pages.ts): status codes, filters, structured data, expired offers, drafts, caching,
 * and that every link of a sent newsletter and of a PDF report resolves on this server when
 * SITE_URL is unset. The browser part checks them with axe and the keyboard.
 */
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { isoDateIn, addDays } from '../../../src/lib/dates';
import seedData from '../../../src/seed/data';
import { JOB_POSTING_TYPES } from '../../../src/site/json-ld';
import { activeQuestions, weakAnswers } from '../../helpers/employer-check';
import { binaryBody } from '../../helpers/http';
import {
  axeViolations,
  hasChromium,
  launchBrowser,
  screenshot,
  serverUrl,
} from '../../helpers/browser';
import {
  createSubscribers,
  retireAllSubscribers,
  SUBSCRIBER,
  waitForStatus,
} from '../../helpers/newsletter';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const OFFER = 'api::offer.offer';
const PUBLIC_ORIGIN = 'http://cms.test';

type Json = Record<string, unknown>;

/** The JSON-LD blocks of a page. */
const jsonLdOf = (html: string): Json[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1]) as Json
  );

const today = () => isoDateIn();

/** Google's required job-posting properties, and the ones the office promises on top. */
const expectValidJobPosting = (ld: Json) => {
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld['@type']).toBe('JobPosting');
  for (const key of [
    'title',
    'description',
    'datePosted',
    'hiringOrganization',
    'jobLocation',
    'employmentType',
  ]) {
    expect(ld[key]).toBeTruthy();
  }
  expect(ld.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const organisation = ld.hiringOrganization as Json;
  expect(organisation['@type']).toBe('Organization');
  expect(organisation.name).toEqual(expect.any(String));
  const address = (ld.jobLocation as Json).address as Json;
  expect(address['@type']).toBe('PostalAddress');
  expect(address.postalCode).toMatch(/^\d{5}$/);
  expect(address.addressCountry).toBe('DE');
  expect(address.addressLocality).toEqual(expect.any(String));
  for (const type of ld.employmentType as string[]) {
    expect([
      'FULL_TIME',
      'PART_TIME',
      'CONTRACTOR',
      'TEMPORARY',
      'INTERN',
      'VOLUNTEER',
      'PER_DIEM',
      'OTHER',
    ]).toContain(type);
  }
};

describe('public pages of offers, practice examples and employer tips', () => {
  const created: string[] = [];
  let expiredSlug: string;
  let eventSlug: string;
  let draftSlug: string;

  beforeAll(async () => {
    const offers = getStrapi().documents(OFFER);
    const organisation = await getStrapi()
      .documents('api::organisation.organisation')
      .findFirst({ filters: { slug: 'tischlerei-brandt' } } as never);
    const make = async (data: Json, status: 'published' | 'draft' = 'published') => {
      const document = await offers.create({
        data: { organisation: organisation?.documentId, ...data },
        ...(status === 'published' ? { status } : {}),
      } as never);
      created.push(document.documentId);
      return document;
    };
    expiredSlug = 'abgelaufenes-praktikum-seiten';
    await make({
      title: 'Abgelaufenes Praktikum',
      slug: expiredSlug,
      offerType: 'praktikum',
      summary: 'War einmal aktuell.',
      validUntil: addDays(today(), -1),
      location: { street: 'Am Sandberg 14', postalCode: '28832', city: 'Achim' },
    });
    eventSlug = 'ausbildungsmesse-seiten';
    await make({
      title: 'Ausbildungsmesse im Rathaus',
      slug: eventSlug,
      offerType: 'veranstaltung',
      summary: 'Betriebe stellen sich vor.',
      startDate: addDays(today(), 20),
      endDate: addDays(today(), 21),
      location: { street: 'Große Straße 1', postalCode: '27283', city: 'Verden (Aller)' },
    });
    draftSlug = 'entwurf-seiten';
    await make({ title: 'Nur ein Entwurf', slug: draftSlug, offerType: 'praktikum' }, 'draft');
  });

  afterAll(async () => {
    for (const documentId of created) {
      await getStrapi()
        .documents(OFFER)
        .delete({ documentId } as never);
    }
  });

  it('the offer list shows current offers only, filtered by type and municipality', async () => {
    const all = await request(server()).get('/angebote/').expect(200);
    expect(all.headers['content-type']).toMatch(/text\/html/);
    expect(all.text).toContain('<html lang="de">');
    expect(all.text).toContain('Ausbildungsmesse im Rathaus');
    expect(all.text).not.toContain('Abgelaufenes Praktikum');
    expect(all.text).not.toContain('Nur ein Entwurf');

    const events = await request(server()).get('/angebote/?art=veranstaltung').expect(200);
    expect(events.text).toContain('Ausbildungsmesse im Rathaus');
    const apprenticeships = await request(server())
      .get('/angebote/?art=ausbildungsplatz')
      .expect(200);
    expect(apprenticeships.text).not.toContain('Ausbildungsmesse im Rathaus');
    expect(apprenticeships.text).toContain('Tischler');

    const achim = await request(server()).get('/angebote/?kommune=stadt-achim').expect(200);
    expect(achim.text).toContain('Tischler');
    expect(achim.text).not.toContain('Elektroniker');
    expect(achim.text).toContain('<option value="stadt-achim" selected>');
  });

  it('refuses unknown filter values with 400 naming the filter', async () => {
    const art = await request(server()).get('/angebote/?art=zauberei').expect(400);
    expect(art.text).toContain('„art“');
    const kommune = await request(server()).get('/angebote/?kommune=atlantis').expect(400);
    expect(kommune.text).toContain('„kommune“');
    const page = await request(server()).get('/angebote/?seite=0').expect(400);
    expect(page.text).toContain('„seite“');
    await request(server()).get('/angebote/?art=a&art=b').expect(400);
  });

  it.each([
    ['/angebote/?art[$ne]=x', 400],
    ['/angebote/?kommune[$or][0]=x', 400],
    ['/angebote/?kommune=%00', 400],
    ['/angebote/?seite=1e400', 400],
    ['/angebote/?seite=99999999999', 400],
    ['/angebote/?art=%E2%80%AE', 400],
    ['/praxisbeispiele/?seite=abc', 400],
    ['/angebote/%00', 404],
    ['/angebote/..%2F..%2Fpackage.json', 404],
    ['/arbeitgeber-tipps/a%20b', 404],
    ['/angebote/?unbekannt=1&art=', 200],
  ])('hostile address %s answers %i, never 500', async (url, status) => {
    const response = await request(server()).get(url);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });

  it('an apprenticeship page carries a valid JobPosting', async () => {
    const response = await request(server()).get('/angebote/ausbildung-tischler-achim').expect(200);
    expect(response.text).toContain('Tischler');
    const [ld] = jsonLdOf(response.text);
    expectValidJobPosting(ld);
    expect(ld.url).toBe(`${PUBLIC_ORIGIN}/angebote/ausbildung-tischler-achim`);
    expect(((ld.jobLocation as Json).address as Json).postalCode).toBe('28832');
  });

  it('every current job offer of the demo content has a valid JobPosting, every event an Event', async () => {
    const offers = (await getStrapi()
      .documents(OFFER)
      .findMany({
        status: 'published',
        fields: ['slug', 'offerType', 'validUntil', 'startDate', 'endDate'],
      } as never)) as unknown as Json[];
    let jobs = 0;
    let events = 0;
    // the demo content's offers (other specs add offers without provider or address)
    const seeded = new Set(seedData.offers.map((offer) => offer.slug));
    for (const offer of offers) {
      if (!seeded.has(String(offer.slug))) continue;
      const response = await request(server()).get(`/angebote/${offer.slug}`);
      if (response.status === 410) continue;
      expect(response.status).toBe(200);
      const ld = jsonLdOf(response.text);
      if (String(offer.offerType) in JOB_POSTING_TYPES) {
        expect(ld).toHaveLength(1);
        expectValidJobPosting(ld[0]);
        jobs += 1;
      } else if (offer.offerType === 'veranstaltung') {
        expect(ld).toHaveLength(1);
        expect(ld[0]['@type']).toBe('Event');
        expect(ld[0].startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(ld[0].endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(((ld[0].location as Json).address as Json).postalCode).toMatch(/^\d{5}$/);
        events += 1;
      } else {
        expect(ld).toHaveLength(0);
      }
    }
    expect(jobs).toBeGreaterThanOrEqual(4);
    expect(events).toBeGreaterThanOrEqual(2);
  });

  it('an event page carries an Event with dates and place', async () => {
    const response = await request(server()).get(`/angebote/${eventSlug}`).expect(200);
    const [ld] = jsonLdOf(response.text);
    expect(ld).toMatchObject({
      '@type': 'Event',
      name: 'Ausbildungsmesse im Rathaus',
      startDate: addDays(today(), 20),
      endDate: addDays(today(), 21),
      location: { '@type': 'Place', address: { postalCode: '27283' } },
    });
  });

  it('an expired offer answers 410 "nicht mehr aktuell" without structured data', async () => {
    const response = await request(server()).get(`/angebote/${expiredSlug}`).expect(410);
    expect(response.text).toContain('nicht mehr aktuell');
    expect(response.text).toContain('<meta name="robots" content="noindex" />');
    expect(jsonLdOf(response.text)).toHaveLength(0);
  });

  it('drafts and unknown slugs are 404; folders without slash are redirected', async () => {
    await request(server()).get(`/angebote/${draftSlug}`).expect(404);
    await request(server()).get(`/angebote/${draftSlug}?status=draft`).expect(404);
    await request(server()).get('/angebote/gibt-es-nicht').expect(404);
    await request(server()).get('/praxisbeispiele/%3Cscript%3E').expect(404);
    const redirect = await request(server()).get('/angebote?art=praktikum').expect(301);
    expect(redirect.headers.location).toBe('angebote/?art=praktikum');
  });

  it('practice examples and employer tips have list and item pages that link each other', async () => {
    const examples = await request(server()).get('/praxisbeispiele/').expect(200);
    const exampleLink = /href="\.\/([^"]+)"/.exec(examples.text)?.[1];
    expect(exampleLink).toBeTruthy();
    const tips = await request(server()).get('/arbeitgeber-tipps/').expect(200);
    const tipLink = /href="\.\/([^"]+)"/.exec(tips.text)?.[1];
    expect(tipLink).toBeTruthy();
    await request(server()).get(`/arbeitgeber-tipps/${tipLink}`).expect(200);
    // a practice example linked to tips links to their pages
    const linked = (await getStrapi()
      .documents('api::practice-example.practice-example')
      .findMany({
        status: 'published',
        populate: { employerTips: { fields: ['slug'] } },
      } as never)) as unknown as Json[];
    const example = linked.find((entry) => (entry.employerTips as Json[]).length > 0);
    if (example) {
      const page = await request(server()).get(`/praxisbeispiele/${example.slug}`).expect(200);
      const slug = (example.employerTips as Json[])[0].slug;
      expect(page.text).toContain(`href="../arbeitgeber-tipps/${slug}"`);
    }
  });

  it('sends an ETag and answers 304 to If-None-Match', async () => {
    const first = await request(server()).get('/arbeitgeber-tipps/').expect(200);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('public');
    await request(server())
      .get('/arbeitgeber-tipps/')
      .set('If-None-Match', first.headers.etag)
      .expect(304);
  });
});

/** A path on this server for a link of a mail or PDF (PUBLIC_URL is http://cms.test in tests). */
const localPath = (href: string) => {
  const url = new URL(href);
  expect(url.origin).toBe(PUBLIC_ORIGIN);
  return `${url.pathname}${url.search}`;
};

/** Follows redirects on this server; returns the final status. */
const resolve = async (href: string, hops = 5): Promise<{ status: number; path: string }> => {
  const path = localPath(href);
  const response = await request(server()).get(path);
  if ([301, 302, 303, 307, 308].includes(response.status) && hops > 0) {
    return resolve(
      new URL(response.headers.location, `${PUBLIC_ORIGIN}${path}`).toString(),
      hops - 1
    );
  }
  return { status: response.status, path };
};

describe('links of mails and reports lead to pages of this server (SITE_URL unset)', () => {
  it('every link of a sent newsletter resolves with 200', async () => {
    const admin = await createAdminToken();
    const auth = { Authorization: `Bearer ${admin}` };
    await retireAllSubscribers();
    await createSubscribers([
      {
        email: 'leserin@links.example.org',
        topics: ['offers', 'practice-examples', 'employer-tips'],
      },
    ]);
    const items = await getStrapi()
      .plugin('newsletter')
      .service('composer')
      .propose({ since: null });
    const sections = new Set((items as { section: string }[]).map((item) => item.section));
    expect(sections).toEqual(new Set(['offers', 'practice-examples', 'employer-tips']));
    const draft = await request(server())
      .post('/newsletter/issues')
      .set(auth)
      .send({ subject: 'Alle Links', items })
      .expect(201);
    await request(server())
      .post(`/newsletter/issues/${draft.body.data.documentId}/send`)
      .set(auth)
      .expect(202);
    await waitForStatus(draft.body.data.documentId, ['sent']);
    const mail = getMailSink().mails.find(
      (entry) => entry.header('x-newsletter-issue') === draft.body.data.documentId
    );
    expect(mail).toBeTruthy();
    const links = [
      ...new Set(
        [...(mail?.html ?? '').matchAll(/href="([^"]+)"/g)]
          .map((match) => match[1].replace(/&amp;/g, '&'))
          .filter((href) => !href.startsWith('mailto:'))
      ),
    ];
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) {
      const result = await resolve(link);
      expect({ link, status: result.status }).toEqual({ link, status: 200 });
    }
    expect(links.some((link) => link.includes('/api/newsletter/r/'))).toBe(true);
    await getStrapi()
      .db.query(SUBSCRIBER)
      .updateMany({
        where: { email: 'leserin@links.example.org' },
        data: { status: 'unsubscribed' },
      });
  });

  it('every link of a PDF report resolves with 200', async () => {
    const questions = await activeQuestions();
    const created = await request(server())
      .post('/api/employer-check/submissions')
      .send({
        profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
        answers: weakAnswers(questions, ['ausbildung', 'fuehrung']),
        complete: true,
        consentStatistics: false,
      })
      .expect(201);
    const response = await request(server())
      .get(`/api/employer-check/submissions/${created.body.token}/report.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const pdf = (response.body as Buffer).toString('latin1');
    const links = [
      ...new Set(
        [...pdf.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((match) => match[1].replace(/\\(.)/g, '$1'))
      ),
    ];
    expect(links.some((link) => link.includes('/arbeitgeber-tipps/'))).toBe(true);
    for (const link of links) {
      const result = await resolve(link);
      expect({ link, status: result.status }).toEqual({ link, status: 200 });
    }
  });
});

const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('content pages in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    await serverUrl();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('list and item pages have no axe violations and work with the keyboard', async () => {
    const base = await serverUrl();
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { width: 1200, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const tips = await getStrapi()
      .documents('api::employer-tip.employer-tip')
      .findFirst({ status: 'published' } as never);
    const example = await getStrapi()
      .documents('api::practice-example.practice-example')
      .findFirst({ status: 'published' } as never);
    const pages: [string, string][] = [
      ['/angebote/', 'angebote'],
      ['/angebote/ausbildung-tischler-achim', 'angebot'],
      ['/praxisbeispiele/', 'praxisbeispiele'],
      [`/praxisbeispiele/${(example as unknown as Json).slug}`, 'praxisbeispiel'],
      ['/arbeitgeber-tipps/', 'arbeitgeber-tipps'],
      [`/arbeitgeber-tipps/${(tips as unknown as Json).slug}`, 'arbeitgeber-tipp'],
    ];
    for (const [path, name] of pages) {
      await page.goto(`${base}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `seite-${name}`);
    }

    // keyboard: skip link first, then the filter form by keys only
    await page.goto(`${base}/angebote/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Zum Inhalt springen'
    );
    await page.focus('#art');
    await page.selectOption('#art', 'ausbildungsplatz');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filtern');
    await Promise.all([page.waitForURL(/art=ausbildungsplatz/), page.keyboard.press('Enter')]);
    expect(await page.locator('h2 a').count()).toBeGreaterThan(0);
    expect(await page.locator('.item .eyebrow').allTextContents()).toEqual(
      expect.arrayContaining(['Ausbildungsplatz'])
    );
    expect(new Set(await page.locator('.item .eyebrow').allTextContents())).toEqual(
      new Set(['Ausbildungsplatz'])
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
