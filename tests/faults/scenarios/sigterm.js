/**
 * Scenario: two servers on one PostgreSQL database send an issue; one gets SIGTERM mid-send (a
 * deployment, `systemctl stop`, a container stop) and shuts down gracefully through Strapi's
 * signal handler (`strapi.destroy()`).
 *
 * The lease is 60 s here (the production default), so waiting for it would show. Invariants
 * (SENDING.md, "Graceful stop"): the stopped server writes what SMTP accepted and gives its other
 * claims back before it exits (none of its leases remain); the other server finishes the issue
 * without taking over a single expired lease (every delivery's `takeovers` is 0) and well within
 * one lease period; every subscriber exactly once; counters = delivery rows = sink.
 */
const { createChecks, compareWithSink } = require('../lib/checks');
const { deliveriesByStatus, insertSubscribers, waitForIssue, TABLES } = require('../lib/db');
const { operator } = require('../lib/servers');

const LEASE_SECONDS = 60;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = {
  name: 'sigterm',
  title: 'SIGTERM to one of two servers mid-send',
  postgresOnly: true,
  skipReason:
    'PostgreSQL only: two servers on one database (SQLite is run with one server process); the graceful stop itself is tested on both databases in tests/integration',
  async run({ scale, createDatabase, startSink, startServer }) {
    const n = scale.subscribers;
    const c = createChecks();
    const figures = { subscribers: n, leaseSeconds: LEASE_SECONDS };
    const db = await createDatabase('sigterm');
    const sink = await startSink();
    const servers = [];
    try {
      const env = {
        ...db.env,
        SMTP_PORT: String(sink.port),
        NEWSLETTER_DISPATCH_LEASE_SECONDS: String(LEASE_SECONDS),
      };
      const a = await startServer({ name: 'sigterm-a', env });
      servers.push(a);
      const b = await startServer({ name: 'sigterm-b', env });
      servers.push(b);
      const token = await operator.registerAdmin(b);
      const emails = await insertSubscribers(db.knex(), n, { prefix: 'sigterm' });
      const issue = await operator.createIssue(b, token, 'Fehlerprobe: SIGTERM beim Versand');
      await operator.send(a, token, issue.documentId);

      // Both servers are sending (B joins through its tick), A has sent a good share.
      const deadline = Date.now() + 120_000 + n * 20;
      for (;;) {
        const [statsA, statsB] = [await a.stats(), await b.stats()];
        if (statsA.issueMails > 0 && statsB.issueMails > 0 && sink.total() >= n * 0.3) break;
        if (Date.now() > deadline) throw new Error('both servers did not start sending');
        await sleep(50);
      }
      const before = await a.stats();
      const signalledAt = Date.now();
      a.kill('SIGTERM');
      const exit = await Promise.race([a.exited, sleep(60_000).then(() => null)]);
      const exitedAt = Date.now();
      if (!exit) throw new Error('the server did not exit within 60 s of SIGTERM');
      const leftLeased = Number(
        (
          await db
            .knex()(TABLES.deliveries)
            .where({ status: 'sending' })
            .andWhere('lease_owner', 'like', `%:${a.pid}:%`)
            .count({ n: '*' })
        )[0].n
      );
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 180_000 + n * 40);
      const doneAt = Date.now();
      await sleep(500);

      const { missing, duplicated } = compareWithSink(sink, emails);
      const deliveries = await deliveriesByStatus(db.knex(), final.id);
      const takenOver = Number(
        (
          await db
            .knex()(TABLES.deliveries)
            .where({ issue_id: final.id })
            .andWhere('takeovers', '>', 0)
            .count({ n: '*' })
        )[0].n
      );
      const statsB = await b.stats();
      Object.assign(figures, {
        acceptedBeforeSignal: before.issueMails,
        exit,
        exitSeconds: (exitedAt - signalledAt) / 1000,
        leasesLeftByStoppedServer: leftLeased,
        takenOver,
        finishedAfterSignalSeconds: (doneAt - signalledAt) / 1000,
        sentByB: statsB.issueMails,
        messages: sink.total(),
        duplicates: duplicated.length,
        missing: missing.length,
        deliveries,
      });
      c.check(
        'the stopped server exited gracefully and left no lease behind',
        exit.code === 0 && leftLeased === 0,
        `exit ${JSON.stringify(exit)} after ${figures.exitSeconds.toFixed(1)} s; ${leftLeased} rows still leased by it`
      );
      c.check(
        'the other server finished without waiting for a lease',
        final.status === 'sent' &&
          takenOver === 0 &&
          figures.finishedAfterSignalSeconds < LEASE_SECONDS,
        `finished ${figures.finishedAfterSignalSeconds.toFixed(1)} s after SIGTERM (lease ${LEASE_SECONDS} s); ${takenOver} deliveries taken over`
      );
      c.check(
        'each subscriber received it exactly once',
        missing.length === 0 && duplicated.length === 0 && sink.total() === n,
        `${sink.distinct()} of ${n} received, ${sink.total()} messages, ${duplicated.length} duplicates, ${missing.length} missing`
      );
      c.check(
        'counters = delivery rows = sink, nothing leased',
        final.recipients === n &&
          final.sent === n &&
          (deliveries.sent ?? 0) === n &&
          !deliveries.pending &&
          !deliveries.sending,
        `recipients ${final.recipients}, sent ${final.sent}; rows ${JSON.stringify(deliveries)}`
      );
      figures.summary =
        `SIGTERM after ${before.issueMails} messages from A (A exited in ${figures.exitSeconds.toFixed(1)} s, ${leftLeased} leases left); ` +
        `B finished ${figures.finishedAfterSignalSeconds.toFixed(1)} s after the signal, ${takenOver} takeovers, ${duplicated.length} duplicates`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
