/**
 * Scenario 2: two Strapi processes on one PostgreSQL database, both with the scheduler on; one
 * issue is scheduled a few seconds ahead. Both ticks see it due: the status compare-and-set lets
 * one start it, and both resume it ("sending") and claim batches (FOR UPDATE SKIP LOCKED, leases).
 * Invariants: each subscriber receives the issue exactly once; both processes sent a share; the
 * issue ends "sent" with counters equal to the delivery rows and the sink.
 *
 * PostgreSQL only: SQLite is a single file with one writer, and the app runs one process on it
 * (several instances are a PostgreSQL deployment).
 */
const { createChecks, compareWithSink } = require('../lib/checks');
const { deliveriesByStatus, insertSubscribers, waitForIssue } = require('../lib/db');
const { operator } = require('../lib/servers');

module.exports = {
  name: 'two-instances',
  title: 'two servers, one PostgreSQL database, one scheduled issue',
  postgresOnly: true,
  skipReason:
    'PostgreSQL only: SQLite is one file with a single writer and is run with one server process; several instances share a PostgreSQL database',
  async run({ scale, createDatabase, startSink, startServer }) {
    const n = scale.subscribers;
    const c = createChecks();
    const figures = { subscribers: n };
    const db = await createDatabase('two');
    const sink = await startSink();
    const servers = [];
    try {
      const env = { ...db.env, SMTP_PORT: String(sink.port) };
      // The first boot creates the schema and seeds; the second starts on the ready database.
      const a = await startServer({ name: 'two-a', env });
      servers.push(a);
      const b = await startServer({ name: 'two-b', env });
      servers.push(b);
      const token = await operator.registerAdmin(a);
      const emails = await insertSubscribers(db.knex(), n, { prefix: 'zwei' });
      const issue = await operator.createIssue(a, token, 'Fehlerprobe: zwei Server');
      const at = new Date(Date.now() + 5000);
      await operator.schedule(b, token, issue.documentId, at);
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 180_000 + n * 40);
      const doneAt = Date.now();
      const [statsA, statsB] = [await a.stats(), await b.stats()];

      const { missing, duplicated } = compareWithSink(sink, emails);
      const deliveries = await deliveriesByStatus(db.knex(), final.id);
      const firstAccepted = sink.acceptedAt[0]?.[0];
      Object.assign(figures, {
        sentByA: statsA.issueMails,
        sentByB: statsB.issueMails,
        startedAfterScheduledSeconds: firstAccepted ? (firstAccepted - at.getTime()) / 1000 : null,
        sendSeconds: firstAccepted ? (doneAt - firstAccepted) / 1000 : null,
        messages: sink.total(),
        duplicates: duplicated.length,
        missing: missing.length,
        deliveries,
      });
      c.check(
        'each subscriber received it exactly once',
        missing.length === 0 && duplicated.length === 0 && sink.total() === n,
        `${sink.distinct()} of ${n} received, ${sink.total()} messages, ${duplicated.length} duplicates, ${missing.length} missing`
      );
      c.check(
        'both servers worked the issue',
        statsA.issueMails > 0 &&
          statsB.issueMails > 0 &&
          statsA.issueMails + statsB.issueMails === n,
        `server A ${statsA.issueMails}, server B ${statsB.issueMails} messages`
      );
      c.check(
        'issue "sent", counters = delivery rows = sink',
        final.status === 'sent' &&
          final.recipients === n &&
          final.sent === n &&
          (deliveries.sent ?? 0) === n &&
          !deliveries.pending &&
          !deliveries.sending,
        `status "${final.status}", recipients ${final.recipients}, sent ${final.sent}; rows ${JSON.stringify(deliveries)}`
      );
      figures.summary =
        `started ${figures.startedAfterScheduledSeconds?.toFixed(1)} s after the scheduled time, ` +
        `${n} messages in ${figures.sendSeconds?.toFixed(1)} s (A ${statsA.issueMails}, B ${statsB.issueMails}), 0 duplicates expected, ${duplicated.length} found`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
