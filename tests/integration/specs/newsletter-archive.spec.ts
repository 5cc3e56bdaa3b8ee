/**
 * The public archive of sent issues (/newsletter/archiv/ and its Atom feed), the web version's
 * lack of personal data, and the optional welcome mail after a confirmed subscription.
 */
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { checkAtomFeed } from '../../../plugins/newsletter/server/tests/helpers/xml';
import {
  axeViolations,
  hasChromium,
  launchBrowser,
  screenshot,
  serverUrl,
  tabTo,
} from '../../helpers/browser';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import {
  ISSUE,
  createSubscribers,
  retireAllSubscribers,
  waitForStatus,
} from '../../helpers/newsletter';
import { findSubscriber, linkFrom } from './newsletter-subscribe.spec';

const server = () => getStrapi().server.httpServer;
const OUTBOX = 'plugin::newsletter.outbox-mail';
const SECTION_TITLES: Record<string, string> = {
  offers: 'Aktuelle Angebote',
  'practice-examples': 'Praxisbeispiele aus anderen Kommunen',
  'employer-tips': 'Tipps für Arbeitgeber',
};
const READER = { email: 'archiv.leserin@archive.example.org', name: 'Archiv Leserin' };

/** The archive page's list: date, link, subject (as the HTML has them). */
const archiveItems = (html: string) =>
  [
    ...html.matchAll(
      /<li><time datetime="([^"]+)">([^<]+)<\/time><a href="([^"]+)">([^<]*)<\/a><\/li>/g
    ),
  ].map(([, datetime, date, href, subject]) => ({ datetime, date, href, subject }));

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The path a relative link on the archive page resolves to. */
const resolved = (href: string) => {
  const url = new URL(href, 'http://cms.test/newsletter/archiv/');
  return `${url.pathname}${url.search}`;
};

/** Sent issues as the database has them, newest first. */
const sentIssues = async () =>
  (await getStrapi()
    .db.query(ISSUE)
    .findMany({
      where: { status: 'sent' },
      orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    })) as {
    documentId: string;
    subject: string;
    finishedAt: string;
    rendering: { topics: string[] };
  }[];

/** A response whose body is kept as text whatever its type (superagent drops Atom bodies). */
const getText = (path: string) =>
  request(server())
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    })
    .expect(200);

const processOutbox = () =>
  (
    getStrapi().plugin('newsletter').service('outbox') as { processDue(): Promise<number> }
  ).processDue();

const welcomeMailsTo = (email: string) =>
  getMailSink().mails.filter(
    (mail) => mail.to.includes(email) && mail.header('x-newsletter-mail') === 'welcome'
  );

describe('newsletter archive: page, feed, web version, welcome mail', () => {
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const sent: Record<'first' | 'second', { documentId: string; subject: string }> = {} as never;
  let planned: string;

  /** Two items of every section. */
  const someItems = async () => {
    const items: { section: string; documentId: string }[] = [];
    for (const section of Object.keys(SECTION_TITLES)) {
      const { body } = await request(server())
        .get(`/newsletter/issues/candidates?section=${section}`)
        .set(auth())
        .expect(200);
      expect(body.data.length).toBeGreaterThan(0);
      items.push(
        ...body.data.slice(0, 2).map((candidate: { documentId: string }) => ({
          section,
          documentId: candidate.documentId,
        }))
      );
    }
    return items;
  };

  const createIssue = async (subject: string) => {
    const created = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject, items: await someItems() })
      .expect(201);
    return created.body.data.documentId as string;
  };

  /** An issue with items in every section, sent to the test's one reader. */
  const sendIssue = async (subject: string) => {
    const documentId = await createIssue(subject);
    await request(server()).post(`/newsletter/issues/${documentId}/send`).set(auth()).expect(202);
    await waitForStatus(documentId, ['sent']);
    return { documentId, subject };
  };

  beforeAll(async () => {
    admin = await createAdminToken();
    await retireAllSubscribers();
    await createSubscribers([
      { ...READER, topics: ['offers', 'practice-examples', 'employer-tips'] },
    ]);
    sent.first = await sendIssue('Archivtest: die erste Ausgabe');
    sent.second = await sendIssue('Archivtest: Praktika & <Ausbildung> "jetzt"');
    // neither a draft nor a scheduled issue belongs in the archive
    await createIssue('Archivtest: Entwurf');
    planned = await createIssue('Archivtest: geplant');
    await request(server())
      .post(`/newsletter/issues/${planned}/schedule`)
      .set(auth())
      .send({ at: new Date(Date.now() + 30 * 86_400_000).toISOString() })
      .expect(200);
  });

  afterAll(async () => {
    await request(server())
      .post(`/newsletter/issues/${planned}/unschedule`)
      .set(auth())
      .expect(200);
    getStrapi().config.set('plugin::newsletter.welcome.enabled', false);
    await getStrapi()
      .db.query('plugin::newsletter.subscriber')
      .updateMany({
        where: { email: { $endsWith: '@archive.example.org' }, status: 'active' },
        data: { status: 'unsubscribed' },
      });
  });

  it('the page lists sent issues only, newest first, with date and subject, each linking to its web version (200)', async () => {
    const page = await request(server()).get('/newsletter/archiv/').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('public, max-age=300');
    expect(page.text).toContain('<html lang="de">');

    const items = archiveItems(page.text);
    const expected = await sentIssues();
    expect(items.map((item) => unescapeHtml(item.subject))).toEqual(
      expected.map((issue) => issue.subject)
    );
    expect(items.slice(0, 2).map((item) => unescapeHtml(item.subject))).toEqual([
      sent.second.subject,
      sent.first.subject,
    ]);
    expect(page.text).toContain('Archivtest: Praktika &amp; &lt;Ausbildung&gt; &quot;jetzt&quot;');
    expect(page.text).not.toContain('Archivtest: Entwurf');
    expect(page.text).not.toContain('Archivtest: geplant');
    const times = items.map((item) => Date.parse(item.datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const item of items) expect(item.date).toMatch(/^\d{1,2}\. [A-ZÄÖÜ][a-zä]+ \d{4}$/);

    // relative links only (a proxy's path prefix stays), and every one of them answers
    expect(page.text.match(/(?:href|src|action)="\/[^"]*"/g)).toBeNull();
    expect(items[0].href).toBe(`../../api/newsletter/issues/${sent.second.documentId}/web`);
    for (const item of items) {
      const web = await request(server()).get(resolved(item.href)).expect(200);
      expect(web.headers['content-type']).toContain('text/html');
    }
    await request(server()).get(resolved('../')).expect(200);
  });

  it('answers like the other pages: CSP, redirect without the slash, 304 for an unchanged page', async () => {
    const newsletter = await request(server()).get('/newsletter/').expect(200);
    const archive = await request(server()).get('/newsletter/archiv/').expect(200);
    const csp = archive.headers['content-security-policy'];
    expect(csp).toBe(newsletter.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'self' https://www.landkreis.example");

    const bare = await request(server()).get('/newsletter/archiv?quelle=mail').expect(301);
    expect(bare.headers.location).toBe('archiv/?quelle=mail');

    const etag = archive.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    await request(server()).get('/newsletter/archiv/').set('If-None-Match', etag).expect(304);
    await request(server()).head('/newsletter/archiv/feed.atom').expect(200);

    getStrapi().config.set('plugin::newsletter.archive.enabled', false);
    try {
      await request(server()).get('/newsletter/archiv/').expect(404);
      await request(server()).get('/newsletter/archiv/feed.atom').expect(404);
    } finally {
      getStrapi().config.set('plugin::newsletter.archive.enabled', true);
    }
  });

  it('the Atom feed is valid, linked from the page, and lists the same issues with absolute links', async () => {
    const page = await request(server()).get('/newsletter/archiv/').expect(200);
    expect(page.text).toMatch(
      /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="feed\.atom">/
    );
    const response = await getText(resolved('feed.atom'));
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    const xml = response.body as string;
    const { feed, entries } = checkAtomFeed(xml);
    const links = feed.children
      .filter((element) => element.name === 'link')
      .map((element) => element.attributes);
    expect(links).toContainEqual({
      rel: 'self',
      type: 'application/atom+xml',
      href: 'http://cms.test/newsletter/archiv/feed.atom',
    });
    expect(links).toContainEqual({
      rel: 'alternate',
      type: 'text/html',
      href: 'http://cms.test/newsletter/archiv/',
    });

    const expected = await sentIssues();
    expect(entries.map((entry) => entry.title)).toEqual(expected.map((issue) => issue.subject));
    expect(entries[0]).toMatchObject({
      title: sent.second.subject,
      href: `http://cms.test/api/newsletter/issues/${sent.second.documentId}/web`,
    });
    expect(entries[0].id).toMatch(
      new RegExp(
        `^tag:cms\\.test,\\d{4}-\\d{2}-\\d{2}:newsletter/issues/${sent.second.documentId}$`
      )
    );
    expect(xml).toContain('Archivtest: Praktika &amp; &lt;Ausbildung&gt; &quot;jetzt&quot;');
    for (const entry of entries) {
      await request(server()).get(new URL(entry.href).pathname).expect(200);
    }
    // the same document (and so the same ids) on every request
    expect((await getText('/newsletter/archiv/feed.atom')).body).toBe(xml);
  });

  it('the web version shows every section, no salutation and no address or token', async () => {
    const issue = (await sentIssues()).find((row) => row.documentId === sent.second.documentId)!;
    expect(issue.rendering.topics.sort()).toEqual(Object.keys(SECTION_TITLES).sort());
    const web = await request(server())
      .get(`/api/newsletter/issues/${sent.second.documentId}/web`)
      .expect(200);
    for (const title of Object.values(SECTION_TITLES)) expect(web.text).toContain(title);

    // the reader's own mail of the same issue is personal; the web version is not
    const mail = getMailSink().mails.find(
      (m) =>
        m.to.includes(READER.email) && m.header('x-newsletter-issue') === sent.second.documentId
    )!;
    expect(mail.html).toContain(`Guten Tag ${READER.name},`);
    const personalLinks = [
      linkFrom(mail.text, '/api/newsletter/preferences'),
      linkFrom(mail.text, '/api/newsletter/unsubscribe'),
    ];
    expect(web.text).not.toContain('Guten Tag');
    expect(web.text).not.toContain(READER.name);
    expect(web.text).not.toContain(READER.email);
    expect(web.text).not.toMatch(/(preferences|unsubscribe|confirm)\?token=|%%\w+%%/);
    for (const link of personalLinks) {
      expect(web.text).not.toContain(link.searchParams.get('token')!);
    }
  });

  describe('welcome mail', () => {
    const subscribeAndConfirm = async (email: string, confirmations = 1) => {
      await request(server())
        .post('/api/newsletter/subscribe')
        .send({ email, name: 'Willi Kommen', topics: ['offers', 'employer-tips'], consent: true })
        .expect(202);
      const mail = await getMailSink().waitFor(
        (m) => m.to.includes(email) && m.header('x-newsletter-mail') === 'confirmation'
      );
      const token = linkFrom(mail.text, '/api/newsletter/confirm').searchParams.get('token');
      const answers = await Promise.all(
        Array.from({ length: confirmations }, () =>
          request(server()).post('/api/newsletter/confirm').send({ token }).expect(200)
        )
      );
      // a repeated click on the link
      await request(server())
        .post('/api/newsletter/confirm')
        .type('form')
        .send({ token })
        .expect(200);
      await processOutbox();
      return answers;
    };

    const welcomeRows = async (email: string) => {
      const subscriber = await findSubscriber(email);
      return getStrapi()
        .db.query(OUTBOX)
        .findMany({ where: { subscriberDocumentId: subscriber.documentId, kind: 'welcome' } });
    };

    afterEach(() => {
      getStrapi().config.set('plugin::newsletter.welcome.enabled', false);
    });

    it('is off by default: a confirmation sends none', async () => {
      expect(getStrapi().config.get('plugin::newsletter.welcome.enabled')).toBe(false);
      const email = 'ohne.willkommen@archive.example.org';
      await subscribeAndConfirm(email);
      expect((await findSubscriber(email)).status).toBe('active');
      expect(await welcomeRows(email)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(welcomeMailsTo(email)).toEqual([]);
    });

    it('when on: sent once after the confirmation, with the archive, preferences and unsubscribe links and the imprint', async () => {
      getStrapi().config.set('plugin::newsletter.welcome.enabled', true);
      const email = 'willkommen@archive.example.org';
      await subscribeAndConfirm(email);
      const mail = await getMailSink().waitFor(
        (m) => m.to.includes(email) && m.header('x-newsletter-mail') === 'welcome'
      );
      expect(mail.subject).toBe('Willkommen! Ihre Anmeldung ist bestätigt');
      expect(mail.text).toContain('Guten Tag Willi Kommen,');
      expect(mail.text).toContain('Ihre Themen: Angebote, Arbeitgeber-Tipps');
      expect(mail.text).toContain('http://cms.test/newsletter/archiv/');
      expect(mail.html).toContain('href="http://cms.test/newsletter/archiv/"');
      expect(mail.html).toContain('Lindhooper Straße 67');
      expect(mail.text).toContain('Lindhooper Straße 67');
      const preferences = linkFrom(mail.text, '/api/newsletter/preferences');
      const unsubscribe = linkFrom(mail.text, '/api/newsletter/unsubscribe');
      expect(mail.html).toContain(preferences.searchParams.get('token'));
      expect(mail.header('list-unsubscribe')).toBe(`<${unsubscribe.toString()}>`);
      expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      // the links work
      const settings = await request(server())
        .get(`${preferences.pathname}${preferences.search}`)
        .expect(200);
      expect(settings.body.email).toBe(email);
      await request(server()).get(`${unsubscribe.pathname}${unsubscribe.search}`).expect(200);
      await request(server()).get('/newsletter/archiv/').expect(200);

      // once: the repeated confirmation sent nothing more
      await processOutbox();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(welcomeMailsTo(email)).toHaveLength(1);
      const rows = await welcomeRows(email);
      expect(rows).toHaveLength(1);
      expect(rows[0].status).toBe('sent');
    });

    it('when on: two confirmations at the same time queue one welcome mail', async () => {
      getStrapi().config.set('plugin::newsletter.welcome.enabled', true);
      const email = 'doppelklick@archive.example.org';
      await subscribeAndConfirm(email, 2);
      await getMailSink().waitFor(
        (m) => m.to.includes(email) && m.header('x-newsletter-mail') === 'welcome'
      );
      await processOutbox();
      expect(await welcomeRows(email)).toHaveLength(1);
      expect(welcomeMailsTo(email)).toHaveLength(1);
    });

    it('switched off before it went out: cancelled, not sent', async () => {
      getStrapi().config.set('plugin::newsletter.welcome.enabled', true);
      const email = 'zu.spaet@archive.example.org';
      const outbox = getStrapi().plugin('newsletter').service('outbox') as { kick(): void };
      const kick = outbox.kick;
      // hold the outbox back until the mail is switched off again
      outbox.kick = () => undefined;
      try {
        await request(server())
          .post('/api/newsletter/subscribe')
          .send({ email, topics: ['offers'], consent: true })
          .expect(202);
        await processOutbox();
        const mail = await getMailSink().waitFor((m) => m.to.includes(email));
        const token = linkFrom(mail.text, '/api/newsletter/confirm').searchParams.get('token');
        await request(server()).post('/api/newsletter/confirm').send({ token }).expect(200);
        expect(await welcomeRows(email)).toHaveLength(1);
        getStrapi().config.set('plugin::newsletter.welcome.enabled', false);
      } finally {
        outbox.kick = kick;
      }
      await processOutbox();
      const rows = await welcomeRows(email);
      expect(rows.map((row: { status: string }) => row.status)).toEqual(['cancelled']);
      expect(welcomeMailsTo(email)).toEqual([]);
    });
  });

  const describeBrowser = hasChromium ? describe : describe.skip;

  describeBrowser('in Chromium', () => {
    let browser: Browser;
    let page: Page;
    let base: string;

    beforeAll(async () => {
      base = await serverUrl();
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
    });

    beforeEach(async () => {
      page = await browser.newPage({ locale: 'de-DE' });
    });

    afterEach(async () => {
      await page.close();
    });

    it('the archive has no axe violations and every link is reached with the keyboard', async () => {
      // from the newsletter page, as visitors come
      await page.goto(`${base}/newsletter/`);
      await page.click('a:has-text("Newsletter-Archiv")');
      await page.waitForSelector('h1:has-text("Newsletter-Archiv")');
      expect(page.url()).toBe(`${base}/newsletter/archiv/`);
      const violations = await axeViolations(page);
      if (violations.length) console.error(JSON.stringify(violations, null, 2));
      expect(violations).toEqual([]);
      await screenshot(page, 'newsletter-archive');

      const links = await page.$$eval('main a, footer a', (anchors) =>
        anchors.map((a) => (a as HTMLAnchorElement).getAttribute('href'))
      );
      const reached = new Set<string>();
      for (let i = 0; i < 3 * links.length + 5 && reached.size < links.length; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element.tagName !== 'A') return null;
          // the focus must be visible (the pages' :focus-visible outline)
          return {
            href: element.getAttribute('href'),
            outline: getComputedStyle(element).outlineStyle,
          };
        });
        if (focused?.href) {
          expect(focused.outline).not.toBe('none');
          reached.add(focused.href);
        }
      }
      expect([...reached].sort()).toEqual([...links].sort());

      // Enter on an issue opens its web version
      await tabTo(page, `a[href$="/${sent.second.documentId}/web"]`);
      await Promise.all([page.waitForURL(/\/web$/), page.keyboard.press('Enter')]);
      expect(await page.content()).toContain('Tipps für Arbeitgeber');
    });
  });
});
