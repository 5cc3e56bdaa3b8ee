/**
 * Scenario: behind the county's reverse proxy. A real nginx (docs/nginx-site.conf) publishes the
 * CMS below the path prefix /bildung; Strapi runs with TRUST_PROXY_HOPS=1 and
 * PUBLIC_URL=https://www.landkreis.example/bildung. Visitors come from different loopback
 * addresses (127.0.0.2, .3, …), and some send a forged X-Forwarded-For.
 *
 * Invariants: consent and confirmation proof record the visitor's address, never the proxy's or a
 * forged one; per-IP rate limits count per visitor, not for the whole county; every link in the
 * mails carries the public URL with its prefix and works through the proxy (confirm form,
 * preferences, unsubscribe, web version); the pages and their assets resolve below the prefix;
 * the PDF report's links carry the prefix.
 */
const http = require('http');
const { simpleParser } = require('mailparser');
const { createChecks } = require('../lib/checks');
const { nginxMissing, startNginx } = require('../lib/nginx');
const { operator, request } = require('../lib/servers');

const PUBLIC_URL = 'https://www.landkreis.example/bildung';
const FORGED = '203.0.113.77';
const RATE_LIMIT = 5;

/** The links of a mail, from its text part. */
const linksOf = async (raw) => {
  const parsed = await simpleParser(raw);
  return [...new Set(String(parsed.text ?? '').match(/https?:\/\/[^\s>)"]+/g) ?? [])];
};

/** GET returning the body as bytes (for the PDF). */
const getBytes = (url, localAddress) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { localAddress, agent: false }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
        );
      })
      .on('error', reject);
  });

module.exports = {
  name: 'proxy',
  title: 'behind nginx with a path prefix: client addresses, rate limits, links',
  get skipReason() {
    return nginxMissing();
  },
  get unavailable() {
    // skipped with a notice on a machine without nginx; CI installs it, so there it must run
    return Boolean(nginxMissing()) && !process.env.CI;
  },
  async run({ createDatabase, startSink, startServer, logDir }) {
    const c = createChecks();
    const figures = {};
    const db = await createDatabase('proxy');
    const sink = await startSink({ keepMessages: true });
    let server;
    let nginx;
    try {
      server = await startServer({
        name: 'proxy',
        env: {
          ...db.env,
          SMTP_PORT: String(sink.port),
          TRUST_PROXY_HOPS: '1',
          PUBLIC_URL,
          NEWSLETTER_RATE_LIMIT_MAX: String(RATE_LIMIT),
        },
      });
      nginx = await startNginx({ upstreams: [server.port], prefix: '/bildung', logDir });
      /** A request through the proxy, from a visitor's own address. */
      const via = (method, route, options = {}) =>
        request(nginx.url, method, route, { timeoutMs: 30_000, ...options });
      /** A public link from a mail, fetched through the proxy. */
      const viaLink = (method, link, options = {}) => {
        if (!link.startsWith(`${PUBLIC_URL}/`))
          return { status: 0, error: `not below ${PUBLIC_URL}` };
        return via(method, link.slice(PUBLIC_URL.length), options);
      };
      const subscribers = () => db.knex()('newsletter_subscribers');

      // Consent proof: the visitor's address, not the proxy's and not the forged one.
      const email = 'hinter-dem-proxy@example.org';
      const subscribed = await via('POST', '/api/newsletter/subscribe', {
        body: { email, topics: ['offers'], consent: true },
        localAddress: '127.0.0.2',
        headers: { 'X-Forwarded-For': FORGED },
      });
      const row = await subscribers().where({ email }).first('consent_ip');
      c.check(
        'consent proof records the visitor behind the proxy',
        subscribed.status === 202 && row?.consent_ip === '127.0.0.2',
        `subscribe ${subscribed.status}, consentIp ${row?.consent_ip} (visitor 127.0.0.2, proxy 127.0.0.1, forged ${FORGED})`
      );

      // The confirmation mail: its link carries the prefix, its page's form posts through the
      // proxy, and the confirmation proof is the visitor's address again.
      await sink.until(() => sink.messages.some((m) => m.to === email), 20_000);
      const confirmLink = (
        await linksOf(sink.messages.find((m) => m.to === email)?.raw ?? '')
      ).find((link) => link.includes('/newsletter/confirm?token='));
      c.check(
        'the confirmation link carries the public URL, its prefix and the REST prefix',
        confirmLink?.startsWith(`${PUBLIC_URL}/api/newsletter/confirm?token=`),
        String(confirmLink?.replace(/token=.*/, 'token=…'))
      );
      const confirmPage = await viaLink('GET', confirmLink ?? '', {
        headers: { Accept: 'text/html' },
      });
      const action = /<form[^>]*action="([^"]+)"/.exec(confirmPage.text ?? '')?.[1];
      const token = /name="token" value="([^"]+)"/.exec(confirmPage.text ?? '')?.[1];
      const confirmed =
        action?.startsWith('/bildung/') &&
        (await request(nginx.origin, 'POST', action, {
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'text/html',
            'X-Forwarded-For': FORGED,
          },
          rawBody: `token=${encodeURIComponent(token ?? '')}`,
          localAddress: '127.0.0.3',
        }));
      const afterConfirm = await subscribers().where({ email }).first('status', 'confirm_ip');
      c.check(
        'the confirmation page posts below the prefix; confirmation proof is the visitor',
        confirmPage.status === 200 &&
          confirmed?.status === 200 &&
          afterConfirm?.status === 'active' &&
          afterConfirm?.confirm_ip === '127.0.0.3',
        `page ${confirmPage.status}, form action ${action}, POST ${confirmed?.status}, status ${afterConfirm?.status}, confirmIp ${afterConfirm?.confirm_ip}`
      );

      // Rate limits per visitor: one visitor exhausts the limit, another is not affected.
      const statuses = [];
      for (let i = 0; i <= RATE_LIMIT; i += 1) {
        const response = await via('POST', '/api/newsletter/subscribe', {
          body: { email: `eilig${i}@example.org`, topics: ['offers'], consent: true },
          localAddress: '127.0.0.4',
          headers: { 'X-Forwarded-For': `198.51.100.${i}` },
        });
        statuses.push(response.status);
      }
      const other = await via('POST', '/api/newsletter/subscribe', {
        body: { email: 'geduldig@example.org', topics: ['offers'], consent: true },
        localAddress: '127.0.0.5',
      });
      c.check(
        'the rate limit counts per visitor behind the proxy (forged addresses do not reset it)',
        statuses.slice(0, RATE_LIMIT).every((s) => s === 202) &&
          statuses[RATE_LIMIT] === 429 &&
          other.status === 202,
        `visitor 127.0.0.4: ${statuses.join(', ')} (limit ${RATE_LIMIT}); visitor 127.0.0.5 then: ${other.status}`
      );

      // An issue to the confirmed subscriber: every link works through the proxy.
      const adminToken = await operator.registerAdmin(server);
      const issue = await operator.createIssue(server, adminToken, 'Hinter dem Proxy');
      await operator.send(server, adminToken, issue.documentId);
      await sink.until(() => sink.messages.filter((m) => m.to === email).length >= 2, 60_000);
      const issueLinks = await linksOf(sink.messages.filter((m) => m.to === email)[1]?.raw ?? '');
      const own = issueLinks.filter((link) => /\/api\/newsletter\//.test(link));
      const answers = [];
      // the items' links go through the counting redirect: 302 to the item's own address
      const isRedirect = (link) => link.includes('/api/newsletter/r/');
      for (const link of own) {
        const response = await viaLink('GET', link, { headers: { Accept: 'text/html' } });
        const location = response.headers?.location ?? '';
        answers.push(
          isRedirect(link)
            ? `…/r/… ${response.status} → ${location}`
            : `${link.replace(PUBLIC_URL, '…').replace(/token=.*/, 'token=…')} ${response.status}`
        );
      }
      const kinds = ['/preferences?token=', '/unsubscribe?token=', '/web', '/r/'];
      c.check(
        'the newsletter links (preferences, unsubscribe, web version, item redirects) work through the proxy',
        kinds.every((kind) => own.some((link) => link.includes(kind))) &&
          own.every((link) => link.startsWith(`${PUBLIC_URL}/api/newsletter/`)) &&
          answers.every((answer) =>
            answer.startsWith('…/r/')
              ? / 302 → https?:\/\/(?!www\.landkreis\.example\/bildung\/api)/.test(answer)
              : answer.endsWith(' 200')
          ),
        answers.join('; ') || 'no links found'
      );

      // The pages: a folder without its slash is redirected relatively; every relative link of
      // the page resolves below the prefix; the scripts learn the REST prefix from the CMS.
      const bare = await via('GET', '/newsletter', { headers: { Accept: 'text/html' } });
      const page = await via('GET', '/newsletter/', { headers: { Accept: 'text/html' } });
      const refs = [...(page.text ?? '').matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]);
      const resolved = [];
      for (const ref of refs) {
        const target = new URL(ref, `${nginx.url}/newsletter/`);
        const response = await request(nginx.origin, 'GET', `${target.pathname}${target.search}`);
        resolved.push(`${ref} → ${target.pathname} ${response.status}`);
      }
      const siteConfig = await via('GET', '/site-config.json');
      c.check(
        'the pages work below the prefix (relative links, redirect, REST prefix from the CMS)',
        bare.status === 301 &&
          bare.headers.location === 'newsletter/' &&
          page.status === 200 &&
          refs.length >= 4 &&
          // relative links only (no leading slash): they stay below the prefix
          resolved.every((entry) => !entry.startsWith('/')) &&
          resolved.every((entry) => / \/bildung\/\S* 200$/.test(entry)) &&
          siteConfig.body?.restPrefix === '/api',
        `/newsletter → ${bare.status} ${bare.headers.location}; ${resolved.join('; ')}; site-config ${siteConfig.text}`
      );

      // The content pages (offer list and an offer): every relative link resolves below the
      // prefix, the list's filter form included.
      const contentRefs = [];
      const list = await via('GET', '/angebote/?art=ausbildungsplatz', {
        headers: { Accept: 'text/html' },
      });
      const firstOffer = /href="\.\/([^"?]+)"/.exec(list.text ?? '')?.[1];
      for (const [pagePath, text] of [
        ['/angebote/', list.text ?? ''],
        [
          `/angebote/${firstOffer}`,
          (await via('GET', `/angebote/${firstOffer}`, { headers: { Accept: 'text/html' } }))
            .text ?? '',
        ],
      ]) {
        for (const ref of [...text.matchAll(/(?:href|src|action)="([^"#:]+)"/g)].map((m) => m[1])) {
          const target = new URL(ref.replace(/&amp;/g, '&'), `${nginx.url}${pagePath}`);
          const response = await request(nginx.origin, 'GET', `${target.pathname}${target.search}`);
          contentRefs.push(`${ref} → ${target.pathname} ${response.status}`);
        }
      }
      c.check(
        'the offer pages work below the prefix (relative links only, each answering 200)',
        list.status === 200 &&
          Boolean(firstOffer) &&
          contentRefs.length >= 10 &&
          contentRefs.every((entry) => !entry.startsWith('/')) &&
          contentRefs.every((entry) => / \/bildung\/\S* 200$/.test(entry)),
        `list ${list.status}; ${contentRefs.join('; ')}`
      );

      // The PDF report: its tip links carry the public URL with the prefix.
      const questionnaire = (await via('GET', '/api/employer-check/questionnaire')).body?.data;
      const answersAll = Object.fromEntries(
        (questionnaire?.questions ?? []).map((question) => [question.id, 1])
      );
      const created = await via('POST', '/api/employer-check/submissions', {
        body: {
          profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
          answers: answersAll,
          complete: true,
          consentStatistics: false,
        },
        localAddress: '127.0.0.6',
      });
      const pdf = await getBytes(
        `${nginx.url}/api/employer-check/submissions/${created.body?.token}/report.pdf`,
        '127.0.0.6'
      );
      let pdfLinks = [];
      if (pdf.status === 200) {
        const { PDFParse } = require('pdf-parse');
        const text = (await new PDFParse({ data: new Uint8Array(pdf.body) }).getText()).text;
        pdfLinks = text.match(/https?:\/\/\S+/g) ?? [];
      }
      c.check(
        "the PDF report's links carry the public URL and its prefix",
        created.status === 201 &&
          pdf.status === 200 &&
          pdfLinks.length > 0 &&
          pdfLinks.every((link) => link.startsWith(`${PUBLIC_URL}/`)),
        `submission ${created.status}, PDF ${pdf.status}, ${pdfLinks.length} links, e.g. ${pdfLinks[0]}`
      );

      const log = nginx.accessLog().trim().split('\n');
      figures.proxiedRequests = log.length;
      figures.summary = `${log.length} requests through nginx; visitors 127.0.0.2–.6, proxy 127.0.0.1`;
    } finally {
      await nginx?.stop();
      await server?.stop();
      await sink.close();
      await db.drop();
    }
    return { checks: c.checks, figures };
  },
};
