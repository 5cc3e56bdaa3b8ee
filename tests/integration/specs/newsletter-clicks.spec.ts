import request from 'supertest';
import { createToken } from '../../../plugins/newsletter/server/src/lib/tokens';
import { redirectTarget } from '../../../plugins/newsletter/server/src/lib/click-token';
import { safeUrl } from '@bildungsbuero/strapi-server-kit';
import {
  createAdminToken,
  getMailSink,
  getStrapi,
  TEST_NEWSLETTER_SECRET,
} from '../../helpers/strapi';
import {
  createSubscribers,
  ISSUE,
  retireAllSubscribers,
  SUBSCRIBER,
  waitForStatus,
} from '../../helpers/newsletter';
import type { ReceivedMail } from '../../helpers/mail-sink';

const server = () => getStrapi().server.httpServer;
const clicks = () => getStrapi().plugin('newsletter').service('clicks');
const REDIRECT = /http:\/\/cms\.test\/api\/newsletter\/r\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g;

/** Every counting-redirect link of a text, with the token's claims. */
const redirectsIn = (text: string) =>
  [...text.matchAll(REDIRECT)].map((match) => {
    const [issue, item, url] = JSON.parse(
      Buffer.from(match[1].split('.')[0], 'base64url').toString('utf8')
    ) as [number, string, string];
    return { href: match[0], path: new URL(match[0]).pathname, token: match[1], issue, item, url };
  });

const pathOf = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

const total = async (issueId: number) =>
  ((await clicks().figures(issueId)) as { clicks: number }[]).reduce(
    (sum, entry) => sum + entry.clicks,
    0
  );
const clicksOf = async (issueId: number, itemKey: string) =>
  ((await clicks().figures(issueId)) as { itemKey: string; clicks: number }[]).find(
    (entry) => entry.itemKey === itemKey
  )?.clicks ?? 0;
const unsubscribesOf = async (issueId: number) =>
  Number(
    (
      await getStrapi()
        .db.query(ISSUE)
        .findOne({ where: { id: issueId } })
    ).unsubscribes ?? 0
  );
const subscriberRow = (email: string) =>
  getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });

describe('newsletter click counting and unsubscribes per issue', () => {
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const readers = ['eins', 'zwei', 'drei', 'vier'].map(
    (name) => `leser-${name}@clicks.example.org`
  );
  let issue: { id: number; documentId: string; items: { section: string; documentId: string }[] };
  let mails: ReceivedMail[];
  /** item key → the URL the item links to (what the mail linked before click counting) */
  const targets = new Map<string, string>();

  /**
   * Creates an issue with the items `pick` chooses of every current one (not the proposal, which
   * depends on what earlier specs sent), sends it and returns it with the mails it sent.
   */
  const sendIssue = async (subject: string, pick: (items: typeof issue.items) => unknown[]) => {
    const current = await getStrapi()
      .plugin('newsletter')
      .service('composer')
      .propose({ since: null });
    const created = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject, items: pick(current) })
      .expect(201);
    const draft = created.body.data;
    await request(server())
      .post(`/newsletter/issues/${draft.documentId}/send`)
      .set(auth())
      .expect(202);
    const sent = await waitForStatus(draft.documentId, ['sent']);
    return {
      issue: sent,
      mails: getMailSink().mails.filter(
        (mail) => mail.header('x-newsletter-issue') === draft.documentId
      ),
    };
  };

  // Later specs choose their own audience: this spec's readers leave it.
  afterAll(async () => {
    await getStrapi()
      .db.query(SUBSCRIBER)
      .updateMany({
        where: { email: { $endsWith: '@clicks.example.org' }, status: 'active' },
        data: { status: 'unsubscribed' },
      });
  });

  beforeAll(async () => {
    admin = await createAdminToken();
    await retireAllSubscribers();
    await createSubscribers([
      { email: readers[0], topics: ['offers'] },
      { email: readers[1], topics: ['offers', 'employer-tips'], name: 'Zweite Leserin' },
      { email: readers[2], topics: ['offers'] },
      { email: readers[3], topics: ['employer-tips'] },
    ]);
    const result = await sendIssue('Klickzählung', (items) => [
      ...items.filter((item) => item.section === 'offers').slice(0, 3),
      ...items.filter((item) => item.section === 'employer-tips').slice(0, 2),
    ]);
    issue = result.issue;
    mails = result.mails;
    // the items' own links, as the plugin renders them from the app's content
    const sections = await getStrapi()
      .plugin('newsletter')
      .service('composer')
      .sectionsFor(issue.items);
    for (const section of sections as {
      topic: string;
      items: { id: string; url?: string | null }[];
    }[]) {
      for (const item of section.items) {
        const url = redirectTarget(safeUrl(item.url, 'http://cms.test') ?? '');
        if (url) targets.set(`${section.topic}:${item.id}`, url);
      }
    }
  });

  it('every item link of both parts goes through the redirect, the same for every recipient, with no subscriber identifier', async () => {
    expect(mails).toHaveLength(4);
    expect(targets.size).toBe(5);
    const linkSets = new Map<string, string[]>();
    for (const mail of mails) {
      const html = redirectsIn(mail.html);
      const text = redirectsIn(mail.text);
      // title and "Mehr erfahren" in HTML, "Mehr erfahren" in text
      expect(html.length).toBe(2 * text.length);
      expect(text.length).toBeGreaterThan(0);
      for (const link of [...html, ...text]) {
        expect(link.issue).toBe(issue.id);
        expect(link.url).toBe(targets.get(link.item));
      }
      for (const target of targets.values()) {
        expect(mail.html).not.toContain(`href="${target}"`);
        expect(mail.text).not.toContain(`: ${target}`);
      }
      // preferences and unsubscribe links are never redirected
      expect(mail.text).toMatch(
        /Newsletter abbestellen: http:\/\/cms\.test\/api\/newsletter\/unsubscribe\?token=\S+/
      );
      expect(mail.text).toMatch(/Themen ändern: http:\/\/cms\.test\/api\/newsletter\/preferences/);
      expect(mail.header('list-unsubscribe')).toMatch(
        /^<http:\/\/cms\.test\/api\/newsletter\/unsubscribe\?token=[^>]+>$/
      );

      const subscriber = await subscriberRow(mail.to[0]);
      const manageToken = new URL(
        /Newsletter abbestellen: (\S+)/.exec(mail.text)![1]
      ).searchParams.get('token')!;
      const redirects = [...html, ...text].map((link) => link.href).join(' ');
      for (const needle of [
        subscriber.email,
        encodeURIComponent(subscriber.email),
        subscriber.documentId,
        `.${subscriber.id}@`,
        manageToken,
        manageToken.split('.')[0],
      ]) {
        expect(redirects).not.toContain(needle);
      }
      linkSets.set(mail.to[0], [...new Set(html.map((link) => link.href))].sort());
    }
    // the two offers-only readers got exactly the same links: nothing in them tells them apart
    expect(linkSets.get(readers[0])).toEqual(linkSets.get(readers[2]));
    // and nothing about clicks is stored with a subscriber: the counter table has no such column
    const columns = await getStrapi().db.connection('newsletter_clicks').columnInfo();
    expect(Object.keys(columns).sort()).toEqual(
      expect.not.arrayContaining(['subscriber_id', 'email', 'delivery_id', 'ip'])
    );

    // the web version's item links go through the redirect too
    const web = await request(server())
      .get(`/api/newsletter/issues/${issue.documentId}/web`)
      .expect(200);
    const webLinks = redirectsIn(web.text);
    expect(webLinks.length).toBe(2 * targets.size);
    expect(new Set(webLinks.map((link) => link.item))).toEqual(new Set(targets.keys()));
  });

  it('GET counts once per request and redirects 302 to the exact target; HEAD answers the same without counting', async () => {
    const [first, second] = [
      ...new Map(redirectsIn(mails[1].html).map((link) => [link.item, link])).values(),
    ];
    expect(await clicksOf(issue.id, first.item)).toBe(0);
    for (let i = 1; i <= 3; i += 1) {
      const response = await request(server()).get(first.path).expect(302);
      expect(response.headers.location).toBe(targets.get(first.item));
      expect(response.headers['cache-control']).toBe('no-store');
      expect(await clicksOf(issue.id, first.item)).toBe(i);
    }
    for (let i = 0; i < 2; i += 1) {
      const head = await request(server()).head(first.path).expect(302);
      expect(head.headers.location).toBe(targets.get(first.item));
    }
    expect(await clicksOf(issue.id, first.item)).toBe(3);

    // concurrent first clicks on another item: one atomic upsert each, none lost
    await Promise.all(
      Array.from({ length: 12 }, () => request(server()).get(second.path).expect(302))
    );
    expect(await clicksOf(issue.id, second.item)).toBe(12);

    const figures = await clicks().figures(issue.id);
    expect(figures).toEqual([
      {
        itemKey: second.item,
        section: second.item.split(':')[0],
        documentId: second.item.split(':')[1],
        clicks: 12,
      },
      {
        itemKey: first.item,
        section: first.item.split(':')[0],
        documentId: first.item.split(':')[1],
        clicks: 3,
      },
    ]);
    const rows = await getStrapi().db.connection('newsletter_clicks').where('issue_id', issue.id);
    expect(rows).toHaveLength(2);
  });

  it('a tampered token → 400 with Strapi’s error body, nothing counted; no query parameter changes the target', async () => {
    const link = redirectsIn(mails[0].html)[0];
    const before = await total(issue.id);
    const [payload, signature] = link.token.split('.');
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const other = (issueId: number, item: string, url: string) =>
      `${Buffer.from(JSON.stringify([issueId, item, url])).toString('base64url')}.${signature}`;
    const bad = [
      `${payload}.${flip(signature, 2)}`,
      `${flip(payload, 4)}.${signature}`,
      other(link.issue, link.item, 'https://evil.example/'),
      other(link.issue + 1, link.item, link.url),
      other(link.issue, 'offers:anotherdocumentid0000', link.url),
      `${payload}.`,
      payload,
      'x'.repeat(5000),
      `${payload}%00.${signature}`,
    ];
    for (const token of bad) {
      for (const method of ['get', 'head'] as const) {
        const response = await request(server())[method](`/api/newsletter/r/${token}`).expect(400);
        expect(response.headers.location).toBeUndefined();
        if (method === 'get') {
          expect(response.body).toMatchObject({
            data: null,
            error: {
              status: 400,
              name: 'ValidationError',
              details: { errors: [{ path: ['token'] }] },
            },
          });
        }
      }
    }
    expect(await total(issue.id)).toBe(before);

    // the target comes from the token only
    const response = await request(server())
      .get(`${link.path}?url=https%3A%2F%2Fevil.example%2F&to=https://evil.example/`)
      .expect(302);
    expect(response.headers.location).toBe(link.url);
    expect(await total(issue.id)).toBe(before + 1);
  });

  it('unsubscribing through the mail’s links counts once for the issue (page form and one-click)', async () => {
    const mailTo = (email: string) => mails.find((mail) => mail.to.includes(email))!;
    expect(await unsubscribesOf(issue.id)).toBe(0);

    // reader 1: the link in the text part, then the button on the page
    const link = /Newsletter abbestellen: (\S+)/.exec(mailTo(readers[0]).text)![1];
    const page = await request(server()).get(pathOf(link)).set('Accept', 'text/html').expect(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(page.text)![1].replace(/&amp;/g, '&');
    const post = () =>
      request(server())
        .post(action)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set('Accept', 'text/html')
        .send('');
    await post().expect(200);
    expect((await subscriberRow(readers[0])).status).toBe('unsubscribed');
    expect(await unsubscribesOf(issue.id)).toBe(1);
    await post().expect(200);
    expect(await unsubscribesOf(issue.id)).toBe(1);

    // reader 2: RFC 8058 one-click from the header, sent twice at once (as mail programs may)
    const header = mailTo(readers[1]).header('list-unsubscribe')!.slice(1, -1);
    const oneClick = () =>
      request(server())
        .post(pathOf(header))
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click');
    const answers = await Promise.all([oneClick(), oneClick()]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await unsubscribesOf(issue.id)).toBe(2);
    await oneClick().expect(200);
    expect(await unsubscribesOf(issue.id)).toBe(2);

    // reader 3: through the preferences page's link (no issue): counted nowhere
    const subscriber = await subscriberRow(readers[2]);
    const preferences = await request(server())
      .get(
        pathOf(
          getStrapi().plugin('newsletter').service('tokens').manageUrls(subscriber).preferencesUrl
        )
      )
      .set('Accept', 'text/html')
      .expect(200);
    const unsubscribeLink = /href="([^"]*\/unsubscribe\?token=[^"]+)"/
      .exec(preferences.text)![1]
      .replace(/&amp;/g, '&');
    await request(server())
      .post(pathOf(unsubscribeLink))
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect((await subscriberRow(readers[2])).status).toBe('unsubscribed');
    expect(await unsubscribesOf(issue.id)).toBe(2);
  });

  it('a forged issue claim is refused, an issue parameter is ignored', async () => {
    const email = 'faelscher@clicks.example.org';
    await createSubscribers([{ email, topics: ['offers'] }]);
    const subscriber = await subscriberRow(email);
    const manage = (issueId?: number, secret = TEST_NEWSLETTER_SECRET) =>
      createToken(
        { purpose: 'manage', subscriberId: subscriber.documentId, email, issueId },
        secret
      );
    const [payload, signature] = manage().split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...claims, n: issue.id })).toString('base64url')}.${signature}`;
    const unsubscribe = (query: string) =>
      request(server())
        .post(`/api/newsletter/unsubscribe?${query}`)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click');
    for (const token of [forged, manage(issue.id, `${TEST_NEWSLETTER_SECRET}x`)]) {
      const refused = await unsubscribe(`token=${encodeURIComponent(token)}`).expect(400);
      expect(refused.body.error.name).toBe('ValidationError');
    }
    expect((await subscriberRow(email)).status).toBe('active');
    expect(await unsubscribesOf(issue.id)).toBe(2);

    await unsubscribe(
      `token=${encodeURIComponent(manage())}&issue=${issue.id}&n=${issue.id}`
    ).expect(200);
    expect((await subscriberRow(email)).status).toBe('unsubscribed');
    expect(await unsubscribesOf(issue.id)).toBe(2);
  });

  it('with clickTracking off, item links go straight to their targets and nothing is counted', async () => {
    const strapi = getStrapi();
    const link = redirectsIn(mails[0].html)[0];
    strapi.config.set('plugin::newsletter.clickTracking.enabled', false);
    try {
      await createSubscribers([{ email: 'direkt@clicks.example.org', topics: ['offers'] }]);
      // the first issue's offers (nothing new was published since it went out)
      const { issue: direct, mails: directMails } = await sendIssue('Ohne Klickzählung', () =>
        issue.items.filter((item) => item.section === 'offers').slice(0, 2)
      );
      expect(directMails).toHaveLength(1);
      const [mail] = directMails;
      expect(redirectsIn(mail.html)).toEqual([]);
      expect(redirectsIn(mail.text)).toEqual([]);
      const sections = await strapi
        .plugin('newsletter')
        .service('composer')
        .sectionsFor(direct.items);
      const urls = (sections as { items: { url: string }[] }[]).flatMap((section) =>
        section.items.map((item) => safeUrl(item.url, 'http://cms.test')!)
      );
      expect(urls).toHaveLength(2);
      for (const url of urls) {
        expect(mail.html).toContain(`href="${url}"`);
        expect(mail.text).toContain(`Mehr erfahren: ${url}`);
      }

      // links in mails sent before still redirect, uncounted
      const before = await total(issue.id);
      const response = await request(server()).get(link.path).expect(302);
      expect(response.headers.location).toBe(link.url);
      expect(await total(issue.id)).toBe(before);
    } finally {
      strapi.config.set('plugin::newsletter.clickTracking.enabled', true);
    }
  });
});
