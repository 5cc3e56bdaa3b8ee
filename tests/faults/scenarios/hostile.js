/**
 * Scenario "hostile": hostile input on every public route.
 *
 * One Strapi process on a throw-away database (SQLite, or PostgreSQL with DATABASE_URL), a mail
 * capture on loopback, the default per-IP rate limits. The routes come from the running server
 * (`GET /users-permissions/routes`, the list the admin's role editor shows); a route is public when
 * it has `auth: false` or the Public role holds its permission. Then:
 *
 * 1. Fixtures as visitors and editors make them, with markup/script payloads in every text that
 *    is shown somewhere: a subscriber whose name and organisation are payloads (confirmation mail,
 *    confirm/preferences/unsubscribe pages), an offer and a municipality with payload texts in a
 *    sent newsletter (issue mail, web version), a self-check in that municipality (result JSON,
 *    PDF), a company with payload name and organisation that asks for tips fitting its completed
 *    check (link request: confirmation mail, confirmed page, preferences page with the link). No
 *    payload may appear unescaped in a page or an HTML mail part.
 * 2. For every public route at least FAULT_HOSTILE_PER_ROUTE (1,000) generated malformed requests
 *    (tests/faults/lib/hostile-cases.js), each from its own loopback address: every answer 4xx
 *    (or, for input a route does not take, the clean answer), never 5xx, never a hang; the server
 *    stays up; the row count of every table (but the rate-limit counters, which one request per
 *    address is meant to add) and the subscriber, link and submission rows are unchanged; no temporary upload file is left; no response carries subscriber data.
 * 3. Tokens: tampered, forged, expired, of another subscriber, of an erased subscriber, for the
 *    wrong purpose → refused with one identical answer per route; subscribe answers the same for
 *    new, pending, active, unsubscribed and erased addresses.
 * 4. Every content-API route that is not public answers 401/403/404/405 without data, and so do
 *    guessed routes for the plugins' private content types; the Public role holds exactly the
 *    read actions of the six public types.
 * 5. Rate limits: every newsletter and self-check route answers 429 after its limit per IP, also
 *    when the body or the token in the path changes from request to request.
 * 6. The link of the personalised tips goes by its reference (DELETE /links) and from the
 *    preferences page (POST /preferences/unlink, page escaped).
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { createChecks } = require('../lib/checks');
const { operator } = require('../lib/servers');
const { createAddresses, send, pool, parseJson } = require('../lib/hostile-http');
const { generatorFor, junkTokens, junkClickTokens } = require('../lib/hostile-cases');
const { startMailCapture } = require('../lib/hostile-mail');
const { rowCounts, differences, total } = require('../lib/hostile-db');

/** Table of the server kit's shared rate-limit counters (packages/server-kit/src/rate-limit.ts). */
const RATE_LIMIT_TABLE = 'rate_limits';
const { signToken, addressHash } = require('../lib/hostile-payloads');

const DOMAIN = 'hostile.example.org';
const PUBLIC_URL = 'http://cms.faults.example';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Payloads that are valid input (stored as given) and must come out escaped wherever shown. */
const P = {
  name: `<script>alert('hostile-name')</script>"><img src=x onerror=alert('hostile-name')>`,
  organisation: `'"><svg onload=alert('hostile-org')>{{7*7}}\${7*7}`,
  municipality: `<b>Ort</b>"><img src=x onerror=alert('hostile-muni')>`,
  offerTitle: `<script>alert('hostile-offer')</script> Tischlerei`,
  offerSummary: `"><iframe src=javascript:alert('hostile-summary')></iframe> Zusammenfassung`,
  subject: `<i>Ausgabe</i><script>alert('hostile-subject')</script>`,
  preheader: `"><img src=x onerror=alert('hostile-pre')>`,
};
/** What must never stand in HTML as markup: the payloads' own tags and attribute break-outs. */
const DANGEROUS = [
  "<script>alert('hostile",
  "<img src=x onerror=alert('hostile",
  "<svg onload=alert('hostile",
  "<iframe src=javascript:alert('hostile",
  '<b>Ort</b>',
  '<i>Ausgabe</i>',
  `"><img`,
  `'"><svg`,
  `"><iframe`,
];
const unescaped = (html) => DANGEROUS.filter((fragment) => html.includes(fragment));

/** The first href of a link whose text matches, made absolute against the running server. */
const linkFrom = (text, pattern, base) => {
  const match = pattern.exec(text);
  return match ? match[1].replace(/&amp;/g, '&').replace(PUBLIC_URL, base) : null;
};
const tokenOf = (url) => (url ? new URL(url).searchParams.get('token') : null);

const pdfText = (buffer) =>
  new Promise((resolve, reject) => {
    const script = `
      const { PDFParse } = require('pdf-parse');
      const chunks = [];
      process.stdin.on('data', (c) => chunks.push(c));
      process.stdin.on('end', async () => {
        const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
        const text = await parser.getText();
        process.stdout.write(JSON.stringify({ text: text.text }));
        await parser.destroy();
      });`;
    const child = execFile(
      process.execPath,
      ['-e', script],
      { cwd: path.resolve(__dirname, '..', '..', '..'), maxBuffer: 1 << 26 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout).text))
    );
    child.stdin.end(buffer);
  });

const countBy = (list, key) =>
  list.reduce((acc, item) => {
    const k = key(item);
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

const listFiles = (dir) => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
};

module.exports = {
  name: 'hostile',
  title: 'hostile input on every public route',
  async run({ kind, logDir, createDatabase, startServer }) {
    const c = createChecks();
    const figures = {};
    const perRoute = Number(process.env.FAULT_HOSTILE_PER_ROUTE || 1000);
    const concurrency = Number(process.env.FAULT_HOSTILE_CONCURRENCY || 8);
    const secret = crypto.randomBytes(32).toString('base64');
    const tmpDir = fs.mkdtempSync(path.join(logDir, 'hostile-tmp-'));
    const db = await createDatabase('hostile');
    const mail = await startMailCapture();
    let server;
    try {
      server = await startServer({
        name: 'hostile',
        env: {
          ...db.env,
          SMTP_PORT: String(mail.port),
          NEWSLETTER_SECRET: secret,
          // the product's defaults: 20 per minute per IP and route (newsletter), 60 (self-check)
          NEWSLETTER_RATE_LIMIT_MAX: '20',
          EMPLOYER_CHECK_RATE_LIMIT_MAX: '60',
          // where koa-body (formidable) writes uploaded files
          TMPDIR: tmpDir,
        },
      });
      const base = server.url;
      const nextAddress = createAddresses(10);
      const call = (method, route, { body, headers = {}, raw, address } = {}) =>
        send(
          base,
          {
            method,
            path: route,
            headers: {
              Accept: 'application/json',
              ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
              ...headers,
            },
            body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
          },
          { localAddress: address ?? nextAddress(), timeoutMs: 60_000 }
        );
      const ok = async (promise, status, what) => {
        const response = await promise;
        if (response.status !== status) {
          throw new Error(
            `${what}: expected ${status}, got ${response.status} ${String(response.text ?? response.error).slice(0, 400)}`
          );
        }
        return response;
      };

      // ---------------------------------------------------------------- routes and the Public role
      const adminToken = await operator.registerAdmin(server);
      const admin = (method, route, body) =>
        call(method, route, { body, headers: { Authorization: `Bearer ${adminToken}` } });
      const routeList = parseJson(
        (await ok(admin('GET', '/users-permissions/routes'), 200, 'list routes')).text
      );
      const routes = Object.values(routeList.routes ?? routeList).flat();
      const knex = db.knex();
      const publicActions = (
        await knex('up_permissions as p')
          .join('up_permissions_role_lnk as l', 'l.permission_id', 'p.id')
          .join('up_roles as r', 'r.id', 'l.role_id')
          .where('r.type', 'public')
          .select('p.action')
      ).map((row) => row.action);
      const scopeOf = (route) => route.config?.auth?.scope?.[0] ?? null;
      const isPublic = (route) =>
        route.config?.auth === false || publicActions.includes(scopeOf(route));
      const publicRoutes = routes.filter(isPublic);
      const privateRoutes = routes.filter((route) => !isPublic(route));
      figures.routes = {
        all: routes.length,
        public: publicRoutes.length,
        notPublic: privateRoutes.length,
      };
      figures.publicRoutes = publicRoutes.map((route) => `${route.method} ${route.path}`);

      // ---------------------------------------------------------------- fixtures with payloads
      const apiKey = parseJson(
        (
          await ok(
            admin('POST', '/admin/api-tokens', {
              name: 'hostile',
              description: '',
              type: 'full-access',
              lifespan: null,
            }),
            201,
            'API token'
          )
        ).text
      ).data.accessKey;
      const editor = (method, route, body) =>
        call(method, route, { body, headers: { Authorization: `Bearer ${apiKey}` } });
      const municipality = parseJson(
        (
          await ok(
            editor('POST', '/api/municipalities', {
              data: {
                name: P.municipality,
                kind: 'gemeinde',
                state: 'niedersachsen',
                areaKm2: 12.5,
                population: 4200,
              },
            }),
            201,
            'municipality'
          )
        ).text
      ).data;
      const offer = parseJson(
        (
          await ok(
            editor('POST', '/api/offers', {
              data: {
                title: P.offerTitle,
                offerType: 'praktikum',
                summary: P.offerSummary,
                municipality: municipality.documentId,
              },
            }),
            201,
            'offer'
          )
        ).text
      ).data;

      const topics = ['offers', 'practice-examples', 'employer-tips'];
      /** Subscribes (or, with `link`, asks for tips fitting that self-check) and confirms. */
      const subscribeAndConfirm = async (local, extra = {}, { confirm = true, link } = {}) => {
        const email = `${local}@${DOMAIN}`;
        await ok(
          link
            ? call('POST', '/api/newsletter/links', {
                body: { reference: link, email, consent: true, linkConsent: true, ...extra },
              })
            : call('POST', '/api/newsletter/subscribe', {
                body: { email, topics, consent: true, ...extra },
              }),
          202,
          `${link ? 'link request' : 'subscribe'} ${local}`
        );
        const confirmation = await mail.waitFor(
          (m) => m.to.includes(email) && /confirm\?token=/.test(m.text)
        );
        const confirmUrl = linkFrom(
          confirmation.text,
          /(https?:\/\/[^\s"<>[\]]+\/api\/newsletter\/confirm\?token=[A-Za-z0-9%._~-]+)/,
          base
        );
        const confirmToken = tokenOf(confirmUrl);
        if (!confirm) return { email, confirmation, confirmToken };
        const page = await ok(
          call('POST', '/api/newsletter/confirm', {
            raw: `token=${encodeURIComponent(confirmToken)}`,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
          }),
          200,
          `confirm ${local}`
        );
        const preferencesUrl = linkFrom(
          page.text,
          /href="([^"]+\/api\/newsletter\/preferences\?token=[^"]+)"/,
          base
        );
        const manageToken = tokenOf(preferencesUrl);
        const row = await knex('newsletter_subscribers').where('email', email).first('document_id');
        return {
          email,
          confirmation,
          confirmToken,
          manageToken,
          confirmPage: page.text,
          documentId: row.document_id,
        };
      };
      const A = await subscribeAndConfirm('anna', { name: P.name, organisation: P.organisation });
      const B = await subscribeAndConfirm('bernd', { name: 'Bernd Beispiel' });
      const C = await subscribeAndConfirm('carla', {}, { confirm: false });
      C.documentId = (
        await knex('newsletter_subscribers').where('email', C.email).first('document_id')
      ).document_id;
      const D = await subscribeAndConfirm('dora');
      // a confirmation link counts as older than the unsubscribe only a second later (its time
      // has whole seconds)
      await sleep(1100);
      await ok(
        call('POST', `/api/newsletter/unsubscribe?token=${encodeURIComponent(D.manageToken)}`, {
          body: {},
        }),
        200,
        'unsubscribe D'
      );
      const E = await subscribeAndConfirm('emil');
      await ok(admin('DELETE', `/newsletter/subscribers/${E.documentId}`), 200, 'erase E');

      const issue = parseJson(
        (
          await ok(
            admin('POST', '/newsletter/issues', {
              subject: P.subject,
              preheader: P.preheader,
              items: [{ section: 'offers', documentId: offer.documentId }],
            }),
            201,
            'issue'
          )
        ).text
      ).data;
      await ok(admin('POST', `/newsletter/issues/${issue.documentId}/send`), 202, 'send the issue');
      const unsent = parseJson(
        (
          await ok(
            admin('POST', '/newsletter/issues', { subject: 'Entwurf', items: [] }),
            201,
            'draft issue'
          )
        ).text
      ).data;
      for (let i = 0; i < 240; i += 1) {
        const state = parseJson(
          (await admin('GET', `/newsletter/issues/${issue.documentId}`)).text
        )?.data;
        if (state?.status === 'sent') break;
        await sleep(500);
      }
      const issueMail = await mail.waitFor(
        (m) => m.to.includes(A.email) && m.headers?.get('x-newsletter-issue'),
        60_000
      );

      const questionnaire = parseJson(
        (await ok(call('GET', '/api/employer-check/questionnaire'), 200, 'questionnaire')).text
      ).data;
      const questions = questionnaire.questions;
      const draft = parseJson(
        (
          await ok(
            call('POST', '/api/employer-check/submissions', {
              body: {
                profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
                answers: { [questions[0].id]: 2 },
              },
            }),
            201,
            'draft check'
          )
        ).text
      );
      const complete = parseJson(
        (
          await ok(
            call('POST', '/api/employer-check/submissions', {
              body: {
                profile: {
                  sector: 'C',
                  sizeClass: 'small',
                  trainsApprentices: true,
                  municipality: municipality.documentId,
                },
                answers: Object.fromEntries(questions.map((q, i) => [q.id, (i % 5) + 1])),
                complete: true,
                consentStatistics: true,
              },
            }),
            201,
            'complete check'
          )
        ).text
      );
      // the completed check's employee survey: its id and management token for the survey routes
      const survey = parseJson(
        (
          await ok(
            call('POST', `/api/employer-check/submissions/${complete.token}/surveys`, {
              body: {},
            }),
            201,
            'employee survey'
          )
        ).text
      );
      const surveyForm = parseJson(
        (
          await ok(
            call('GET', `/api/employer-check/surveys/${survey.surveyId}`),
            200,
            'survey form'
          )
        ).text
      );
      // a completed check that its company deleted: its token is no reference any more
      const deletedCheck = parseJson(
        (
          await ok(
            call('POST', '/api/employer-check/submissions', {
              body: {
                profile: { sector: 'F', sizeClass: 'micro', trainsApprentices: false },
                answers: Object.fromEntries(
                  questions
                    .filter((q) => !q.onlyIfTrainsApprentices)
                    .map((q, i) => [q.id, (i % 5) + 1])
                ),
                complete: true,
              },
            }),
            201,
            'second complete check'
          )
        ).text
      );
      await ok(
        call('DELETE', `/api/employer-check/submissions/${deletedCheck.token}`),
        204,
        'delete the second check'
      );
      // personalised tips: a company not yet subscribed asks for tips fitting its completed check
      // (name and organisation are payloads); it confirms, so the link is active while the
      // malformed requests run (none may remove or add one)
      const F = await subscribeAndConfirm(
        'frieda',
        { name: P.name, organisation: P.organisation },
        { link: complete.token }
      );
      const linkStatus = parseJson(
        (
          await ok(
            call('GET', `/api/newsletter/links?reference=${encodeURIComponent(complete.token)}`),
            200,
            'link status'
          )
        ).text
      )?.data;
      if (linkStatus?.linked !== 'active') {
        throw new Error(`the link should be active: ${JSON.stringify(linkStatus)}`);
      }

      // ---------------------------------------------------------------- escaping where shown
      const shown = [];
      const look = (where, html, { mustContain = [] } = {}) => {
        const bad = unescaped(html ?? '');
        const missing = mustContain.filter((needle) => !(html ?? '').includes(needle));
        shown.push({ where, bad, missing });
      };
      look('confirmation mail to the payload subscriber (HTML part)', A.confirmation.html, {
        mustContain: ['hostile-name'],
      });
      look(
        'confirm page (GET, with the button)',
        (
          await call('GET', `/api/newsletter/confirm?token=${encodeURIComponent(A.confirmToken)}`, {
            headers: { Accept: 'text/html' },
          })
        ).text
      );
      look('confirmed page (form POST)', A.confirmPage);
      const preferencesPage = (
        await call(
          'GET',
          `/api/newsletter/preferences?token=${encodeURIComponent(A.manageToken)}`,
          { headers: { Accept: 'text/html' } }
        )
      ).text;
      look('preferences page', preferencesPage);
      const preferencesJson = parseJson(
        (
          await call(
            'GET',
            `/api/newsletter/preferences?token=${encodeURIComponent(A.manageToken)}`
          )
        ).text
      );
      look(
        'unsubscribe page',
        (
          await call(
            'GET',
            `/api/newsletter/unsubscribe?token=${encodeURIComponent(A.manageToken)}`,
            { headers: { Accept: 'text/html' } }
          )
        ).text
      );
      look('confirmation mail of a link request (HTML part)', F.confirmation.html, {
        mustContain: ['hostile-name'],
      });
      look('confirmed page after a link request (form POST)', F.confirmPage);
      const linkedPreferencesPage = (
        await call(
          'GET',
          `/api/newsletter/preferences?token=${encodeURIComponent(F.manageToken)}`,
          { headers: { Accept: 'text/html' } }
        )
      ).text;
      look('preferences page with the link (personal tips section)', linkedPreferencesPage);
      const linkSection = /Persönliche Tipps/.test(linkedPreferencesPage ?? '');
      look('issue mail to the payload subscriber (HTML part)', issueMail.html, {
        mustContain: ['hostile-name', 'hostile-offer', 'hostile-muni'],
      });
      const web = await call('GET', `/api/newsletter/issues/${issue.documentId}/web`, {
        headers: { Accept: 'text/html' },
      });
      look('web version of the issue', web.text, {
        mustContain: ['hostile-offer', 'hostile-summary'],
      });
      const webPersonal = [A.email, B.email, 'hostile-name', 'hostile-org'].filter((needle) =>
        web.text.includes(needle)
      );
      const result = await call('GET', `/api/employer-check/submissions/${complete.token}`);
      const pdf = await call('GET', `/api/employer-check/submissions/${complete.token}/report.pdf`);
      const reportText = pdf.status === 200 ? await pdfText(pdf.buffer) : '';
      const headerInjection = [A.confirmation, issueMail].filter((m) =>
        /\r?\n(bcc|cc|to):/i.test(String(m.headers?.get('subject') ?? ''))
      );
      const badShown = shown.filter((entry) => entry.bad.length || entry.missing.length);
      c.check(
        'payloads escaped in every page and HTML mail',
        badShown.length === 0 &&
          linkSection &&
          web.status === 200 &&
          webPersonal.length === 0 &&
          headerInjection.length === 0,
        `${shown.length} renderings checked (confirmation mails of a subscription and of a link request, confirm/confirmed/preferences/unsubscribe pages, preferences page with a link, issue mail, web version)` +
          (badShown.length
            ? `; UNESCAPED: ${badShown.map((entry) => `${entry.where}: ${[...entry.bad, ...entry.missing.map((m) => `missing ${m}`)].join(', ')}`).join(' / ')}`
            : '; none unescaped') +
          `; web version ${web.status}, personal data in it: ${webPersonal.length}` +
          `; link ${linkStatus.linked}, its section on the preferences page: ${linkSection}`
      );
      const pdfHasName = reportText.replace(/\s+/g, ' ').includes('<b>Ort</b>');
      c.check(
        'self-check: result is JSON, the PDF shows the payload as literal text',
        result.status === 200 &&
          /^application\/json/.test(result.headers['content-type'] ?? '') &&
          result.headers['x-content-type-options'] === 'nosniff' &&
          pdf.status === 200 &&
          /^application\/pdf/.test(pdf.headers['content-type'] ?? '') &&
          /^attachment/.test(pdf.headers['content-disposition'] ?? '') &&
          pdfHasName &&
          !/\/(JavaScript|JS|Launch|OpenAction)\b/.test(pdf.buffer.toString('latin1')),
        `result ${result.status} ${result.headers['content-type']}, nosniff ${result.headers['x-content-type-options']}; PDF ${pdf.status} ${pdf.headers['content-type']}, ` +
          `${pdf.headers['content-disposition']}; municipality payload as text in the PDF: ${pdfHasName}; stored name = payload: ${preferencesJson?.name === P.name}`
      );

      // ---------------------------------------------------------------- the generated requests
      await sleep(1500); // the outbox and the dispatcher settle
      const subscribersRows = async () =>
        JSON.stringify(await knex('newsletter_subscribers').select('*').orderBy('id'));
      const submissionRows = async () =>
        JSON.stringify(await knex('employer_check_submissions').select('*').orderBy('id'));
      const linkRows = async () =>
        JSON.stringify(await knex('newsletter_links').select('*').orderBy('id'));
      const before = await rowCounts(knex, kind);
      const subscribersBefore = await subscribersRows();
      const submissionsBefore = await submissionRows();
      const linksBefore = await linkRows();
      const tmpBefore = listFiles(tmpDir).length;

      const contentApis = {};
      const documentIds = {};
      for (const route of routes) {
        const match = /^api::([a-z-]+)$/.exec(
          route.info?.apiName ? `api::${route.info.apiName}` : ''
        );
        if (match && route.handler?.startsWith('api::')) {
          contentApis[route.path.split('/')[2]] = match[1];
        }
      }
      for (const [apiPath, apiName] of Object.entries(contentApis)) {
        const list = parseJson((await call('GET', `/api/${apiPath}?pagination[pageSize]=1`)).text);
        documentIds[apiName] = list?.data?.[0]?.documentId ?? 'x';
      }
      const refresh = (token) => (token ? token : 'x');
      const context = {
        contentApis,
        documentIds,
        newsletter: {
          topics,
          manageToken: A.manageToken,
          unsentIssueId: unsent.documentId,
          junkConfirmTokens: junkTokens({ valid: refresh(C.confirmToken), secret }),
          junkManageTokens: junkTokens({ valid: refresh(B.manageToken), secret }),
          // a click token of the sent issue's mail (its item links go through the redirect)
          junkClickTokens: junkClickTokens({
            valid: /\/api\/newsletter\/r\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(issueMail.html)[1],
            secret,
          }),
          // a completed check's token is a valid reference; it only goes with one other defect
          references: {
            completeToken: complete.token,
            draftToken: draft.token,
            deletedToken: deletedCheck.token,
          },
        },
        employerCheck: {
          questions,
          draftToken: draft.token,
          completeToken: complete.token,
          surveyId: survey.surveyId,
          manageToken: survey.manageToken,
          surveyQuestions: surveyForm.data.questions,
        },
      };
      const plan = [];
      const missing = [];
      publicRoutes.forEach((route, index) => {
        const generator = generatorFor(route, context);
        if (!generator) {
          missing.push(`${route.method} ${route.path}`);
          return;
        }
        const cases = generator({ apiPath: route.path, count: perRoute, seed: 1000 + index });
        for (const entry of cases) plan.push({ route: `${route.method} ${route.path}`, ...entry });
      });
      // baselines for input a route does not take
      const baselines = {};
      for (const route of publicRoutes) {
        if (route.method === 'GET' && !route.path.includes(':')) {
          const clean = await call('GET', route.path);
          baselines[`${route.method} ${route.path}`] = clean;
        }
      }
      // interleave the routes, so no route's cases run in one block
      const order = plan.map((entry, i) => ({
        entry,
        key: crypto.createHash('md5').update(`${i}`).digest('hex'),
      }));
      order.sort((a, b) => (a.key < b.key ? -1 : 1));
      const leakNeedles = [
        A.email,
        B.email,
        C.email,
        D.email,
        F.email,
        'consent_ip',
        'consentIp',
        'token_hash',
        'tokenHash',
        'fault-suite@bildungsbuero.example',
      ];
      const started = Date.now();
      const outcomes = await pool(
        order.map(({ entry }) => async () => {
          const response = await send(base, entry, {
            localAddress: nextAddress(),
            timeoutMs: 15_000,
          });
          let verdict = 'ok';
          if (response.status === -1) verdict = 'not sent';
          else if (response.status === 0) {
            // a request over Node's header limit may be dropped before the 431 can be read
            const dropped =
              /over the header limit/.test(entry.defect) &&
              /ECONNRESET|EPIPE/.test(response.error ?? '');
            verdict = response.error === 'timeout' ? 'hang' : dropped ? 'ok' : 'connection error';
          } else if (response.status >= 500) verdict = '5xx';
          else if (entry.expect === 'refuse' && (response.status < 400 || response.status >= 500))
            verdict = 'accepted';
          else if (entry.expect === 'ignore') {
            const baseline = baselines[entry.route];
            if (response.status !== baseline?.status || response.text !== baseline?.text)
              verdict = 'differs';
          }
          const leaked = leakNeedles.filter((needle) => response.text?.includes(needle));
          if (leaked.length) verdict = `leak ${leaked.join(',')}`;
          return {
            route: entry.route,
            defect: entry.defect,
            expect: entry.expect,
            path: entry.path,
            status: response.status,
            ms: response.ms,
            verdict,
            text:
              verdict === 'ok'
                ? undefined
                : String(response.text ?? response.error ?? '').slice(0, 300),
          };
        }),
        concurrency
      );
      const seconds = (Date.now() - started) / 1000;
      await sleep(1000);
      const after = await rowCounts(knex, kind);
      // The shared rate-limit counters (server kit, on PostgreSQL) are what refused requests are
      // meant to leave behind: one row per client address and route, expiring with its window.
      // Every request here comes from its own address, so they grow; they are reported apart.
      const { [RATE_LIMIT_TABLE]: counterRows, ...changed } = differences(before, after);
      const subscribersChanged = (await subscribersRows()) !== subscribersBefore;
      const submissionsChanged = (await submissionRows()) !== submissionsBefore;
      const linksChanged = (await linkRows()) !== linksBefore;
      const tmpLeft = listFiles(tmpDir).length - tmpBefore;
      const health = await call('GET', '/_health');

      const perRouteFigures = {};
      for (const outcome of outcomes) {
        const entry = (perRouteFigures[outcome.route] ??= {
          requests: 0,
          statuses: {},
          failures: 0,
          slowestMs: 0,
        });
        entry.requests += 1;
        entry.statuses[outcome.status] = (entry.statuses[outcome.status] ?? 0) + 1;
        if (outcome.verdict !== 'ok') entry.failures += 1;
        entry.slowestMs = Math.max(entry.slowestMs, outcome.ms);
      }
      const failures = outcomes.filter((outcome) => outcome.verdict !== 'ok');
      const byVerdict = countBy(failures, (outcome) => outcome.verdict);
      const statuses = countBy(outcomes, (outcome) => outcome.status);
      const refuseCount = outcomes.filter((outcome) => outcome.expect === 'refuse').length;
      Object.assign(figures, {
        requests: outcomes.length,
        perRoute: perRouteFigures,
        statuses,
        seconds,
        requestsPerSecond: Math.round(outcomes.length / seconds),
        rowsBefore: total(before),
        rowsAfter: total(after),
        tables: Object.keys(before).length,
        failures: failures.slice(0, 40),
        failuresByVerdict: byVerdict,
      });
      const fewest = Math.min(...Object.values(perRouteFigures).map((entry) => entry.requests));
      c.check(
        'every public route has a generator (none forgotten)',
        missing.length === 0 && publicRoutes.length > 0,
        `${publicRoutes.length} public routes of ${routes.length}: ${publicRoutes.map((r) => `${r.method} ${r.path}`).join(', ')}` +
          (missing.length ? `; WITHOUT GENERATOR: ${missing.join(', ')}` : '')
      );
      c.check(
        `at least ${perRoute} malformed requests per public route`,
        fewest >= perRoute,
        `${outcomes.length} requests (${refuseCount} must be refused, ${outcomes.length - refuseCount} carry input the route ignores), fewest per route ${fewest}, ` +
          `${seconds.toFixed(0)} s at ${concurrency} in flight (${figures.requestsPerSecond}/s)`
      );
      const sample = (list) =>
        list
          .slice(0, 4)
          .map((o) =>
            `${o.route} [${o.defect}] ${o.path.slice(0, 120)} → ${o.status} ${o.verdict} ${o.text ?? ''}`.slice(
              0,
              400
            )
          )
          .join(' / ');
      c.check(
        'only 4xx (or the clean answer for ignored input): no 5xx, no hang, no data',
        failures.length === 0,
        `answers ${JSON.stringify(statuses)}` +
          (failures.length
            ? `; ${failures.length} FAILED ${JSON.stringify(byVerdict)}: ${sample(failures)}`
            : '')
      );
      c.check(
        'nothing stored: row count of every table, subscriber, link and self-check rows unchanged',
        Object.keys(changed).length === 0 &&
          !subscribersChanged &&
          !submissionsChanged &&
          !linksChanged,
        `${Object.keys(before).length} tables, ${total(before)} rows before, ${total(after)} after` +
          (counterRows
            ? ` (of them rate-limit counters ${counterRows[0] ?? 0} → ${counterRows[1] ?? 0}, one per address and route, expiring)`
            : '') +
          (Object.keys(changed).length ? `; CHANGED ${JSON.stringify(changed)}` : '') +
          `; subscriber rows ${subscribersChanged ? 'CHANGED' : 'unchanged'}, link rows ${linksChanged ? 'CHANGED' : 'unchanged'}, self-check rows ${submissionsChanged ? 'CHANGED' : 'unchanged'}`
      );
      c.check(
        'no uploaded file left in the temporary folder',
        tmpLeft === 0,
        `${tmpLeft} files left by multipart requests`
      );
      c.check(
        'the server stayed up',
        server.alive && health.status === 204,
        `process ${server.alive ? 'alive' : 'DIED'}, /_health ${health.status}`
      );

      // ---------------------------------------------------------------- tokens
      const now = Math.floor(Date.now() / 1000);
      const claimsOf = (token) =>
        JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
      const withSubject = (token, s) => {
        const claims = { ...claimsOf(token), s };
        return `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${token.split('.')[1]}`;
      };
      const flip = (token) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      const confirmVariants = {
        'tampered signature': flip(C.confirmToken),
        "another subscriber's id in the payload": withSubject(C.confirmToken, B.documentId),
        "one subscriber's payload, another's signature": `${C.confirmToken.split('.')[0]}.${B.confirmToken.split('.')[1]}`,
        "signed, but another subscriber's address": signToken(
          { ...claimsOf(C.confirmToken), s: B.documentId },
          secret
        ),
        'manage token used to confirm': C.manageToken ?? B.manageToken,
        'unknown subscriber': signToken(
          {
            p: 'confirm',
            s: 'a'.repeat(24),
            h: addressHash('niemand@example.org', secret),
            i: now,
            x: now + 3600,
          },
          secret
        ),
        'erased subscriber': E.confirmToken,
        'from before the unsubscribe': D.confirmToken,
      };
      const manageVariants = {
        'tampered signature': flip(B.manageToken),
        "another subscriber's id in the payload": withSubject(B.manageToken, A.documentId),
        "one subscriber's payload, another's signature": `${B.manageToken.split('.')[0]}.${A.manageToken.split('.')[1]}`,
        "signed, but another subscriber's address": signToken(
          { ...claimsOf(B.manageToken), s: A.documentId },
          secret
        ),
        'confirm token used to manage': B.confirmToken,
        'unknown subscriber': signToken(
          { p: 'manage', s: 'b'.repeat(24), h: addressHash('niemand@example.org', secret), i: now },
          secret
        ),
        'erased subscriber': E.manageToken,
      };
      const expired = signToken(
        { ...claimsOf(C.confirmToken), i: now - 7200, x: now - 3600 },
        secret
      );
      const tokenRoutes = {
        'GET /confirm (page)': (t) =>
          call('GET', `/api/newsletter/confirm?token=${encodeURIComponent(t)}`, {
            headers: { Accept: 'text/html' },
          }),
        'POST /confirm': (t) => call('POST', '/api/newsletter/confirm', { body: { token: t } }),
        'POST /confirm (form)': (t) =>
          call('POST', '/api/newsletter/confirm', {
            raw: `token=${encodeURIComponent(t)}`,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
          }),
      };
      const manageRoutes = {
        'GET /preferences': (t) =>
          call('GET', `/api/newsletter/preferences?token=${encodeURIComponent(t)}`),
        'GET /preferences (page)': (t) =>
          call('GET', `/api/newsletter/preferences?token=${encodeURIComponent(t)}`, {
            headers: { Accept: 'text/html' },
          }),
        'PUT /preferences': (t) =>
          call('PUT', `/api/newsletter/preferences?token=${encodeURIComponent(t)}`, {
            body: { topics: ['offers'] },
          }),
        'GET /unsubscribe (page)': (t) =>
          call('GET', `/api/newsletter/unsubscribe?token=${encodeURIComponent(t)}`, {
            headers: { Accept: 'text/html' },
          }),
        'POST /unsubscribe': (t) =>
          call('POST', `/api/newsletter/unsubscribe?token=${encodeURIComponent(t)}`, { body: {} }),
        'POST /unsubscribe (one-click)': (t) =>
          call('POST', `/api/newsletter/unsubscribe?token=${encodeURIComponent(t)}`, {
            raw: 'List-Unsubscribe=One-Click',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          }),
      };
      const beforeTokens = await subscribersRows();
      const tokenResults = [];
      const runVariants = async (routesMap, variants) => {
        for (const [routeName, request] of Object.entries(routesMap)) {
          const answers = [];
          for (const [variant, token] of Object.entries(variants)) {
            const response = await request(token);
            answers.push({ variant, status: response.status, text: response.text });
          }
          const distinct = new Set(answers.map((answer) => `${answer.status}|${answer.text}`));
          tokenResults.push({
            route: routeName,
            variants: answers.length,
            statuses: countBy(answers, (answer) => answer.status),
            identical: distinct.size === 1,
            refused: answers.every((answer) => answer.status === 400),
            odd: answers
              .filter((answer) => answer.status !== 400)
              .map((answer) => `${answer.variant} → ${answer.status}`),
          });
        }
      };
      await runVariants(tokenRoutes, confirmVariants);
      await runVariants(manageRoutes, manageVariants);
      const expiredAnswers = await Promise.all(
        Object.values(tokenRoutes).map((request) => request(expired))
      );
      const tokensChanged = (await subscribersRows()) !== beforeTokens;
      const stillWorks = await call(
        'GET',
        `/api/newsletter/preferences?token=${encodeURIComponent(B.manageToken)}`
      );
      figures.tokens = tokenResults.map(({ route, variants, statuses: s, identical }) => ({
        route,
        variants,
        statuses: s,
        identical,
      }));
      c.check(
        'tokens: tampered, forged, another’s, erased, wrong purpose → refused, one identical answer per route',
        tokenResults.every((entry) => entry.refused && entry.identical) &&
          !tokensChanged &&
          stillWorks.status === 200,
        tokenResults
          .map(
            (entry) =>
              `${entry.route}: ${entry.variants} variants ${JSON.stringify(entry.statuses)}${entry.identical ? ' identical' : ' DIFFER'}${entry.odd.length ? ` (${entry.odd.join(', ')})` : ''}`
          )
          .join('; ') +
          `; subscribers ${tokensChanged ? 'CHANGED' : 'unchanged'}; the real token still works: ${stillWorks.status}`
      );
      c.check(
        'tokens: an expired confirmation link is refused (400, its own message)',
        expiredAnswers.every((response) => response.status === 400) &&
          /abgelaufen/.test(expiredAnswers[1].text ?? ''),
        `${expiredAnswers.map((response) => response.status).join(', ')}: ${parseJson(expiredAnswers[1].text)?.error?.message ?? ''}`
      );

      // ---------------------------------------------------------------- not public
      const fill = (routePath) =>
        routePath
          .replace(':id', '1')
          .replace(':uid', 'api::offer.offer')
          .replace(':role', '1')
          .replace(':provider', 'google')
          .replace(':sessionId', 'x')
          .replace('(.*)', 'google');
      const probes = privateRoutes.map((route) => ({
        name: `${route.method} ${route.path}`,
        method: route.method,
        path: fill(route.path),
      }));
      const guesses = [
        ['GET', '/api/newsletter/subscribers'],
        ['GET', '/api/newsletter/subscribers/1'],
        ['GET', `/api/newsletter/subscribers/${A.documentId}`],
        ['GET', '/api/subscribers'],
        ['GET', '/api/newsletter/issues'],
        ['GET', `/api/newsletter/issues/${issue.documentId}`],
        ['GET', '/api/issues'],
        ['GET', '/api/newsletter/deliveries'],
        ['GET', '/api/deliveries'],
        ['GET', '/api/newsletter/outbox'],
        ['GET', '/api/outbox-mails'],
        ['GET', '/api/newsletter/suppressions'],
        ['GET', '/api/suppressions'],
        ['GET', '/api/employer-check/submissions'],
        ['GET', '/api/submissions'],
        ['GET', '/api/employer-check/statistics'],
        ['GET', '/api/employer-check/questionnaires'],
        ['GET', '/api/employer-check/questions'],
        ['POST', '/api/newsletter/issues'],
        ['DELETE', `/api/newsletter/subscribers/${A.documentId}`],
        ['GET', '/newsletter/subscribers'],
        ['GET', '/newsletter/subscribers/export'],
        ['GET', `/newsletter/subscribers/${A.documentId}/data`],
        ['GET', '/newsletter/issues'],
        ['GET', `/newsletter/issues/${issue.documentId}/progress`],
        ['GET', '/employer-check/statistics'],
        ['GET', '/employer-check/statistics/export'],
        ['GET', '/content-manager/collection-types/plugin::newsletter.subscriber'],
        ['GET', '/content-manager/collection-types/plugin::employer-check.submission'],
      ].map(([method, p]) => ({ name: `${method} ${p} (guessed)`, method, path: p }));
      const privateAnswers = [];
      for (const probe of [...probes, ...guesses]) {
        const response = await call(
          probe.method,
          probe.path,
          probe.method === 'GET' || probe.method === 'DELETE' ? {} : { body: { data: {} } }
        );
        const body = parseJson(response.text);
        const hasData = body && body.data !== undefined && body.data !== null;
        const leaked = leakNeedles.filter((needle) => response.text?.includes(needle));
        privateAnswers.push({
          ...probe,
          status: response.status,
          ok: [401, 403, 404, 405].includes(response.status) && !hasData && leaked.length === 0,
        });
      }
      const expectedPublic = [
        'offer',
        'practice-example',
        'employer-tip',
        'municipality',
        'field-of-action',
        'organisation',
      ].flatMap((name) => [`api::${name}.${name}.find`, `api::${name}.${name}.findOne`]);
      const extraPublic = publicActions.filter((action) => !expectedPublic.includes(action));
      const pluginTypeRoutes = routes.filter(
        (route) =>
          /subscriber|deliver|outbox|suppression|questionnaires|questions|dimension/i.test(
            route.path
          ) ||
          (/newsletter\/issues/.test(route.path) && !route.path.endsWith('/web')) ||
          (/submissions$/.test(route.path) && route.method === 'GET')
      );
      const badPrivate = privateAnswers.filter((answer) => !answer.ok);
      figures.notPublic = countBy(privateAnswers, (answer) => answer.status);
      c.check(
        'every other content-API route, and guessed ones, answer 401/403/404/405 without data',
        badPrivate.length === 0 && extraPublic.length === 0 && pluginTypeRoutes.length === 0,
        `${probes.length} routes of the server + ${guesses.length} guessed: ${JSON.stringify(figures.notPublic)}; ` +
          `Public role: ${publicActions.length} actions${extraPublic.length ? `, UNEXPECTED ${extraPublic.join(', ')}` : ' (find/findOne of the six types)'}; ` +
          `content-API routes of the plugins' private types: ${pluginTypeRoutes.length}` +
          (badPrivate.length
            ? `; FAILED: ${badPrivate.map((answer) => `${answer.name} → ${answer.status}`).join(', ')}`
            : '')
      );

      // ---------------------------------------------------------------- rate limits
      const limits = [];
      const limited = publicRoutes.filter(
        (route) =>
          route.path.startsWith('/api/newsletter') || route.path.startsWith('/api/employer-check')
      );
      for (const route of limited) {
        // the click redirect allows ten times the newsletter's limit (shared office networks)
        const max = route.path.startsWith('/api/newsletter/r/')
          ? 200
          : route.path.startsWith('/api/newsletter')
            ? 20
            : 60;
        const address = nextAddress();
        const answers = [];
        for (let i = 0; i <= max; i += 1) {
          // the body and (for :token routes) the path stay malformed and change each time: the
          // limit must hold for the client, not per body or per token
          // (on /links a well-formed reference of no check, so each request reaches the lookup)
          const target = route.path.replace(':id', `x${i}`).replace(':token', `junk${i}`);
          const reference = `hostile-reference-${String(i).padStart(4, '0')}`;
          const query = route.path.endsWith('/links') ? `reference=${reference}` : `token=junk${i}`;
          const response = await call(
            route.method,
            target.includes('?') ? target : `${target}?${query}`,
            {
              address,
              ...(route.method === 'GET' || route.method === 'DELETE'
                ? {}
                : { body: { email: `x${i}@${DOMAIN}`, junk: i, reference } }),
            }
          );
          answers.push(response);
        }
        const last = answers[answers.length - 1];
        limits.push({
          route: `${route.method} ${route.path}`,
          max,
          limitedBefore: answers.slice(0, max).filter((response) => response.status === 429).length,
          last: last.status,
          retryAfter: last.headers?.['retry-after'] ?? null,
          serverErrors: answers.filter((response) => response.status >= 500).length,
        });
      }
      const badLimits = limits.filter(
        (entry) => entry.last !== 429 || entry.limitedBefore > 0 || entry.serverErrors > 0
      );
      figures.rateLimits = limits;
      c.check(
        'rate limits: 429 after the limit per IP, also with a new body or token each time',
        limits.length > 0 && badLimits.length === 0,
        `${limits.length} routes: ${limits.filter((entry) => entry.last === 429).length} answered 429 after ${[...new Set(limits.map((entry) => entry.max))].join('/')} requests` +
          (badLimits.length
            ? `; NOT LIMITED: ${badLimits.map((entry) => `${entry.route} → ${entry.last}`).join(', ')}`
            : '')
      );

      // ---------------------------------------------------------------- no address revealed
      const probeAddresses = {
        new: `neu-${crypto.randomBytes(3).toString('hex')}@${DOMAIN}`,
        pending: C.email,
        active: B.email,
        'active, other case': B.email.toUpperCase(),
        unsubscribed: D.email,
        erased: E.email,
      };
      const subscribeAnswers = [];
      for (const [state, email] of Object.entries(probeAddresses)) {
        const response = await call('POST', '/api/newsletter/subscribe', {
          body: { email, topics: ['offers'], consent: true },
        });
        subscribeAnswers.push({ state, status: response.status, text: response.text });
      }
      const distinctAnswers = new Set(
        subscribeAnswers.map((answer) => `${answer.status}|${answer.text}`)
      );
      c.check(
        'subscribe answers the same for new, pending, active, unsubscribed and erased addresses',
        distinctAnswers.size === 1 && subscribeAnswers[0].status === 202,
        subscribeAnswers.map((answer) => `${answer.state} ${answer.status}`).join(', ') +
          (distinctAnswers.size === 1 ? ', identical bodies' : ', BODIES DIFFER')
      );

      // ---------------------------------------------------------------- the link removed
      // by whoever holds the reference (result page), then the subscriber's own removal page
      const referenceQuery = `reference=${encodeURIComponent(complete.token)}`;
      const removal = await call('DELETE', `/api/newsletter/links?${referenceQuery}`);
      const afterRemoval = parseJson(
        (await call('GET', `/api/newsletter/links?${referenceQuery}`)).text
      )?.data;
      const unlinkPage = await call('POST', '/api/newsletter/preferences/unlink', {
        raw: `token=${encodeURIComponent(F.manageToken)}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      });
      const unlinkUnescaped = unescaped(unlinkPage.text ?? '');
      const linksLeft = Number((await knex('newsletter_links').count('* as n'))[0].n);
      c.check(
        'personal tips: the link goes by its reference and from the preferences page (escaped)',
        removal.status === 200 &&
          parseJson(removal.text)?.data?.removed === 1 &&
          afterRemoval?.linked === 'none' &&
          unlinkPage.status === 200 &&
          /Verknüpfung ist gelöst/.test(unlinkPage.text ?? '') &&
          unlinkUnescaped.length === 0 &&
          linksLeft === 0,
        `DELETE by reference ${removal.status} ${removal.text?.slice(0, 80)}; status then ${afterRemoval?.linked}; ` +
          `unlink page ${unlinkPage.status}${unlinkUnescaped.length ? `, UNESCAPED ${unlinkUnescaped.join(', ')}` : ', none unescaped'}; links left ${linksLeft}`
      );

      figures.summary =
        `${outcomes.length} malformed requests on ${publicRoutes.length} public routes: ${JSON.stringify(statuses)}; ` +
        `${failures.length} failed; rows ${total(before)} → ${total(after)}; ${probes.length + guesses.length} private routes refused; ` +
        `${limits.length} rate limits`;
    } finally {
      if (server) await server.stop().catch(() => undefined);
      await mail.close().catch(() => undefined);
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
