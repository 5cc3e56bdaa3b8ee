/**
 * Scenario: the database refuses the sender's writes again and again while an issue goes out,
 * and no process dies.
 *
 * One server sends an issue to N subscribers. While the sink receives, the runner interrupts the
 * database five times, spread over the send (after 10, 25, 40, 55 and 70 % of the messages):
 * - PostgreSQL: for 1.5 s every session of the server is terminated every 25 ms
 *   (`pg_terminate_backend`): statements in flight fail, the pool reconnects and is cut off again;
 * - SQLite: this process holds the write lock (`BEGIN IMMEDIATE`) for 1.5 s, six times the
 *   server's busy timeout (DATABASE_BUSY_TIMEOUT_MS=250 here): its writes fail with SQLITE_BUSY.
 * Invariants (SENDING.md): every subscriber receives the issue; no repeats at all (nobody
 * crashed, and every interruption is shorter than the lease); the issue's counters equal its
 * delivery rows; nothing stays leased; the server's log shows the failed writes it retried.
 */
const fs = require('fs');
const { createChecks, compareWithSink } = require('../lib/checks');
const { deliveriesByStatus, insertSubscribers, waitForIssue } = require('../lib/db');
const { operator } = require('../lib/servers');

const SHARES = [0.1, 0.25, 0.4, 0.55, 0.7];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the server logged about failed bookkeeping writes (lines of send-batch.ts). */
const writeFailures = (logFile) => {
  const log = fs.readFileSync(logFile, 'utf8');
  const count = (pattern) => (log.match(pattern) ?? []).length;
  return {
    sentWrites: count(/writing "sent" failed, will retry/g),
    otherWrites: count(/writing (?!"sent")[^\n]* failed, will retry/g),
    renewals: count(/the lease could not be renewed/g),
    loopStatements: count(/\[newsletter\] issue \d+: [^\n]*\(attempt \d+ of \d+\)/g),
  };
};

module.exports = {
  name: 'db-errors',
  title: 'database refuses writes repeatedly during a send (no crash)',
  async run({ scale, createDatabase, startSink, startServer }) {
    const n = scale.subscribers;
    const c = createChecks();
    const figures = { subscribers: n };
    const db = await createDatabase('dberrors');
    const sink = await startSink();
    const servers = [];
    try {
      const server = await startServer({
        name: 'db-errors',
        env: {
          ...db.env,
          SMTP_PORT: String(sink.port),
          DATABASE_BUSY_TIMEOUT_MS: '250',
          DATABASE_CONNECTION_TIMEOUT: '5000',
        },
      });
      servers.push(server);
      const token = await operator.registerAdmin(server);
      const emails = await insertSubscribers(db.knex(), n, { prefix: 'dbfehler' });
      const issue = await operator.createIssue(server, token, 'Fehlerprobe: Datenbankfehler');

      const interruptions = [];
      const sendStarted = Date.now();
      await operator.send(server, token, issue.documentId);
      for (const share of SHARES) {
        const at = Math.floor(n * share);
        const deadline = Date.now() + 120_000 + n * 20;
        while (sink.total() < at && Date.now() < deadline) await sleep(20);
        if (sink.total() < at) throw new Error(`the send did not reach ${at} messages`);
        const started = Date.now();
        const effect = await db.interrupt();
        interruptions.push({ atMessage: sink.total(), ms: Date.now() - started, ...effect });
      }
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 180_000 + n * 40);
      const doneAt = Date.now();
      await sleep(500);

      const { missing, duplicated, extraMessages } = compareWithSink(sink, emails);
      const deliveries = await deliveriesByStatus(db.knex(), final.id);
      const failures = writeFailures(server.logFile);
      Object.assign(figures, {
        interruptions,
        sendSeconds: (doneAt - sendStarted) / 1000,
        messages: sink.total(),
        duplicates: duplicated.length,
        missing: missing.length,
        deliveries,
        failedWritesRetried: failures,
      });
      c.check(
        'the interruptions hit the sender',
        interruptions.length === SHARES.length &&
          failures.sentWrites + failures.otherWrites + failures.renewals + failures.loopStatements >
            0,
        `${interruptions.length} interruptions (${interruptions.map((i) => i.terminatedSessions ?? `${i.writeLockMs} ms lock`).join(', ')}${db.kind === 'postgres' ? ' sessions terminated' : ''}); server retried ${failures.sentWrites} "sent" writes, ${failures.otherWrites} other writes, ${failures.renewals} renewals, ${failures.loopStatements} loop statements`
      );
      c.check(
        'every subscriber received the issue',
        missing.length === 0 && sink.distinct() === n,
        `${sink.distinct()} of ${n} received, ${missing.length} missing`
      );
      c.check(
        'no repeats without a crash',
        duplicated.length === 0 && sink.total() === n,
        `${sink.total()} messages, ${duplicated.length} duplicates (${extraMessages} extra)`
      );
      c.check(
        'issue "sent", counters = delivery rows = sink, nothing leased',
        final.status === 'sent' &&
          final.recipients === n &&
          final.sent === (deliveries.sent ?? 0) &&
          final.failed === (deliveries.failed ?? 0) &&
          final.skipped === (deliveries.skipped ?? 0) &&
          final.sent === n &&
          !deliveries.pending &&
          !deliveries.sending,
        `status "${final.status}", recipients ${final.recipients}, sent ${final.sent}, failed ${final.failed}, skipped ${final.skipped}; rows ${JSON.stringify(deliveries)}`
      );
      figures.summary =
        `${interruptions.length} interruptions; ${failures.sentWrites} "sent" writes, ${failures.otherWrites} other writes and ${failures.renewals} renewals failed and were retried; ` +
        `${n} messages in ${figures.sendSeconds.toFixed(1)} s, ${duplicated.length} duplicates`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
