import config from '../src/config';
import { atomDate, escapeXml, renderAtomFeed, tagUri, type AtomFeed } from '../src/lib/atom';
import { renderArchivePage } from '../src/pages/archive';
import { renderWelcome } from '../src/mail/welcome';
import { ATOM_NS, checkAtomFeed, child, childrenNamed, parseXml } from './helpers/xml';

const feed = (overrides: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'https://www.landkreis.example/bildung/newsletter/archiv/feed.atom',
  title: 'Newsletter-Archiv',
  subtitle: 'Die Ausgaben des Newsletters „Test“',
  updated: new Date('2026-03-12T07:30:15.123Z'),
  selfUrl: 'https://www.landkreis.example/bildung/newsletter/archiv/feed.atom',
  alternateUrl: 'https://www.landkreis.example/bildung/newsletter/archiv/',
  author: { name: 'Kreis & Co', uri: 'https://www.landkreis.example/impressum/' },
  language: 'de',
  entries: [
    {
      id: tagUri(
        'www.landkreis.example',
        new Date('2026-03-12T07:30:15Z'),
        'bildung/newsletter/issues/abc123'
      ),
      title: 'März: Praktika & <Ausbildung> "jetzt"',
      updated: new Date('2026-03-12T07:30:15Z'),
      published: new Date('2026-03-12T07:30:15Z'),
      url: 'https://www.landkreis.example/bildung/api/newsletter/issues/abc123/web?a=1&b=2',
      summary: 'Neue Plätze <b>für</b> Sie',
    },
    {
      id: tagUri(
        'www.landkreis.example',
        new Date('2026-02-03T08:00:00Z'),
        'bildung/newsletter/issues/def456'
      ),
      title: 'Februar',
      updated: new Date('2026-02-03T08:00:00Z'),
      url: 'https://www.landkreis.example/bildung/api/newsletter/issues/def456/web',
    },
  ],
  ...overrides,
});

describe('Atom feed of the archive', () => {
  it('is well-formed Atom 1.0 with the feed and entry elements readers need', () => {
    const xml = renderAtomFeed(feed());
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')).toBe(true);
    const { feed: root, entries } = checkAtomFeed(xml);
    expect(root.uri).toBe(ATOM_NS);
    expect(root.attributes['xml:lang']).toBe('de');
    expect(child(root, 'id').text).toBe(feed().id);
    expect(child(root, 'title').text).toBe('Newsletter-Archiv');
    expect(child(root, 'updated').text).toBe('2026-03-12T07:30:15Z');
    const links = childrenNamed(root, 'link').map((link) => link.attributes);
    expect(links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: feed().selfUrl },
      { rel: 'alternate', type: 'text/html', href: feed().alternateUrl },
    ]);
    expect(child(child(root, 'author'), 'name').text).toBe('Kreis & Co');
    expect(entries).toEqual([
      {
        id: 'tag:www.landkreis.example,2026-03-12:bildung/newsletter/issues/abc123',
        title: 'März: Praktika & <Ausbildung> "jetzt"',
        updated: '2026-03-12T07:30:15Z',
        href: 'https://www.landkreis.example/bildung/api/newsletter/issues/abc123/web?a=1&b=2',
      },
      {
        id: 'tag:www.landkreis.example,2026-02-03:bildung/newsletter/issues/def456',
        title: 'Februar',
        updated: '2026-02-03T08:00:00Z',
        href: 'https://www.landkreis.example/bildung/api/newsletter/issues/def456/web',
      },
    ]);
    const first = childrenNamed(root, 'entry')[0];
    expect(child(first, 'published').text).toBe('2026-03-12T07:30:15Z');
    expect(child(first, 'summary').text).toBe('Neue Plätze <b>für</b> Sie');
    expect(childrenNamed(childrenNamed(root, 'entry')[1], 'summary')).toEqual([]);
  });

  it('escapes subjects with < & > and quotes, and drops characters XML cannot carry', () => {
    const xml = renderAtomFeed(
      feed({
        title: 'Archiv <&> \'"',
        entries: [
          {
            ...feed().entries[0],
            title: 'A <script>alert(1)</script> & B\u0000\u0007\u001b C \ud800 D 😀',
          },
        ],
      })
    );
    expect(xml).toContain('<title type="text">Archiv &lt;&amp;&gt; &apos;&quot;</title>');
    expect(xml).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; B C  D 😀');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain(
      'href="https://www.landkreis.example/bildung/api/newsletter/issues/abc123/web?a=1&amp;b=2"'
    );
    const { entries } = checkAtomFeed(xml);
    expect(entries[0].title).toBe('A <script>alert(1)</script> & B C  D 😀');
  });

  it('is valid without entries', () => {
    const { entries } = checkAtomFeed(renderAtomFeed(feed({ entries: [] })));
    expect(entries).toEqual([]);
  });

  it('the check itself refuses what is not well-formed or misses required elements', () => {
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow();
    const withoutSelf = renderAtomFeed(feed()).replace(/<link rel="self"[^>]*\/>/, '');
    expect(() => checkAtomFeed(withoutSelf)).toThrow(/rel="self"/);
    const withoutId = renderAtomFeed(feed()).replace(/<id>tag:[^<]*<\/id>/, '');
    expect(() => checkAtomFeed(withoutId)).toThrow(/<entry> has 0 <id>/);
  });

  it('tag URIs and dates are stable', () => {
    expect(tagUri('WWW.Landkreis.Example', new Date('2026-12-31T23:30:00Z'), 'x y/issues/1')).toBe(
      'tag:www.landkreis.example,2026-12-31:x%20y/issues/1'
    );
    expect(atomDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05Z');
    expect(escapeXml(null)).toBe('');
  });
});

describe('archive page', () => {
  const options = {
    title: 'Newsletter-Archiv',
    newsletterName: 'Newsletter <Test>',
    entries: [
      {
        subject: 'Dezember <img src=x onerror=alert(1)> & mehr',
        sentAt: new Date('2026-12-01T07:00:00Z'),
        href: '../../api/newsletter/issues/abc/web',
      },
      {
        subject: 'November',
        sentAt: new Date('2026-11-30T23:30:00Z'),
        href: '../../api/newsletter/issues/def/web',
      },
    ],
    feedHref: 'feed.atom',
    subscribeHref: '../',
    imprintUrl: 'https://example.org/impressum',
    privacyUrl: 'https://example.org/datenschutz',
    timeZone: 'Europe/Berlin',
  };

  it('lists the issues in the given order with German dates, escaped subjects and relative links', () => {
    const html = renderArchivePage(options);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Newsletter-Archiv</h1>');
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Newsletter-Archiv (Atom-Feed)" href="feed.atom">'
    );
    expect(html).toContain('des Newsletters „Newsletter &lt;Test&gt;“');
    expect(html).toContain(
      '<li><time datetime="2026-12-01T07:00:00.000Z">1. Dezember 2026</time><a href="../../api/newsletter/issues/abc/web">Dezember &lt;img src=x onerror=alert(1)&gt; &amp; mehr</a></li>'
    );
    // 23:30 UTC on 30 November is 1 December in Berlin
    expect(html).toContain('<time datetime="2026-11-30T23:30:00.000Z">1. Dezember 2026</time>');
    expect(html.indexOf('abc/web')).toBeLessThan(html.indexOf('def/web'));
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="../">Newsletter abonnieren</a>');
    expect(html).toContain('<a href="https://example.org/impressum">Impressum</a>');
    expect(html).not.toMatch(/(?:href|src|action)="\/[^"]*"/);
    expect(html).not.toContain('noindex');
  });

  it('says so when nothing was sent yet', () => {
    const html = renderArchivePage({ ...options, entries: [], imprintUrl: null, privacyUrl: null });
    expect(html).toContain('Bisher ist noch keine Ausgabe erschienen.');
    expect(html).not.toContain('<ul class="issues">');
    expect(html).not.toContain('<footer>');
  });
});

describe('welcome mail', () => {
  const settings = {
    ...config.default,
    newsletterName: 'Newsletter <Test>',
    imprint: {
      organisation: 'Kreis & Co',
      lines: ['Straße 1', '12345 Ort'],
      url: 'https://example.org/impressum',
    },
    privacyUrl: 'https://example.org/datenschutz',
    welcome: { ...config.default.welcome, enabled: true },
  };
  const values = {
    name: '<b>Erika</b>',
    topics: ['offers', 'employer-tips'],
    archiveUrl: 'https://cms.example/bildung/newsletter/archiv/',
    preferencesUrl: 'https://cms.example/api/newsletter/preferences?token=a.b&x=1',
    unsubscribeUrl: 'https://cms.example/api/newsletter/unsubscribe?token=a.b&x=1',
  };

  it('has the text, the topics, the archive, preferences and unsubscribe links and the imprint, in HTML and text', async () => {
    const mail = await renderWelcome(settings, values);
    expect(mail.subject).toBe(config.default.welcome.subject);
    expect(mail.html).toContain('Guten Tag &lt;b&gt;Erika&lt;/b&gt;,');
    expect(mail.html).toContain('schön, dass Sie dabei sind!');
    expect(mail.html).toContain('Angebote, Arbeitgeber-Tipps');
    expect(mail.html).toContain('href="https://cms.example/bildung/newsletter/archiv/"');
    expect(mail.html).toContain(
      'href="https://cms.example/api/newsletter/preferences?token=a.b&amp;x=1"'
    );
    expect(mail.html).toContain(
      'href="https://cms.example/api/newsletter/unsubscribe?token=a.b&amp;x=1"'
    );
    expect(mail.html).toContain('Kreis &amp; Co');
    expect(mail.html).not.toMatch(/%%\w+%%/);
    expect(mail.text).toContain('Guten Tag <b>Erika</b>,');
    expect(mail.text).toContain('Ihre Themen: Angebote, Arbeitgeber-Tipps');
    expect(mail.text).toContain('https://cms.example/bildung/newsletter/archiv/');
    expect(mail.text).toContain(
      'Themen ändern: https://cms.example/api/newsletter/preferences?token=a.b&x=1'
    );
    expect(mail.text).toContain(
      'Newsletter abbestellen: https://cms.example/api/newsletter/unsubscribe?token=a.b&x=1'
    );
    expect(mail.text).toContain('Kreis & Co\nStraße 1\n12345 Ort');
    expect(mail.text).toContain('Datenschutz: https://example.org/datenschutz');
    expect(mail.text).not.toMatch(/<(a|p|div|table|mj-)[\s>]/i);
  });

  it('leaves the archive out when it is switched off, and escapes a configured text', async () => {
    const mail = await renderWelcome(
      {
        ...settings,
        welcome: { ...settings.welcome, text: 'Erster <Absatz>\nZeile 2\n\nZweiter & letzter' },
      },
      { ...values, archiveUrl: null }
    );
    expect(mail.html).not.toContain('Archiv');
    expect(mail.text).not.toContain('Archiv');
    expect(mail.html).toContain('Erster &lt;Absatz&gt;<br />Zeile 2');
    expect(mail.html).toContain('Zweiter &amp; letzter');
    expect(mail.text).toContain('Erster <Absatz>\nZeile 2\n\nZweiter & letzter');
  });
});
