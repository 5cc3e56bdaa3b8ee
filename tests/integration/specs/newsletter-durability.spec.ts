import request from 'supertest';
import {
  createDeliveryStore,
  type DeliveryStore,
} from '../../../plugins/newsletter/server/src/dispatch/deliveries';
import { TAKEOVER_REASON } from '../../../plugins/newsletter/server/src/dispatch/send-batch';
import type { OutgoingMail } from '../../../plugins/newsletter/server/src/mail/transport';
import { createDispatcher } from '../../../plugins/newsletter/server/src/services/dispatcher';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import {
  DELIVERY,
  ISSUE,
  SUBSCRIBER,
  createSubscribers,
  deliveriesOf,
  receivedPerAddress,
  retireAllSubscribers,
  waitForStatus,
} from '../../helpers/newsletter';

const server = () => getStrapi().server.httpServer;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh issue (draft) with the proposed items and `count` new active subscribers. */
const prepareIssue = async (admin: string, prefix: string, count: number) => {
  await retireAllSubscribers();
  await createSubscribers(
    Array.from({ length: count }, (_, i) => ({
      email: `${prefix}${i}@durable.example.org`,
      topics: ['offers'],
    }))
  );
  const offers = (await getStrapi()
    .documents('api::offer.offer')
    .findMany({
      status: 'published',
      filters: { offerType: 'ausbildungsplatz' },
      limit: 3,
    } as never)) as unknown as {
    documentId: string;
  }[];
  const response = await request(server())
    .post('/newsletter/issues')
    .set('Authorization', `Bearer ${admin}`)
    .send({
      subject: `Test ${prefix}`,
      items: offers.map((offer) => ({ section: 'offers', documentId: offer.documentId })),
    })
    .expect(201);
  const issue = await getStrapi()
    .db.query(ISSUE)
    .findOne({ where: { documentId: response.body.data.documentId } });
  return issue as { id: number; documentId: string };
};

const startWithoutLoop = async (issueId: number) => {
  // "sending" without this instance's own loop: the test's dispatchers do the work.
  await getStrapi()
    .db.query(ISSUE)
    .updateMany({ where: { id: issueId }, data: { status: 'sending', startedAt: new Date() } });
};

type NewsletterMailer = { send: (mail: OutgoingMail) => Promise<unknown>; reset: () => void };
const realMailer = () =>
  getStrapi().plugin('newsletter').service('mailer') as unknown as NewsletterMailer;
const dispatchSettings = () =>
  getStrapi().config.get('plugin::newsletter.dispatch') as {
    batchSize: number;
    flushSize: number;
    leaseSeconds: number;
    maxTakeovers: number;
  };
const storeFor = (owner: string) =>
  createDeliveryStore(getStrapi(), { owner, leaseSeconds: () => dispatchSettings().leaseSeconds });
const deliveryTable = () => getStrapi().db.metadata.get(DELIVERY).tableName;

/**
 * An instance that can be "killed": from `kill()` on, nothing it does reaches the database or
 * the SMTP server any more (every call hangs), as with kill -9; its leases stay behind.
 */
const killable = (owner: string, { killAfterAccepted }: { killAfterAccepted?: number } = {}) => {
  let dead = false;
  let accepted = 0;
  const never = new Promise<never>(() => undefined);
  const real = storeFor(owner);
  const store = Object.fromEntries(
    Object.entries(real).map(([key, value]) => [
      key,
      typeof value === 'function'
        ? (...args: unknown[]) => (dead ? never : (value as (...a: unknown[]) => unknown)(...args))
        : value,
    ])
  ) as unknown as DeliveryStore;
  const mailer = {
    async send(mail: OutgoingMail) {
      if (dead) return never;
      const sent = await realMailer().send(mail);
      accepted += 1;
      if (accepted === killAfterAccepted) dead = true;
      return sent;
    },
  };
  return {
    dispatcher: createDispatcher(getStrapi(), { owner, store, mailer }),
    kill: () => {
      dead = true;
    },
    accepted: () => accepted,
  };
};

/** Leases of dead instances run out (instead of waiting `leaseSeconds`). */
const expireLeases = (issueId: number) =>
  getStrapi()
    .db.connection(deliveryTable())
    .where({ issue_id: issueId, status: 'sending' })
    .update({ lease_until: 0 });

/** The issue's counters next to its delivery rows by status. */
const countersAndRows = async (issueId: number) => {
  const issue = await getStrapi()
    .db.query(ISSUE)
    .findOne({ where: { id: issueId } });
  const rows = (await getStrapi()
    .db.connection(deliveryTable())
    .where('issue_id', issueId)
    .select('status')
    .count({ n: '*' })
    .groupBy('status')) as { status: string; n: number | string }[];
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  return {
    counters: { sent: issue.sent, failed: issue.failed, skipped: issue.skipped },
    rows: {
      sent: byStatus.sent ?? 0,
      failed: byStatus.failed ?? 0,
      skipped: byStatus.skipped ?? 0,
    },
    byStatus,
  };
};

const expectEachOnce = (issueDocumentId: string, count: number) => {
  const received = receivedPerAddress(getMailSink().mails, issueDocumentId);
  expect(received.size).toBe(count);
  expect([...received.entries()].filter(([, n]) => n > 1)).toEqual([]);
};

describe('newsletter dispatch: concurrency, crashes, database errors (at least once, no repeats without a crash)', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await createAdminToken();
  });

  it('two dispatchers working one issue concurrently deliver each message once', async () => {
    const sink = getMailSink();
    const issue = await prepareIssue(admin, 'twin', 400);
    await startWithoutLoop(issue.id);
    sink.clear();
    const a = createDispatcher(getStrapi(), { owner: 'instance-a' });
    const b = createDispatcher(getStrapi(), { owner: 'instance-b' });
    await Promise.all([a.runLoop(issue.id), b.runLoop(issue.id)]);
    await waitForStatus(issue.documentId, ['sent']);
    expectEachOnce(issue.documentId, 400);
    const { counters, rows, byStatus } = await countersAndRows(issue.id);
    expect(byStatus).toEqual({ sent: 400 });
    expect(counters).toEqual(rows);
  });

  it('a graceful stop mid-send writes what SMTP accepted and gives the rest back at once; a new dispatcher finishes without waiting for a lease', async () => {
    const sink = getMailSink();
    const issue = await prepareIssue(admin, 'stop', 300);
    await startWithoutLoop(issue.id);
    sink.clear();
    let accepted = 0;
    let stopped: Promise<void> | null = null;
    const first = createDispatcher(getStrapi(), {
      owner: 'first',
      mailer: {
        async send(mail) {
          const sent = await realMailer().send(mail);
          accepted += 1;
          if (accepted === 120) stopped = first.stop();
          return sent;
        },
      },
    });
    await first.runLoop(issue.id);
    await stopped;
    const atStop = await countersAndRows(issue.id);
    // nothing left leased: the rest went back to pending at once
    expect(atStop.byStatus.sending).toBeUndefined();
    expect(atStop.byStatus.sent).toBe(accepted);
    expect(atStop.counters).toEqual(atStop.rows);
    expect(receivedPerAddress(sink.mails, issue.documentId).size).toBe(accepted);

    const second = createDispatcher(getStrapi(), { owner: 'second' });
    const started = Date.now();
    await second.runLoop(issue.id);
    // the lease is 60 s: finishing well before shows no lease was waited for
    expect(Date.now() - started).toBeLessThan(dispatchSettings().leaseSeconds * 1000);
    await waitForStatus(issue.documentId, ['sent']);
    expectEachOnce(issue.documentId, 300);
    const { counters, rows } = await countersAndRows(issue.id);
    expect(counters).toEqual(rows);
  });

  it('after a crash (nothing more written, leases left) the next dispatcher takes over only expired leases; repeats only what was accepted but not written', async () => {
    const sink = getMailSink();
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'crash', 300);
    await startWithoutLoop(issue.id);
    sink.clear();
    const crashing = killable('crashing', { killAfterAccepted: 150 });
    void crashing.dispatcher.runLoop(issue.id);
    for (let i = 0; i < 600 && crashing.accepted() < 150; i += 1) await sleep(50);
    expect(crashing.accepted()).toBeGreaterThanOrEqual(150);
    await sleep(300);
    const atCrash = await countersAndRows(issue.id);
    expect(atCrash.byStatus.sending).toBeGreaterThan(0);
    expect(atCrash.counters).toEqual(atCrash.rows);
    // accepted by SMTP (the 150 plus those already in flight at the kill) but not written "sent"
    const sentRows = (await strapi.db
      .connection(deliveryTable())
      .where({ issue_id: issue.id, status: 'sent' })
      .pluck('email')) as string[];
    const window = [...receivedPerAddress(sink.mails, issue.documentId).keys()].filter(
      (address) => !sentRows.includes(address)
    );
    expect(window.length).toBeLessThanOrEqual(
      dispatchSettings().flushSize + dispatchSettings().batchSize
    );

    // A new dispatcher cannot take live leases …
    const successor = createDispatcher(strapi, { owner: 'successor' });
    const early = await successor.store.claim(issue.id, 1000);
    const leased = (await strapi.db
      .connection(deliveryTable())
      .where({ issue_id: issue.id, lease_owner: 'crashing', status: 'sending' })
      .pluck('id')) as number[];
    expect(leased.length).toBeGreaterThan(0);
    expect(early.filter((row) => leased.includes(row.id))).toEqual([]);
    await successor.store.release(early.map((row) => row.id));
    // … only expired ones.
    await expireLeases(issue.id);
    await successor.runLoop(issue.id);
    await waitForStatus(issue.documentId, ['sent']);

    const received = receivedPerAddress(sink.mails, issue.documentId);
    expect(received.size).toBe(300);
    const duplicates = [...received.entries()].filter(([, n]) => n > 1).map(([address]) => address);
    expect(duplicates.sort()).toEqual(window.sort());
    expect(duplicates.length).toBeLessThanOrEqual(dispatchSettings().batchSize);
    expect([...received.values()].every((n) => n <= 2)).toBe(true);
    const taken = (await strapi.db
      .connection(deliveryTable())
      .where({ issue_id: issue.id })
      .andWhere('takeovers', '>', 0)
      .count({ n: '*' })) as { n: number | string }[];
    expect(Number(taken[0].n)).toBe(leased.length);
    const { counters, rows } = await countersAndRows(issue.id);
    expect(counters).toEqual(rows);
  });

  it('a "sent" write that fails is kept and written on the next try: no repeats, counters = rows', async () => {
    const issue = await prepareIssue(admin, 'flush', 250);
    await startWithoutLoop(issue.id);
    getMailSink().clear();
    const real = storeFor('flaky-flush');
    let failures = 0;
    const store: DeliveryStore = {
      ...real,
      async markSent(issueId, ids) {
        if (failures < 3) {
          failures += 1;
          throw new Error('Connection terminated unexpectedly');
        }
        return real.markSent(issueId, ids);
      },
    };
    await createDispatcher(getStrapi(), { owner: 'flaky-flush', store }).runLoop(issue.id);
    await waitForStatus(issue.documentId, ['sent']);
    expect(failures).toBe(3);
    expectEachOnce(issue.documentId, 250);
    const { counters, rows, byStatus } = await countersAndRows(issue.id);
    expect(byStatus).toEqual({ sent: 250 });
    expect(counters).toEqual(rows);
  });

  it('a renewal that fails stops the batch at once; the rows go back and are sent once', async () => {
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'renew', 200);
    await startWithoutLoop(issue.id);
    getMailSink().clear();
    const before = dispatchSettings().leaseSeconds;
    // renewals every 200 ms, and messages slow enough that a batch outlives one
    strapi.config.set('plugin::newsletter.dispatch.leaseSeconds', 0.6);
    const real = storeFor('flaky-renew');
    let renewals = 0;
    let failedRenewals = 0;
    // 'failed': from the moment the failed renewal is known until the next claim (the rest of
    // that batch)
    let phase: 'before' | 'failed' | 'after' = 'before';
    let sendsAfterFailure = 0;
    const store: DeliveryStore = {
      ...real,
      async claim(issueId, limit) {
        if (phase === 'failed') phase = 'after';
        return real.claim(issueId, limit);
      },
      async renew(ids) {
        renewals += 1;
        if (renewals === 1) {
          failedRenewals += 1;
          // The batch learns of the failure a few promise reactions after this throw; a send
          // started in between began before the failure was known. Count from the moment
          // every pending reaction has run.
          setImmediate(() => {
            if (phase === 'before') phase = 'failed';
          });
          throw new Error('SQLITE_BUSY: database is locked');
        }
        return real.renew(ids);
      },
    };
    try {
      await createDispatcher(strapi, {
        owner: 'flaky-renew',
        store,
        mailer: {
          async send(mail) {
            if (phase === 'failed') sendsAfterFailure += 1;
            await sleep(15);
            return realMailer().send(mail);
          },
        },
      }).runLoop(issue.id);
    } finally {
      strapi.config.set('plugin::newsletter.dispatch.leaseSeconds', before);
    }
    await waitForStatus(issue.documentId, ['sent']);
    expect(failedRenewals).toBe(1);
    expect(sendsAfterFailure).toBe(0);
    expectEachOnce(issue.documentId, 200);
    const { counters, rows } = await countersAndRows(issue.id);
    expect(counters).toEqual(rows);
    // released rows got their claim's attempt back
    const attempts = (await deliveriesOf(issue.id)).map(
      (row: { attempts: number }) => row.attempts
    );
    expect(Math.max(...attempts)).toBe(1);
  });

  it('a delivery taken over more than maxTakeovers times ends failed with the reason; the issue finishes', async () => {
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'poison', 30);
    await startWithoutLoop(issue.id);
    await createDispatcher(strapi, { owner: 'preparer' }).prepare(issue.id);
    getMailSink().clear();
    const before = dispatchSettings().batchSize;
    strapi.config.set('plugin::newsletter.dispatch.batchSize', 10);
    try {
      // Four instances in a row die while holding the first batch (each takes it over from the
      // one before, once its lease expired).
      const victims: number[] = [];
      for (let round = 0; round <= dispatchSettings().maxTakeovers; round += 1) {
        const dying = killable(`dying-${round}`);
        const claim = dying.dispatcher.store.claim.bind(dying.dispatcher.store);
        const batch = await claim(issue.id, 10);
        expect(batch.map((row) => row.takeovers)).toEqual(Array(10).fill(round));
        if (round === 0) victims.push(...batch.map((row) => row.id));
        else expect(batch.map((row) => row.id)).toEqual(victims);
        dying.kill();
        await expireLeases(issue.id);
      }
      await createDispatcher(strapi, { owner: 'survivor' }).runLoop(issue.id);
    } finally {
      strapi.config.set('plugin::newsletter.dispatch.batchSize', before);
    }
    const done = await waitForStatus(issue.documentId, ['sent']);
    const rows = (await deliveriesOf(issue.id)) as {
      id: number;
      status: string;
      takeovers: number;
      lastError: string | null;
    }[];
    const failed = rows.filter((row) => row.status === 'failed');
    expect(failed).toHaveLength(10);
    expect(failed.every((row) => row.takeovers === 4)).toBe(true);
    expect(failed[0].lastError).toBe(TAKEOVER_REASON(4));
    expect(rows.filter((row) => row.status === 'sent')).toHaveLength(20);
    expect(receivedPerAddress(getMailSink().mails, issue.documentId).size).toBe(20);
    expect(done).toMatchObject({ sent: 20, failed: 10, skipped: 0 });
    const { counters, rows: byRows } = await countersAndRows(issue.id);
    expect(counters).toEqual(byRows);
  });

  it("lease times come from the database's clock, not the process's", async () => {
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'clock', 5);
    await startWithoutLoop(issue.id);
    await createDispatcher(strapi, { owner: 'preparer' }).prepare(issue.id);
    const store = storeFor('clock');
    const skewed = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 3_600_000);
    let claimed;
    try {
      claimed = await store.claim(issue.id, 10);
    } finally {
      skewed.mockRestore();
    }
    expect(claimed).toHaveLength(5);
    const leaseUntil = (await strapi.db
      .connection(deliveryTable())
      .where({ issue_id: issue.id })
      .pluck('lease_until')) as (number | string)[];
    const expected = Date.now() + dispatchSettings().leaseSeconds * 1000;
    for (const value of leaseUntil) expect(Math.abs(Number(value) - expected)).toBeLessThan(5_000);
    await store.release(claimed.map((row) => row.id));
    await strapi.db
      .query(ISSUE)
      .updateMany({ where: { id: issue.id }, data: { status: 'cancelled' } });
  });

  it('4xx is retried, 5xx fails, a 5.1.x hard bounce marks the subscriber bounced', async () => {
    const sink = getMailSink();
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'smtp', 20);
    const refusedOnce = new Set<string>();
    sink.rejectRecipients((address) => {
      if (address === 'smtp1@durable.example.org' && !refusedOnce.has(address)) {
        refusedOnce.add(address);
        return 451;
      }
      if (address === 'smtp2@durable.example.org') return 554;
      if (address === 'smtp3@durable.example.org') return 550;
      return null;
    });
    sink.clear();
    try {
      await startWithoutLoop(issue.id);
      const dispatcher = createDispatcher(strapi, { owner: 'smtp-test' });
      const loop = dispatcher.runLoop(issue.id);
      // the 451 waits for its retry: make it due now
      for (let i = 0; i < 100; i += 1) {
        const retry = await strapi.db
          .query(DELIVERY)
          .findOne({ where: { issueId: issue.id, email: 'smtp1@durable.example.org' } });
        if (retry?.status === 'pending' && retry.attempts === 1) {
          await strapi.db
            .connection(strapi.db.metadata.get(DELIVERY).tableName)
            .where({ id: retry.id })
            .update({ next_attempt_at: Date.now() - 1 });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await loop;
    } finally {
      sink.rejectRecipients(null);
    }
    await waitForStatus(issue.documentId, ['sent']);
    const rows = await deliveriesOf(issue.id);
    const byEmail = Object.fromEntries(
      rows.map((row: Record<string, unknown>) => [row.email, row])
    );
    expect(byEmail['smtp1@durable.example.org']).toMatchObject({ status: 'sent', attempts: 2 });
    expect(byEmail['smtp2@durable.example.org']).toMatchObject({ status: 'failed', smtpCode: 554 });
    expect(byEmail['smtp3@durable.example.org']).toMatchObject({ status: 'failed', smtpCode: 550 });
    const bounced = await strapi.db
      .query(SUBSCRIBER)
      .findOne({ where: { email: 'smtp3@durable.example.org' } });
    expect(bounced).toMatchObject({ status: 'bounced', bounceCount: 1 });
    // the bounce is in the subscriber's history like every other status change
    expect(bounced.history[bounced.history.length - 1]).toMatchObject({
      event: 'bounced',
      issue: issue.documentId,
      smtpCode: 550,
    });
    const notBounced = await strapi.db
      .query(SUBSCRIBER)
      .findOne({ where: { email: 'smtp2@durable.example.org' } });
    expect(notBounced.status).toBe('active');
    const received = receivedPerAddress(sink.mails, issue.documentId);
    expect(received.size).toBe(18);
    const progress = await request(server())
      .get(`/newsletter/issues/${issue.documentId}/progress`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(progress.body.data).toMatchObject({ sent: 18, failed: 2, recipients: 20 });
    expect(progress.body.data.lastError).toBeTruthy();
  });

  it('SMTP unreachable: the send waits and finishes when the server is back', async () => {
    const sink = getMailSink();
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'down', 30);
    await startWithoutLoop(issue.id);
    await sink.stop();
    strapi.plugin('newsletter').service('mailer').reset();
    sink.clear();
    const dispatcher = createDispatcher(strapi, { owner: 'patient' });
    const loop = dispatcher.runLoop(issue.id);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await dispatcher.counts(issue.id)).sent).toBe(0);
    await sink.start();
    await loop;
    await waitForStatus(issue.documentId, ['sent']);
    const received = receivedPerAddress(sink.mails, issue.documentId);
    expect(received.size).toBe(30);
    const rows = await deliveriesOf(issue.id);
    expect(rows.every((row: { attempts: number }) => row.attempts === 1)).toBe(true);
  });

  it('too long unreachable: the issue is paused with the reason; resume finishes it', async () => {
    const sink = getMailSink();
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'pause', 10);
    await startWithoutLoop(issue.id);
    const before = strapi.config.get('plugin::newsletter.dispatch.unreachablePauseSeconds');
    strapi.config.set('plugin::newsletter.dispatch.unreachablePauseSeconds', 1);
    await sink.stop();
    strapi.plugin('newsletter').service('mailer').reset();
    try {
      await createDispatcher(strapi, { owner: 'pauser' }).runLoop(issue.id);
    } finally {
      strapi.config.set('plugin::newsletter.dispatch.unreachablePauseSeconds', before);
      await sink.start();
    }
    const paused = await strapi.db.query(ISSUE).findOne({ where: { id: issue.id } });
    expect(paused.status).toBe('paused');
    expect(paused.pausedReason).toContain('nicht erreichbar');
    const progress = await request(server())
      .get(`/newsletter/issues/${issue.documentId}/progress`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(progress.body.data.pausedReason).toContain('Mailserver');

    await request(server())
      .post(`/newsletter/issues/${issue.documentId}/resume`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    await waitForStatus(issue.documentId, ['sent']);
    expect(receivedPerAddress(sink.mails, issue.documentId).size).toBe(10);
  });
});
