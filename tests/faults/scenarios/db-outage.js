/**
 * Scenario 5: the database is unavailable for a moment (FAULT_DB_OUTAGE_SECONDS, default 5)
 * while visitors subscribe to the newsletter (POST /api/newsletter/subscribe) and companies send
 * self-checks (POST /api/employer-check/submissions). Four clients keep sending, each request
 * from its own loopback address (127.0.x.y, as many visitors would; per-IP rate limits stay out of
 * the way). The outage is real: PostgreSQL `ALLOW_CONNECTIONS false` + `pg_terminate_backend` of
 * every session; SQLite an exclusive lock held by this process longer than the server's busy
 * timeout (DATABASE_BUSY_TIMEOUT_MS=250 and DATABASE_CONNECTION_TIMEOUT=2000 here, so a request
 * gives up quickly instead of after the defaults of 5 s per statement and a minute for a pooled
 * connection). Invariants:
 * - every answer is a success or a clear 503: Strapi's error body, name ServiceUnavailableError,
 *   a German message, Retry-After; never a 500;
 * - nothing half-written: every stored subscriber has its confirmation time and exactly one outbox
 *   row; every 202 address is stored; the self-check rows are exactly the 201 answers (each token
 *   reads back);
 * - the server works again afterwards (the pool recovers without a restart);
 * - concurrent subscribes of one new address: one row, one outbox row, all 202.
 */
const { createChecks, seconds } = require('../lib/checks');
const { TABLES } = require('../lib/db');

const DOMAIN = 'ausfall.example.org';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = {
  name: 'db-outage',
  title: 'database unavailable during subscribe and self-check',
  async run({ scale, createDatabase, startSink, startServer }) {
    const outageMs = scale.dbOutageSeconds * 1000;
    const c = createChecks();
    const figures = { outageSeconds: scale.dbOutageSeconds };
    const db = await createDatabase('outage');
    const sink = await startSink();
    const servers = [];
    try {
      const server = await startServer({
        name: 'db-outage',
        env: {
          ...db.env,
          SMTP_PORT: String(sink.port),
          // SQLite: a statement waits 250 ms for a lock, then fails with SQLITE_BUSY (the wait
          // blocks the whole process: better-sqlite3 is synchronous); PostgreSQL/SQLite: a
          // request waits at most 2 s for a pooled connection.
          DATABASE_BUSY_TIMEOUT_MS: '250',
          DATABASE_CONNECTION_TIMEOUT: '2000',
        },
      });
      servers.push(server);

      const questionnaire = (await server.http('GET', '/api/employer-check/questionnaire')).body
        .data;
      const answers = Object.fromEntries(
        questionnaire.questions.map((question, index) => [question.id, (index % 5) + 1])
      );
      let sequence = 0;
      const results = [];
      const address = (index) => `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
      const subscribe = async (phase) => {
        const i = sequence++;
        const email = `kunde${i}@${DOMAIN}`;
        const startedAt = Date.now();
        const response = await server.http('POST', '/api/newsletter/subscribe', {
          body: { email, topics: ['offers'], consent: true },
          localAddress: address(i % 2000),
          timeoutMs: 60_000,
        });
        results.push({ kind: 'subscribe', phase, key: email, startedAt, response });
        return response;
      };
      const submit = async (phase) => {
        const i = sequence++;
        const startedAt = Date.now();
        const response = await server.http('POST', '/api/employer-check/submissions', {
          body: {
            profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true },
            answers,
            complete: true,
            consentStatistics: true,
          },
          localAddress: address(i % 2000),
          timeoutMs: 60_000,
        });
        results.push({
          kind: 'submission',
          phase,
          key: response.body?.token ?? null,
          startedAt,
          response,
        });
        return response;
      };
      const ok = { subscribe: 202, submission: 201 };

      // Before: everything works.
      for (let i = 0; i < 5; i += 1) {
        await subscribe('before');
        await submit('before');
      }

      // During: four clients keep going while the database goes away and comes back.
      let running = true;
      const worker = async (index) => {
        while (running) {
          if (index % 2 === 0) await subscribe('load');
          else await submit('load');
          await sleep(20);
        }
      };
      const workers = [0, 1, 2, 3].map(worker);
      await sleep(2000);
      const outageStart = Date.now();
      const detail = await db.unavailable();
      // One probe per route while it is away (besides the clients' load).
      await sleep(Math.min(300, outageMs / 4));
      const probes = Promise.all([subscribe('probe'), submit('probe')]);
      await sleep(outageMs - (Date.now() - outageStart));
      await db.available();
      const outageEnd = Date.now();
      await sleep(4000);
      running = false;
      await Promise.all(workers);
      const [probeSubscribe, probeSubmission] = await probes;

      // After: the pool has recovered, without a restart.
      const after = [];
      for (let i = 0; i < 10; i += 1) {
        after.push(await subscribe('after'));
        after.push(await submit('after'));
      }

      // Concurrent subscribes of one new address.
      const raceEmail = `gleichzeitig@${DOMAIN}`;
      const race = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          server.http('POST', '/api/newsletter/subscribe', {
            body: { email: raceEmail, topics: ['offers', 'employer-tips'], consent: true },
            localAddress: `127.0.9.${i + 1}`,
          })
        )
      );

      // What the database holds.
      await db.reconnect();
      const knex = db.knex();
      const subscribers = await knex(TABLES.subscribers)
        .where('email', 'like', `%@${DOMAIN}`)
        .select('email', 'document_id', 'status', 'last_confirmation_sent_at');
      const outbox = await knex(TABLES.outbox).select('subscriber_document_id');
      const outboxCount = new Map();
      for (const row of outbox) {
        outboxCount.set(
          row.subscriber_document_id,
          (outboxCount.get(row.subscriber_document_id) ?? 0) + 1
        );
      }
      const stored = new Map(subscribers.map((row) => [row.email, row]));
      const halfWritten = subscribers.filter(
        (row) => !row.last_confirmation_sent_at || outboxCount.get(row.document_id) !== 1
      );
      const orphanOutbox = outbox.filter(
        (row) => !subscribers.some((s) => s.document_id === row.subscriber_document_id)
      );
      const submissionRows = Number((await knex(TABLES.submissions).count({ n: '*' }).first()).n);

      const byKind = (kind) => results.filter((entry) => entry.kind === kind);
      const statusCounts = (entries) =>
        entries.reduce((acc, entry) => {
          acc[entry.response.status] = (acc[entry.response.status] ?? 0) + 1;
          return acc;
        }, {});
      const unavailable = results.filter((entry) => entry.response.status === 503);
      const unexpected = results.filter(
        (entry) => entry.response.status !== 503 && entry.response.status !== ok[entry.kind]
      );
      const badBodies = unavailable.filter(
        (entry) =>
          entry.response.body?.error?.name !== 'ServiceUnavailableError' ||
          entry.response.body?.error?.status !== 503 ||
          entry.response.body?.data !== null ||
          !/vorübergehend nicht erreichbar/.test(entry.response.body?.error?.message ?? '') ||
          !/^\d+$/.test(String(entry.response.headers?.['retry-after'] ?? ''))
      );
      const acceptedSubscribes = byKind('subscribe').filter(
        (entry) => entry.response.status === 202
      );
      const notStored = acceptedSubscribes.filter((entry) => !stored.has(entry.key));
      const storedAfter503 = byKind('subscribe').filter(
        (entry) => entry.response.status === 503 && stored.has(entry.key)
      );
      const created = byKind('submission').filter((entry) => entry.response.status === 201);
      const unreadable = [];
      for (const [index, entry] of created.entries()) {
        const read = await server.http('GET', `/api/employer-check/submissions/${entry.key}`, {
          localAddress: `127.0.10.${1 + (index % 250)}`,
        });
        if (read.status !== 200) unreadable.push(read.status);
      }
      const firstSuccessAfter = results
        .filter((entry) => entry.response.status === ok[entry.kind] && entry.startedAt >= outageEnd)
        .sort((a, b) => a.startedAt - b.startedAt)[0];
      const slowest503 = Math.max(0, ...unavailable.map((entry) => entry.response.ms));
      const reasons = unavailable.reduce((acc, entry) => {
        const reason = entry.response.body?.error?.details?.reason ?? '?';
        acc[reason] = (acc[reason] ?? 0) + 1;
        return acc;
      }, {});
      const startedDuring = results.filter(
        (entry) => entry.startedAt >= outageStart && entry.startedAt < outageEnd
      );
      const raceRows = subscribers.filter((row) => row.email === raceEmail);

      Object.assign(figures, {
        outage: detail,
        requests: results.length,
        subscribe: statusCounts(byKind('subscribe')),
        submission: statusCounts(byKind('submission')),
        slowest503Ms: slowest503,
        reasons503: reasons,
        startedDuringOutage: statusCounts(startedDuring),
        firstSuccessAfterOutageMs: firstSuccessAfter
          ? firstSuccessAfter.startedAt + firstSuccessAfter.response.ms - outageEnd
          : null,
        subscribersStored: subscribers.length,
        storedAfter503: storedAfter503.length,
        submissionRows,
        submissionsCreated: created.length,
      });

      c.check(
        'success or 503, never anything else',
        unexpected.length === 0,
        `subscribe ${JSON.stringify(figures.subscribe)}, self-check ${JSON.stringify(figures.submission)}` +
          (unexpected.length
            ? `; unexpected: ${unexpected
                .slice(0, 3)
                .map(
                  (entry) =>
                    `${entry.response.status} ${entry.response.error ?? entry.response.text?.slice(0, 200)}`
                )
                .join(' / ')}`
            : '')
      );
      c.check(
        'both routes answer 503 while the database is away',
        probeSubscribe.status === 503 && probeSubmission.status === 503,
        `probes: subscribe ${probeSubscribe.status} after ${probeSubscribe.ms} ms, self-check ${probeSubmission.status} after ${probeSubmission.ms} ms; ` +
          `${startedDuring.length} requests started during ${seconds(outageMs)}: ${JSON.stringify(figures.startedDuringOutage)}; 503 reasons ${JSON.stringify(reasons)}`
      );
      c.check(
        '503 is clear: ServiceUnavailableError, German message, Retry-After',
        unavailable.length > 0 && badBodies.length === 0,
        `${unavailable.length - badBodies.length} of ${unavailable.length} well-formed; Retry-After ${unavailable[0]?.response.headers?.['retry-after'] ?? '–'} s; slowest 503 after ${slowest503} ms`
      );
      c.check(
        'no half-written subscription',
        halfWritten.length === 0 && orphanOutbox.length === 0 && notStored.length === 0,
        `${subscribers.length} stored, ${halfWritten.length} without confirmation time/outbox row, ${orphanOutbox.length} orphan outbox rows, ${notStored.length} accepted but missing; ${storedAfter503.length} stored although answered 503`
      );
      c.check(
        'self-check rows = 201 answers (no orphan rows)',
        submissionRows === created.length && unreadable.length === 0,
        `${submissionRows} rows, ${created.length} answered 201, ${unreadable.length} tokens not readable${unreadable.length ? ` (${[...new Set(unreadable)].join(', ')})` : ''}`
      );
      const succeededAfter = after.filter(
        (response) => response.status === 202 || response.status === 201
      ).length;
      c.check(
        'works again afterwards (same process, pool recovered)',
        server.alive && succeededAfter === after.length,
        `process ${server.alive ? 'alive' : 'DIED'}; ${succeededAfter} of ${after.length} requests after the outage succeeded; first success ${figures.firstSuccessAfterOutageMs} ms after the database returned`
      );
      c.check(
        'concurrent subscribes of one address: one row, one mail queued',
        race.every((response) => response.status === 202) &&
          raceRows.length === 1 &&
          outboxCount.get(raceRows[0]?.document_id) === 1,
        `${race.filter((response) => response.status === 202).length} of 8 answered 202, ${raceRows.length} row, ${outboxCount.get(raceRows[0]?.document_id) ?? 0} outbox row`
      );
      figures.summary =
        `${results.length} requests; database out ${seconds(outageMs)}: ${unavailable.length} × 503 (slowest ${slowest503} ms), ` +
        `0 × 500 expected, ${unexpected.length} found; first success ${figures.firstSuccessAfterOutageMs} ms after it returned`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
