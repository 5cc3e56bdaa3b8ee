import request from 'supertest';
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

describe('newsletter dispatch: exactly once, under concurrency and crashes', () => {
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
    const received = receivedPerAddress(sink.mails, issue.documentId);
    expect(received.size).toBe(400);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    const owners = new Set((await deliveriesOf(issue.id)).map((d: { status: string }) => d.status));
    expect([...owners]).toEqual(['sent']);
  });

  it('a dispatcher stopped mid-send, and a new one started, resume without duplicates', async () => {
    const sink = getMailSink();
    const issue = await prepareIssue(admin, 'stop', 300);
    await startWithoutLoop(issue.id);
    sink.clear();
    let accepted = 0;
    const first = createDispatcher(getStrapi(), {
      owner: 'first',
      hooks: {
        afterAccepted: () => {
          accepted += 1;
          if (accepted === 120) void first.stop();
        },
      },
    });
    await first.runLoop(issue.id);
    const partial = await first.counts(issue.id);
    expect(partial.sent).toBeGreaterThan(0);
    expect(partial.pending).toBeGreaterThan(0);

    const second = createDispatcher(getStrapi(), { owner: 'second' });
    await second.runLoop(issue.id);
    await waitForStatus(issue.documentId, ['sent']);
    const received = receivedPerAddress(sink.mails, issue.documentId);
    expect(received.size).toBe(300);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
  });

  it('after a crash (no flush, leases left) the next dispatcher takes over expired leases; duplicates stay within the documented bound', async () => {
    const sink = getMailSink();
    const strapi = getStrapi();
    const issue = await prepareIssue(admin, 'crash', 300);
    await startWithoutLoop(issue.id);
    sink.clear();
    let accepted = 0;
    const crashing = createDispatcher(strapi, {
      owner: 'crashing',
      hooks: {
        afterAccepted: () => {
          accepted += 1;
          if (accepted === 150) throw new Error('simulated kill -9');
        },
      },
    });
    await expect(crashing.runLoop(issue.id)).rejects.toThrow('simulated kill -9');
    const leased = (await strapi.db.query(DELIVERY).findMany({
      where: { issueId: issue.id, status: 'sending' },
      select: ['id'],
    })) as { id: number }[];
    expect(leased.length).toBeGreaterThan(0);

    // A new dispatcher cannot take live leases …
    const successor = createDispatcher(strapi, { owner: 'successor' });
    const early = await successor.claim(issue.id, 1000);
    const leasedIds = new Set(leased.map((row) => row.id));
    expect(early.filter((row) => leasedIds.has(row.id))).toEqual([]);
    await strapi.db
      .connection(strapi.db.metadata.get(DELIVERY).tableName)
      .whereIn(
        'id',
        early.map((row) => row.id)
      )
      .update({ status: 'pending', lease_owner: null, lease_until: null, attempts: 0 });
    // … only expired ones.
    await strapi.db
      .connection(strapi.db.metadata.get(DELIVERY).tableName)
      .where({ issue_id: issue.id, status: 'sending' })
      .update({ lease_until: Date.now() - 1 });
    await successor.runLoop(issue.id);
    await waitForStatus(issue.documentId, ['sent']);

    const received = receivedPerAddress(sink.mails, issue.documentId);
    expect(received.size).toBe(300);
    const duplicates = [...received.values()].filter((n) => n > 1).length;
    const { batchSize, flushSize } = strapi.config.get('plugin::newsletter.dispatch') as {
      batchSize: number;
      flushSize: number;
    };
    expect(duplicates).toBeLessThanOrEqual(Math.min(batchSize, accepted));
    expect(duplicates).toBeLessThan(flushSize + 1 + batchSize);
    expect([...received.values()].every((n) => n <= 2)).toBe(true);
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
