/**
 * Scenario 4: the SMTP server disappears for a while in the middle of a send (FAULT_SMTP_DOWN_SECONDS,
 * default 60): the sink stops listening AND drops its open connections at once, then listens again
 * on the same port. Invariants:
 * - while it is down nothing is lost: the issue stays "sending" (it would pause only after
 *   `unreachablePauseSeconds`, 600 s by default), the failed messages go back to pending without
 *   using an attempt, the loop waits with back-off (0.5 → 15 s);
 * - after it returns the send completes by itself: everybody exactly once, every delivery with
 *   1 attempt, counters = delivery rows = sink.
 */
const { createChecks, compareWithSink, seconds } = require('../lib/checks');
const {
  insertSubscribers,
  waitForIssue,
  deliveriesByStatus,
  issueRow,
  TABLES,
} = require('../lib/db');
const { operator } = require('../lib/servers');

module.exports = {
  name: 'smtp-down',
  title: 'SMTP gone in the middle of a send, then back',
  async run({ scale, createDatabase, startSink, startServer }) {
    const n = scale.subscribers;
    const downMs = scale.smtpDownSeconds * 1000;
    const c = createChecks();
    const figures = { subscribers: n, downSeconds: scale.smtpDownSeconds };
    const db = await createDatabase('down');
    const sink = await startSink();
    const servers = [];
    try {
      const server = await startServer({
        name: 'smtp-down',
        env: { ...db.env, SMTP_PORT: String(sink.port) },
      });
      servers.push(server);
      const token = await operator.registerAdmin(server);
      const emails = await insertSubscribers(db.knex(), n, { prefix: 'ausfall' });
      const issue = await operator.createIssue(server, token, 'Fehlerprobe: Mailserver weg');

      const downAt = Math.max(1, Math.floor(n * 0.3) + 37);
      let wentDown = null;
      sink.onAccepted = (_rcpt, total) => {
        if (wentDown === null && total >= downAt) {
          // after this callback, so the 250 of the message just accepted is on its way
          wentDown = new Promise((resolve) => setImmediate(resolve))
            .then(() => sink.down())
            .then(() => Date.now());
        }
      };
      await operator.send(server, token, issue.documentId);
      if (!(await sink.until(() => wentDown !== null, 120_000 + n * 20))) {
        throw new Error('the send did not reach the point where SMTP goes down');
      }
      const downSince = await wentDown;
      sink.onAccepted = null;
      const acceptedBeforeDown = sink.total();

      // While it is down: sample the issue; it must keep "sending".
      const statuses = new Set();
      let maxAttempts = 0;
      while (Date.now() - downSince < downMs) {
        const row = await issueRow(db.knex(), issue.documentId);
        statuses.add(row.status);
        await new Promise((resolve) => setTimeout(resolve, Math.min(2000, downMs / 5)));
      }
      const during = await deliveriesByStatus(
        db.knex(),
        (await issueRow(db.knex(), issue.documentId)).id
      );
      maxAttempts = Number(
        (await db.knex()(TABLES.deliveries).max({ m: 'attempts' }).first())?.m ?? 0
      );
      const acceptedWhileDown = sink.total() - acceptedBeforeDown;
      await sink.up();
      const upAt = Date.now();
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 180_000 + n * 40);
      const doneAt = Date.now();
      const firstAfterUp = sink.acceptedAt[acceptedBeforeDown]?.[0];

      const rows = await db
        .knex()(TABLES.deliveries)
        .where('issue_id', final.id)
        .select('attempts')
        .count({ n: '*' })
        .groupBy('attempts');
      const attempts = Object.fromEntries(rows.map((row) => [row.attempts, Number(row.n)]));
      const deliveries = await deliveriesByStatus(db.knex(), final.id);
      const { missing, duplicated } = compareWithSink(sink, emails);
      Object.assign(figures, {
        acceptedBeforeDown,
        droppedConnections: sink.events.dropped,
        statusesWhileDown: [...statuses],
        deliveriesWhileDown: during,
        maxAttemptsWhileDown: maxAttempts,
        resumedAfterUpSeconds: firstAfterUp ? (firstAfterUp - upAt) / 1000 : null,
        finishedAfterUpSeconds: (doneAt - upAt) / 1000,
        attempts,
        messages: sink.total(),
        duplicates: duplicated.length,
        missing: missing.length,
      });
      c.check(
        'waits while SMTP is down (no pause, nothing lost)',
        statuses.size === 1 && statuses.has('sending') && acceptedWhileDown === 0,
        `down ${seconds(downMs)} after ${acceptedBeforeDown} messages (${sink.events.dropped} connections dropped); issue ${[...statuses].join('/')}, deliveries ${JSON.stringify(during)}`
      );
      c.check(
        'completes after SMTP returns',
        final.status === 'sent' && missing.length === 0,
        `first message ${figures.resumedAfterUpSeconds?.toFixed(1)} s after it returned, "sent" after ${figures.finishedAfterUpSeconds.toFixed(1)} s; ${sink.distinct()} of ${n} received`
      );
      c.check(
        'no duplicates',
        duplicated.length === 0 && sink.total() === n,
        `${duplicated.length} duplicates, ${sink.total()} messages for ${n} subscribers`
      );
      c.check(
        'unreachable does not use attempts',
        Object.keys(attempts).length === 1 && attempts[1] === n,
        `attempts per delivery: ${JSON.stringify(attempts)}`
      );
      c.check(
        'counters = delivery rows = sink',
        final.sent === n &&
          (deliveries.sent ?? 0) === n &&
          final.recipients === n &&
          final.failed === 0,
        `sent ${final.sent}, rows ${JSON.stringify(deliveries)}, sink ${sink.distinct()}`
      );
      figures.summary =
        `down after ${acceptedBeforeDown} messages for ${seconds(downMs)}; resumed ${figures.resumedAfterUpSeconds?.toFixed(1)} s after it returned, ` +
        `done ${figures.finishedAfterUpSeconds.toFixed(1)} s after; ${duplicated.length} duplicates`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
