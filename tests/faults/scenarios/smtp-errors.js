/**
 * Scenario 3: an SMTP server that answers `451 4.3.0` to 10 % of the messages (seeded random, at
 * most 3 times per recipient), `550 5.1.1` (mailbox does not exist) at RCPT for 0.5 % of the
 * addresses and `554 5.7.1` (policy) for 0.1 %. Invariants:
 * - everybody else receives the issue exactly once (the 451s are retried with back-off);
 * - 5.1.1 addresses: delivery "failed" with code 550 and the subscriber "bounced"; other 5xx:
 *   "failed" with its code, the subscriber stays active;
 * - each delivery's attempts = 1 + the 451s the sink gave that recipient;
 * - the issue's counters = the delivery rows = the sink.
 */
const { createChecks, compareWithSink } = require('../lib/checks');
const { insertSubscribers, waitForIssue, deliveriesByStatus, TABLES } = require('../lib/db');
const { operator } = require('../lib/servers');

module.exports = {
  name: 'smtp-errors',
  title: 'SMTP answers 451 to 10 % and 550 5.1.1 to some addresses',
  async run({ scale, createDatabase, startSink, startServer }) {
    const n = scale.subscribers;
    const c = createChecks();
    const figures = { subscribers: n };
    const db = await createDatabase('smtp');
    const prefix = 'fehler';
    const domain = 'faults.example.org';
    const address = (i) => `${prefix}${i}@${domain}`;
    // every 200th address does not exist, every 1000th (offset) is refused by policy
    const unknown = [];
    const refusedByPolicy = [];
    for (let i = 0; i < n; i += 1) {
      if (i % 200 === 17) unknown.push(address(i));
      else if (i % 1000 === 503) refusedByPolicy.push(address(i));
    }
    const reject = new Map([
      ...unknown.map((email) => [email, 550]),
      ...refusedByPolicy.map((email) => [email, 554]),
    ]);
    const sink = await startSink({ deferShare: 0.1, maxDeferrals: 3, seed: 8, reject });
    const servers = [];
    try {
      const server = await startServer({
        name: 'smtp-errors',
        env: { ...db.env, SMTP_PORT: String(sink.port) },
      });
      servers.push(server);
      const token = await operator.registerAdmin(server);
      const emails = await insertSubscribers(db.knex(), n, { prefix, domain });
      const deliverable = emails.filter((email) => !reject.has(email));
      const issue = await operator.createIssue(server, token, 'Fehlerprobe: Mailserver-Antworten');
      const started = Date.now();
      await operator.send(server, token, issue.documentId);
      const final = await waitForIssue(db, issue.documentId, ['sent', 'paused'], 300_000 + n * 40);
      figures.sendSeconds = (Date.now() - started) / 1000;

      const knex = db.knex();
      const rows = await knex(TABLES.deliveries)
        .where('issue_id', final.id)
        .select('email', 'status', 'attempts', 'smtp_code');
      const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row]));
      const subscribers = new Map(
        (
          await knex(TABLES.subscribers)
            .whereIn('email', [...unknown, ...refusedByPolicy])
            .select('email', 'status', 'bounce_count')
        ).map((row) => [row.email, row])
      );
      const deliveries = await deliveriesByStatus(knex, final.id);
      const { missing, duplicated } = compareWithSink(sink, deliverable);
      const deferredMessages = sink.sumOf(sink.deferred);
      const deferredRecipients = [...sink.deferred.keys()].filter((email) => !reject.has(email));
      const attemptsMismatch = deliverable.filter(
        (email) => Number(byEmail.get(email)?.attempts) !== 1 + (sink.deferred.get(email) ?? 0)
      );
      const deliveredAfterDeferral = deferredRecipients.filter(
        (email) => sink.accepted.get(email) === 1
      );
      const unknownWrong = unknown.filter((email) => {
        const row = byEmail.get(email);
        return (
          row?.status !== 'failed' ||
          Number(row.smtp_code) !== 550 ||
          subscribers.get(email)?.status !== 'bounced' ||
          sink.accepted.has(email)
        );
      });
      const policyWrong = refusedByPolicy.filter((email) => {
        const row = byEmail.get(email);
        return (
          row?.status !== 'failed' ||
          Number(row.smtp_code) !== 554 ||
          subscribers.get(email)?.status !== 'active' ||
          sink.accepted.has(email)
        );
      });
      const messagesTried = sink.total() + deferredMessages;
      Object.assign(figures, {
        messagesAccepted: sink.total(),
        answered451: deferredMessages,
        share451: deferredMessages / messagesTried,
        recipientsDeferred: deferredRecipients.length,
        unknownMailboxes: unknown.length,
        refusedByPolicy: refusedByPolicy.length,
        deliveries,
        issue: {
          sent: final.sent,
          failed: final.failed,
          skipped: final.skipped,
          recipients: final.recipients,
        },
      });

      c.check(
        'all others delivered exactly once',
        missing.length === 0 && duplicated.length === 0,
        `${deliverable.length - missing.length} of ${deliverable.length} delivered, ${duplicated.length} duplicates, ${missing.length} missing`
      );
      c.check(
        '451 retried until delivered',
        deferredRecipients.length > 0 &&
          deliveredAfterDeferral.length === deferredRecipients.length,
        `${deferredMessages} answers 451 (${((100 * deferredMessages) / messagesTried).toFixed(1)} % of ${messagesTried} messages) to ${deferredRecipients.length} recipients, all delivered later`
      );
      c.check(
        'attempts = 1 + 451s of that recipient',
        attemptsMismatch.length === 0,
        `${attemptsMismatch.length} deliveries differ`
      );
      c.check(
        '550 5.1.1 → failed and subscriber bounced',
        unknownWrong.length === 0,
        `${unknown.length} addresses, ${unknownWrong.length} not failed/550/bounced`
      );
      c.check(
        '554 5.7.1 → failed, subscriber stays active',
        policyWrong.length === 0,
        `${refusedByPolicy.length} addresses, ${policyWrong.length} wrong`
      );
      c.check(
        'issue "sent", counters = delivery rows = sink',
        final.status === 'sent' &&
          final.sent === (deliveries.sent ?? 0) &&
          final.sent === sink.distinct() &&
          final.sent === deliverable.length &&
          final.failed === (deliveries.failed ?? 0) &&
          final.failed === unknown.length + refusedByPolicy.length &&
          final.recipients === n &&
          !deliveries.pending &&
          !deliveries.sending,
        `status "${final.status}", sent ${final.sent} / rows ${deliveries.sent ?? 0} / sink ${sink.distinct()}; failed ${final.failed} / rows ${deliveries.failed ?? 0} / refused ${unknown.length + refusedByPolicy.length}; recipients ${final.recipients}`
      );
      figures.summary =
        `${n} subscribers: ${sink.distinct()} delivered, ${deferredMessages} × 451 (${(100 * figures.share451).toFixed(1)} %), ` +
        `${unknown.length} × 550 5.1.1 (bounced), ${refusedByPolicy.length} × 554 5.7.1; done in ${figures.sendSeconds.toFixed(1)} s`;
    } finally {
      for (const server of servers) await server.stop().catch(() => undefined);
      await sink.close();
      await db.drop().catch(() => undefined);
    }
    return { checks: c.checks, figures };
  },
};
