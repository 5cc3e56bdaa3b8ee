/**
 * Scenario 1: kill -9 in the middle of a send, start the server again.
 *
 * One Strapi sends an issue to N subscribers; when the sink has accepted ~40 % of them the process
 * gets SIGKILL (no shutdown hook, no flush, leases left behind). At that moment the parent reads
 * which deliveries are written as "sent". A new process on the same database resumes through the
 * scheduler tick once the dead leases expire. Invariants:
 * - every subscriber ends with at least one message, and only those the killed process had
 *   handed to SMTP without writing "sent" can get a second one (the window, measured exactly);
 * - that window stays within the documented bound (plugins/newsletter/SENDING.md, "Guarantee");
 * - "sent" is never written for a message the sink did not accept;
 * - the issue ends "sent" with counters equal to the delivery rows; nothing pending or leased.
 */
const { createChecks, compareWithSink, seconds } = require('../lib/checks');
const {
  deliveriesByStatus,
  insertSubscribers,
  issueRow,
  waitForIssue,
  TABLES,
} = require('../lib/db');
const { operator } = require('../lib/servers');

const BATCH_SIZE = 100; // dispatch.batchSize (default)
const TYPICAL_BOUND = 20 + 2 * 5; // flushSize + messages in flight (twice the SMTP pool; defaults)

module.exports = {
  name: 'crash',
  title: 'kill -9 mid-send, restart',
  async run({ scale, createDatabase, startSink, startServer }) {
    const n = scale.subscribers;
    const c = createChecks();
    const figures = { subscribers: n };
    const db = await createDatabase('crash');
    const sink = await startSink();
    const servers = [];
    try {
      const env = { ...db.env, SMTP_PORT: String(sink.port) };
      const first = await startServer({ name: 'crash-1', env });
      servers.push(first);
      const token = await operator.registerAdmin(first);
      const emails = await insertSubscribers(db.knex(), n, { prefix: 'absturz' });
      const issue = await operator.createIssue(first, token, 'Fehlerprobe: Absturz beim Versand');

      // 40 % in, off the batch boundaries (batches of 100), so a batch is half done.
      const killAt = Math.max(1, Math.floor(n * 0.4) + 37);
      let killedAt = null;
      sink.onAccepted = (_rcpt, total) => {
        if (killedAt === null && total >= killAt) {
          killedAt = Date.now();
          first.kill('SIGKILL');
        }
      };
      const sendStarted = Date.now();
      await operator.send(first, token, issue.documentId);
      const exit = await Promise.race([
        first.exited,
        new Promise((resolve) => setTimeout(() => resolve(null), 120_000 + n * 20)),
      ]);
      if (!exit) throw new Error('the send did not reach the kill point');
      sink.onAccepted = null;
      figures.killedAfterSeconds = (killedAt - sendStarted) / 1000;

      // What the dead process left behind.
      const row = await issueRow(db.knex(), issue.documentId);
      const atKill = await deliveriesByStatus(db.knex(), row.id);
      const sentRows = await db
        .knex()(TABLES.deliveries)
        .where({ issue_id: row.id, status: 'sent' })
        .pluck('email');
      const received = new Set(sink.accepted.keys());
      const sentSet = new Set(sentRows.map((email) => email.toLowerCase()));
      const window = [...received].filter((address) => !sentSet.has(address));
      const sentWithoutAccept = [...sentSet].filter((address) => !received.has(address));
      Object.assign(figures, {
        acceptedAtKill: sink.total(),
        sentRowsAtKill: atKill.sent ?? 0,
        leasedRowsAtKill: atKill.sending ?? 0,
        pendingRowsAtKill: atKill.pending ?? 0,
        acceptedNotWritten: window.length,
      });
      c.check(
        '"sent" only after the SMTP server accepted',
        sentWithoutAccept.length === 0,
        `${sentSet.size} rows "sent" at the kill, ${sentWithoutAccept.length} of them not received`
      );
      c.check(
        'killed mid-send',
        row.status === 'sending' && (atKill.pending ?? 0) > 0,
        `issue "${row.status}", ${sink.total()} of ${n} received, ${atKill.pending ?? 0} pending, ${atKill.sending ?? 0} leased`
      );

      // Restart: the tick resumes the issue once the dead process's leases expired.
      const restartAt = Date.now();
      const second = await startServer({ name: 'crash-2', env });
      servers.push(second);
      const readyAt = Date.now();
      const totalBefore = sink.total();
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 180_000 + n * 40);
      const doneAt = Date.now();
      const firstAfter = sink.acceptedAt[totalBefore]?.[0];
      Object.assign(figures, {
        restartBootSeconds: (readyAt - restartAt) / 1000,
        resumedAfterSeconds: firstAfter ? (firstAfter - readyAt) / 1000 : null,
        finishedAfterRestartSeconds: (doneAt - readyAt) / 1000,
      });

      const { missing, duplicated, extraMessages } = compareWithSink(sink, emails);
      const outsideWindow = duplicated.filter((address) => !window.includes(address.toLowerCase()));
      const deliveries = await deliveriesByStatus(db.knex(), final.id);
      Object.assign(figures, {
        messages: sink.total(),
        duplicates: duplicated.length,
        missing: missing.length,
        deliveries,
      });
      c.check(
        'every subscriber received the issue',
        missing.length === 0 && sink.distinct() === n,
        `${sink.distinct()} of ${n} received, ${missing.length} missing`
      );
      c.check(
        'repeats only from the accepted-but-not-written window',
        outsideWindow.length === 0,
        `${duplicated.length} duplicates (${extraMessages} extra messages), window ${window.length}, ${outsideWindow.length} outside it`
      );
      c.check(
        `duplicates within the bound (≤ batchSize ${BATCH_SIZE}; typically ≤ ${TYPICAL_BOUND})`,
        duplicated.length <= BATCH_SIZE,
        `${duplicated.length}`
      );
      c.check(
        'issue "sent", nothing pending or leased',
        final.status === 'sent' && !deliveries.pending && !deliveries.sending,
        `status "${final.status}", deliveries ${JSON.stringify(deliveries)}`
      );
      c.check(
        'counters = delivery rows = sink',
        final.recipients === n &&
          final.sent === (deliveries.sent ?? 0) &&
          final.sent === n &&
          final.failed === 0 &&
          final.skipped === 0,
        `recipients ${final.recipients}, sent ${final.sent}, failed ${final.failed}, skipped ${final.skipped}; rows sent ${deliveries.sent ?? 0}; sink ${sink.distinct()} distinct`
      );
      figures.summary =
        `killed at ${figures.acceptedAtKill}/${n} (${seconds(killedAt - sendStarted)} in); ` +
        `${figures.sentRowsAtKill} written "sent", ${figures.leasedRowsAtKill} leased; ` +
        `window ${window.length}; resumed ${figures.resumedAfterSeconds?.toFixed(1)} s after restart, ` +
        `done after ${figures.finishedAfterRestartSeconds.toFixed(1)} s; ${duplicated.length} duplicates`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
