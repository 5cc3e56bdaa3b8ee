/**
 * Scenario "cluster": nginx (docs/nginx-site.conf) load-balancing two Strapi instances on one
 * PostgreSQL database, uploads on S3-compatible storage (s3rver in this process), both schedulers
 * and the monthly digest on. Through the balancer, from visitors' own addresses:
 * - subscribe and confirm, the requests landing on different instances;
 * - a self-check saved as a draft on one instance and resumed and completed on the other;
 * - a rate limit that holds in total (both instances count in the shared store);
 * - a file uploaded through the admin API on one instance, its URL read on the other;
 * - the digest created once, although both instances' timers fire;
 * - one issue sent to the audience with both instances sending, one killed (kill -9) mid-send:
 *   every subscriber receives it, repeats within SENDING.md's bound for one crashed instance.
 *
 * PostgreSQL only: several instances share a PostgreSQL database.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { simpleParser } = require('mailparser');
const S3rver = require('s3rver');
const { createChecks, compareWithSink } = require('../lib/checks');
const { deliveriesByStatus, insertSubscribers, waitForIssue } = require('../lib/db');
const { nginxMissing, startNginx } = require('../lib/nginx');
const { operator, request } = require('../lib/servers');

const RATE_LIMIT = 6;
const BUCKET = 'cms-uploads';
/** SENDING.md: repeats per crashed instance at most `batchSize` (100). */
const REPEAT_BOUND = 100;

const startS3 = async () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = await server.run();
  return {
    env: {
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_FORCE_PATH_STYLE: 'true',
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
};

/** A small PDF, as a practice example's document (Strapi stores PDFs unchanged; images it may re-encode). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

module.exports = {
  name: 'cluster',
  title: 'nginx balancing two instances on one PostgreSQL database, S3 uploads, one killed',
  postgresOnly: true,
  get skipReason() {
    return (
      nginxMissing() ??
      'PostgreSQL only: several instances share a PostgreSQL database (SQLite runs one instance)'
    );
  },
  get unavailable() {
    return Boolean(nginxMissing()) && !process.env.CI;
  },
  async run({ scale, createDatabase, startSink, startServer, logDir }) {
    const n = Math.max(200, Math.min(scale.subscribers * 2, 2000));
    const c = createChecks();
    const figures = { subscribers: n };
    const db = await createDatabase('cluster');
    const sink = await startSink({ keepMessages: true });
    const s3 = await startS3();
    const servers = [];
    let nginx;
    try {
      const env = {
        ...db.env,
        ...s3.env,
        SMTP_PORT: String(sink.port),
        TRUST_PROXY_HOPS: '1',
        NEWSLETTER_RATE_LIMIT_MAX: String(RATE_LIMIT),
        NEWSLETTER_DIGEST: 'true',
        NEWSLETTER_DIGEST_CRON: '*/3 * * * * *',
      };
      // The first boot creates the schema and seeds; the second starts on the ready database.
      const a = await startServer({ name: 'cluster-a', env });
      servers.push(a);
      const b = await startServer({ name: 'cluster-b', env });
      servers.push(b);
      nginx = await startNginx({ upstreams: [a.port, b.port], prefix: '/bildung', logDir });
      const via = (method, route, options = {}) =>
        request(nginx.url, method, route, { timeoutMs: 30_000, ...options });
      const instanceOf = (port) => (port === a.port ? 'a' : port === b.port ? 'b' : `?${port}`);
      /** Which instances answered the log lines from `from` on whose request matches. */
      const answeredBy = (from, pattern) =>
        nginx
          .requests()
          .slice(from)
          .filter((entry) => pattern.test(entry.request))
          .map((entry) => instanceOf(entry.ports.at(-1)));

      // The digest: both instances' timers fire every 3 s; one draft per day.
      const digestDeadline = Date.now() + 30_000;
      let digests = [];
      while (Date.now() < digestDeadline) {
        digests = await db.knex()('newsletter_issues').whereNotNull('digest_key').select('id');
        if (digests.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await new Promise((resolve) => setTimeout(resolve, 7000)); // at least two more ticks each
      digests = await db
        .knex()('newsletter_issues')
        .whereNotNull('digest_key')
        .select('digest_key');
      c.check(
        'the digest is created once, although both instances run its timer',
        digests.length === 1,
        `${digests.length} digest issue(s) after 7 s more of ticks every 3 s on both (${digests.map((d) => d.digest_key).join(', ')})`
      );

      // Subscribe and confirm through the balancer.
      let mark = nginx.requests().length;
      const email = 'im-verbund@example.org';
      const subscribed = await via('POST', '/api/newsletter/subscribe', {
        body: { email, topics: ['offers'], consent: true },
        localAddress: '127.0.0.2',
      });
      await sink.until(() => sink.messages.some((m) => m.to === email), 20_000);
      const parsed = await simpleParser(sink.messages.find((m) => m.to === email)?.raw ?? '');
      const token = /\/newsletter\/confirm\?token=(\S+)/.exec(String(parsed.text))?.[1];
      const confirmPage = await via('GET', `/api/newsletter/confirm?token=${token}`, {
        headers: { Accept: 'text/html' },
        localAddress: '127.0.0.2',
      });
      const formToken = /name="token" value="([^"]+)"/.exec(confirmPage.text ?? '')?.[1];
      const confirmed = await via('POST', '/api/newsletter/confirm', {
        rawBody: `token=${encodeURIComponent(formToken ?? '')}`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
        localAddress: '127.0.0.2',
      });
      const row = await db
        .knex()('newsletter_subscribers')
        .where({ email })
        .first('status', 'consent_ip', 'confirm_ip');
      const flow = answeredBy(mark, /newsletter\/(subscribe|confirm)/);
      c.check(
        'subscribe and confirm work with the requests on different instances',
        subscribed.status === 202 &&
          confirmPage.status === 200 &&
          confirmed.status === 200 &&
          row?.status === 'active' &&
          row?.consent_ip === '127.0.0.2' &&
          row?.confirm_ip === '127.0.0.2' &&
          new Set(flow).size === 2,
        `subscribe ${subscribed.status}, confirm page ${confirmPage.status}, confirm ${confirmed.status}; answered by ${flow.join(' → ')}; status ${row?.status}, consent/confirm IP ${row?.consent_ip}/${row?.confirm_ip}`
      );

      // A self-check draft saved on one instance, resumed and completed on the other.
      mark = nginx.requests().length;
      const questionnaire = (await via('GET', '/api/employer-check/questionnaire')).body?.data;
      const questions = questionnaire?.questions ?? [];
      const half = Object.fromEntries(questions.slice(0, 5).map((q) => [q.id, 4]));
      const all = Object.fromEntries(questions.map((q) => [q.id, 3]));
      const profile = { sector: 'C', sizeClass: 'small', trainsApprentices: true };
      const draft = await via('POST', '/api/employer-check/submissions', {
        body: { profile, answers: half, complete: false },
        localAddress: '127.0.0.3',
      });
      const checkToken = draft.body?.token;
      const resumed = await via('GET', `/api/employer-check/submissions/${checkToken}`, {
        localAddress: '127.0.0.3',
      });
      const completed = await via('PUT', `/api/employer-check/submissions/${checkToken}`, {
        body: { profile, answers: all, complete: true },
        localAddress: '127.0.0.3',
      });
      const checkFlow = answeredBy(mark, /employer-check\/submissions/);
      const resumedAnswers = Object.keys(
        resumed.body?.answers ?? resumed.body?.data?.answers ?? {}
      );
      c.check(
        'a self-check saved as a draft on one instance is resumed and completed on the other',
        draft.status === 201 &&
          resumed.status === 200 &&
          resumedAnswers.length === Object.keys(half).length &&
          completed.status === 200 &&
          new Set(checkFlow).size === 2,
        `draft ${draft.status}, resumed ${resumed.status} with ${resumedAnswers.length} of ${Object.keys(half).length} answers, completed ${completed.status}; answered by ${checkFlow.join(' → ')}`
      );

      // The rate limit holds in total: both instances count in the shared store.
      mark = nginx.requests().length;
      const statuses = [];
      for (let i = 0; i < RATE_LIMIT + 3; i += 1) {
        const response = await via('POST', '/api/newsletter/subscribe', {
          body: { email: `verbund${i}@example.org`, topics: ['offers'], consent: true },
          localAddress: '127.0.0.4',
        });
        statuses.push(response.status);
      }
      const limitFlow = answeredBy(mark, /newsletter\/subscribe/);
      const allowed = statuses.filter((status) => status === 202).length;
      c.check(
        `the rate limit holds in total across both instances (${RATE_LIMIT}, not ${2 * RATE_LIMIT})`,
        allowed === RATE_LIMIT &&
          statuses.slice(RATE_LIMIT).every((status) => status === 429) &&
          new Set(limitFlow).size === 2,
        `${statuses.join(', ')}; answered by ${limitFlow.join(' ')}`
      );

      // Uploads on S3: through the admin API of one instance, read on the other.
      const adminToken = await operator.registerAdmin(a);
      const form = new FormData();
      form.append('files', new Blob([PDF], { type: 'application/pdf' }), 'praxisbeispiel.pdf');
      const uploaded = await fetch(`${a.url}/upload`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}` },
        body: form,
      });
      const file = (await uploaded.json().catch(() => null))?.[0];
      const read = await b.http('GET', `/upload/files/${file?.id}`, { token: adminToken });
      const fileUrl = read.body?.url;
      const bytes = fileUrl
        ? Buffer.from(await (await fetch(new URL(fileUrl, b.url))).arrayBuffer())
        : Buffer.alloc(0);
      const adminPage = await b.http('GET', '/admin', { headers: { Accept: 'text/html' } });
      const imgSrc = /img-src ([^;]+)/.exec(
        adminPage.headers['content-security-policy'] ?? ''
      )?.[1];
      c.check(
        'a file uploaded on one instance is stored on S3 and read through the other',
        uploaded.status === 201 &&
          read.status === 200 &&
          String(imgSrc).includes(s3.env.S3_ENDPOINT) &&
          String(fileUrl).startsWith(s3.env.S3_ENDPOINT) &&
          bytes.equals(PDF),
        `upload on a ${uploaded.status}, read on b ${read.status}: ${fileUrl} (${bytes.length} of ${PDF.length} bytes equal: ${bytes.equals(PDF)}); CSP img-src ${imgSrc}`
      );

      // The public read cache: an edit through the admin of one instance shows in the cached
      // reads of the other (PostgreSQL LISTEN/NOTIFY), measured from the edit's answer.
      const orgList = '/api/organisations?sort=id:asc&pagination[pageSize]=1';
      await b.http('GET', orgList);
      const cachedOnB = await b.http('GET', orgList);
      const org = cachedOnB.body?.data?.[0];
      const renamed = `${org?.name} (geändert)`;
      const edit = await a.http(
        'PUT',
        `/content-manager/collection-types/api::organisation.organisation/${org?.documentId}`,
        { token: adminToken, body: { name: renamed } }
      );
      const editedAt = Date.now();
      let seenAfterMs = null;
      let lastCache = null;
      while (Date.now() - editedAt < 5000) {
        const read = await b.http('GET', orgList);
        lastCache = read.headers['x-read-cache'];
        if (read.body?.data?.[0]?.name === renamed) {
          seenAfterMs = Date.now() - editedAt;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      figures.readCacheSeenAfterMs = seenAfterMs;
      c.check(
        'an edit on one instance is seen by cached reads on the other within 1 s',
        cachedOnB.headers['x-read-cache'] === 'hit' &&
          edit.status === 200 &&
          seenAfterMs !== null &&
          seenAfterMs <= 1000,
        `read on b before: ${cachedOnB.headers['x-read-cache']}; edit on a ${edit.status}; b showed the new name after ${seenAfterMs ?? '> 5000'} ms (${lastCache})`
      );

      // One issue to the audience, both instances sending, one killed mid-send.
      const emails = await insertSubscribers(db.knex(), n, { prefix: 'verbund' });
      const audience = [...emails, email];
      const issue = await operator.createIssue(a, adminToken, 'Fehlerprobe: Verbund');
      const killAt = Math.floor(n / 3);
      let killed = null;
      const before = sink.total();
      sink.onAccepted = (_rcpt, total) => {
        if (!killed && total - before >= killAt) {
          killed = { at: total - before };
          a.kill('SIGKILL');
        }
      };
      await operator.schedule(b, adminToken, issue.documentId, new Date(Date.now() + 3000));
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 240_000 + n * 60);
      sink.onAccepted = null;
      const { missing, duplicated, extraMessages } = compareWithSink(sink, audience);
      const deliveries = await deliveriesByStatus(db.knex(), final.id);
      Object.assign(figures, {
        killedAfter: killed?.at ?? null,
        repeats: extraMessages,
        deliveries,
      });
      c.check(
        'with one instance killed mid-send, every subscriber receives the issue',
        final.status === 'sent' && missing.length === 0 && killed !== null,
        `issue ${final.status}; instance a killed after ${killed?.at} messages; ${audience.length - missing.length} of ${audience.length} received`
      );
      c.check(
        `repeats within SENDING.md's bound for one crashed instance (≤ ${REPEAT_BOUND})`,
        extraMessages <= REPEAT_BOUND,
        `${extraMessages} repeated messages (${duplicated.length} recipients)`
      );
      c.check(
        'the counters equal the delivery rows',
        final.sent === (deliveries.sent ?? 0) && final.failed === (deliveries.failed ?? 0),
        `issue sent ${final.sent}/failed ${final.failed}; rows ${JSON.stringify(deliveries)}`
      );
      const afterKill = await via('GET', '/api/offers?pagination[pageSize]=1');
      c.check(
        'the balancer keeps answering with one instance dead',
        afterKill.status === 200,
        `GET /api/offers through nginx after the kill: ${afterKill.status}`
      );
      figures.summary = `${n} subscribers; a killed after ${killed?.at} messages; ${extraMessages} repeats; ${nginx.requests().length} requests through nginx`;
    } finally {
      await nginx?.stop();
      for (const server of servers) await server.stop().catch(() => undefined);
      await s3.close();
      await sink.close();
      await db.drop();
    }
    return { checks: c.checks, figures };
  },
};
