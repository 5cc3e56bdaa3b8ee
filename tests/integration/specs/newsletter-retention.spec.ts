/**
 * Data minimisation with a moved clock: `retention.run(now)` judges by the time it is given.
 * Unconfirmed sign-ups go after 30 days; unsubscribed, bounced and complained addresses after 12
 * months, leaving a keyed hash that keeps imports without new consent out; delivery rows of
 * finished issues after 24 months, while the issue keeps its figures.
 */
import request from 'supertest';
import { createAdminToken, getStrapi } from '../../helpers/strapi';
import { createSubscribers, DELIVERY, ISSUE, SUBSCRIBER } from '../../helpers/newsletter';

const server = () => getStrapi().server.httpServer;
const SUPPRESSION = 'plugin::newsletter.suppression';
const OUTBOX = 'plugin::newsletter.outbox-mail';
const DOMAIN = 'retention.example.org';
const DAY = 86_400_000;

describe('newsletter: retention (data minimisation) with a moved clock', () => {
  let admin: string;
  let saved: unknown;
  const retention = () => getStrapi().plugin('newsletter').service('retention');
  const find = (name: string) =>
    getStrapi()
      .db.query(SUBSCRIBER)
      .findOne({ where: { email: `${name}@${DOMAIN}` } });
  const now = Date.now();

  beforeAll(async () => {
    admin = await createAdminToken();
    saved = getStrapi().config.get('plugin::newsletter.retention');
    getStrapi().config.set('plugin::newsletter.retention', {
      ...(saved as object),
      enabled: true,
    });
    await createSubscribers([
      { email: `pending@${DOMAIN}`, topics: ['offers'], status: 'pending' },
      { email: `active@${DOMAIN}`, topics: ['offers'] },
      { email: `left@${DOMAIN}`, topics: ['offers'], status: 'unsubscribed' },
      { email: `bounced@${DOMAIN}`, topics: ['offers'], status: 'bounced' },
      { email: `complained@${DOMAIN}`, topics: ['offers'], status: 'complained' },
    ]);
    const at = new Date(now);
    await getStrapi()
      .db.query(SUBSCRIBER)
      .updateMany({
        where: { email: { $in: [`left@${DOMAIN}`, `complained@${DOMAIN}`] } },
        data: { unsubscribedAt: at },
      });
    const pending = await find('pending');
    await getStrapi()
      .db.query(OUTBOX)
      .create({
        data: {
          kind: 'confirmation',
          subscriberDocumentId: pending.documentId,
          status: 'sent',
          attempts: 1,
          nextAttemptAt: at,
        },
      });
  });

  afterAll(() => {
    getStrapi().config.set('plugin::newsletter.retention', saved);
  });

  it('today: nothing of this is due', async () => {
    const result = await retention().run(new Date(now));
    expect(result.state).toBe('done');
    for (const name of ['pending', 'active', 'left', 'bounced', 'complained']) {
      expect(await find(name)).toBeTruthy();
    }
  });

  it('after 31 days: the sign-up never confirmed is gone with its mails', async () => {
    const pending = await find('pending');
    const result = await retention().run(new Date(now + 31 * DAY));
    expect(result.pendingDeleted).toBeGreaterThanOrEqual(1);
    expect(await find('pending')).toBeNull();
    expect(
      await getStrapi()
        .db.query(OUTBOX)
        .count({ where: { subscriberDocumentId: pending.documentId } })
    ).toBe(0);
    for (const name of ['active', 'left', 'bounced', 'complained']) {
      expect(await find(name)).toBeTruthy();
    }
  });

  it('after 13 months: left, bounced and complained addresses become keyed hashes', async () => {
    const tokens = getStrapi().plugin('newsletter').service('tokens');
    const result = await retention().run(new Date(now + 396 * DAY));
    expect(result.leftSuppressed).toBeGreaterThanOrEqual(3);
    for (const [name, reason] of [
      ['left', 'unsubscribed'],
      ['bounced', 'bounced'],
      ['complained', 'complained'],
    ]) {
      expect(await find(name)).toBeNull();
      const entry = await getStrapi()
        .db.query(SUPPRESSION)
        .findOne({ where: { addressHash: tokens.addressHash(`${name}@${DOMAIN}`) } });
      expect({ name, reason: entry?.reason }).toEqual({ name, reason });
    }
    expect(await find('active')).toBeTruthy();

    // an import without new consent cannot add them again; with consent after that, it can
    const csv = (consentAt: string) =>
      `email,topics,consentAt\nleft@${DOMAIN},offers,${consentAt}\n`;
    const refused = await request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv(''))
      .expect(200);
    expect(refused.body.data.skipped).toEqual([
      expect.objectContaining({
        email: `left@${DOMAIN}`,
        reason: expect.stringContaining('Aufbewahrungsfrist'),
      }),
    ]);
    // the clock moves back to today: a consent given after the suppression entry counts
    await getStrapi()
      .db.query(SUPPRESSION)
      .updateMany({
        where: { addressHash: tokens.addressHash(`left@${DOMAIN}`) },
        data: { suppressedAt: new Date(Date.now() - 60_000) },
      });
    const later = new Date(Date.now() - 1000).toISOString();
    const accepted = await request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv(later))
      .expect(200);
    expect(accepted.body.data.skipped).toEqual([]);
  });

  it('after 25 months: delivery rows of finished issues go, the issue keeps its figures', async () => {
    const issue = await getStrapi()
      .db.query(ISSUE)
      .create({
        data: {
          subject: 'Alte Ausgabe',
          status: 'sent',
          recipients: 2,
          sent: 2,
          hardBounces: 1,
          finishedAt: new Date(now),
        },
      });
    const active = await find('active');
    await getStrapi()
      .db.query(DELIVERY)
      .createMany({
        data: [
          {
            issueId: issue.id,
            subscriberId: active.id,
            subscriberDocumentId: active.documentId,
            email: active.email,
            status: 'sent',
            attempts: 1,
            sentAt: now,
          },
        ],
      });
    const early = await retention().run(new Date(now + 400 * DAY));
    expect(early.deliveriesDeleted).toBe(0);
    const result = await retention().run(new Date(now + 761 * DAY));
    expect(result.deliveriesDeleted).toBeGreaterThanOrEqual(1);
    expect(
      await getStrapi()
        .db.query(DELIVERY)
        .count({ where: { issueId: issue.id } })
    ).toBe(0);
    const kept = await getStrapi()
      .db.query(ISSUE)
      .findOne({ where: { id: issue.id } });
    expect(kept).toMatchObject({ recipients: 2, sent: 2, hardBounces: 1, status: 'sent' });
  });

  it('one instance at a time: while another instance holds the lease, a run is busy', async () => {
    const leases = getStrapi().db.query('plugin::newsletter.job-lease');
    const row = await leases.findOne({ where: { name: 'retention' } });
    await leases.update({
      where: { id: row.id },
      data: { owner: 'other-instance', leaseUntil: Date.now() + 60_000 },
    });
    expect((await retention().run(new Date(now))).state).toBe('busy');
    await leases.update({ where: { id: row.id }, data: { owner: null, leaseUntil: null } });
    expect((await retention().run(new Date(now))).state).toBe('done');
  });
});
