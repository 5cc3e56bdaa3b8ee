import request from 'supertest';
import { getMailSink, getStrapi } from '../../helpers/strapi';
import { findSubscriber, linkFrom } from './newsletter-subscribe.spec';

const server = () => getStrapi().server.httpServer;
const OUTBOX = 'plugin::newsletter.outbox-mail';

describe('newsletter: failing SMTP on subscribe', () => {
  it('stores the subscription, answers 202 at once, and sends the mail when SMTP is back', async () => {
    const sink = getMailSink();
    const strapi = getStrapi();
    await sink.stop();
    strapi.plugin('newsletter').service('mailer').reset(); // drop pooled connections to the old server
    try {
      const started = Date.now();
      await request(server())
        .post('/api/newsletter/subscribe')
        .send({ email: 'smtp.down@example.org', topics: ['offers'], consent: true })
        .expect(202);
      expect(Date.now() - started).toBeLessThan(1500);
      const subscriber = await findSubscriber('smtp.down@example.org');
      expect(subscriber.status).toBe('pending');

      // the background attempt fails and schedules a retry
      let row;
      for (let i = 0; i < 50; i += 1) {
        row = await strapi.db
          .query(OUTBOX)
          .findOne({ where: { subscriberDocumentId: subscriber.documentId } });
        if (row?.attempts === 1 && row.status === 'queued') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row.lastError).toBeTruthy();
      expect(new Date(row.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    } finally {
      await sink.start();
    }
    // time passes: the retry is due
    await strapi.db.query(OUTBOX).updateMany({
      where: { status: 'queued' },
      data: { nextAttemptAt: new Date(Date.now() - 1000) },
    });
    await strapi.plugin('newsletter').service('outbox').processDue();
    const mail = await sink.waitFor((m) => m.to.includes('smtp.down@example.org'));
    expect(linkFrom(mail.text, '/api/newsletter/confirm')).toBeTruthy();
    const row = await strapi.db.query(OUTBOX).findOne({
      where: { subscriberDocumentId: (await findSubscriber('smtp.down@example.org')).documentId },
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('an outbox row is claimed by one worker only (compare-and-set)', async () => {
    const strapi = getStrapi();
    const subscriber = await findSubscriber('smtp.down@example.org');
    await strapi.db
      .query('plugin::newsletter.subscriber')
      .update({ where: { id: subscriber.id }, data: { status: 'pending' } });
    const row = await strapi.db.query(OUTBOX).create({
      data: {
        kind: 'confirmation',
        subscriberDocumentId: subscriber.documentId,
        status: 'queued',
        attempts: 0,
        nextAttemptAt: new Date(Date.now() - 1000),
      },
    });
    const claim = () =>
      strapi.db.query(OUTBOX).updateMany({
        where: { id: row.id, status: 'queued', attempts: 0 },
        data: {
          status: 'sending',
          attempts: 1,
          leaseOwner: 'someone',
          leaseUntil: new Date(Date.now() + 60_000),
        },
      });
    const results = await Promise.all([claim(), claim(), claim()]);
    expect(results.map((result) => result.count).sort()).toEqual([0, 0, 1]);
    await strapi.db.query(OUTBOX).delete({ where: { id: row.id } });
  });
});

describe('newsletter: mails without SMTP', () => {
  it('the file transport writes an .eml file and loses nothing', async () => {
    const fs = await import('fs');
    const os = await import('os');
    const path = await import('path');
    const { createTransport } =
      await import('../../../plugins/newsletter/server/src/mail/transport');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mails-'));
    const logged: string[] = [];
    const transport = createTransport(
      {
        transport: { smtp: null, mailDir: 'mail' },
        sender: { name: 'Büro', email: 'news@example.org' },
      },
      { appRoot: dir, log: (message) => logged.push(message) }
    );
    const sent = await transport.send({
      to: 'leser@example.org',
      subject: 'Grüße',
      html: '<p>Hallo</p>',
      text: 'Hallo',
    });
    expect(transport.kind).toBe('file');
    expect(fs.readFileSync(sent.file!, 'utf8')).toContain('Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=');
    expect(logged[0]).toContain(sent.file!);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('newsletter: public routes are rate-limited per IP', () => {
  it('answers 429 with Retry-After past the limit', async () => {
    const strapi = getStrapi();
    const before = strapi.config.get('plugin::newsletter.rateLimit.max');
    strapi.config.set('plugin::newsletter.rateLimit.max', 3);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await request(server()).get(
          '/api/newsletter/unsubscribe?token=nonsense-token-value'
        );
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers['retry-after']).toBeTruthy();
          expect(response.body.error.name).toBe('RateLimitError');
        }
      }
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    } finally {
      strapi.config.set('plugin::newsletter.rateLimit.max', before);
    }
  });
});

describe('newsletter: subscriber data is not public', () => {
  it.each([
    '/api/subscribers',
    '/api/newsletter/subscribers',
    '/api/newsletter-subscribers',
    '/newsletter/subscribers/export',
    '/content-manager/collection-types/plugin::newsletter.subscriber',
  ])('GET %s is refused', async (path) => {
    const response = await request(server()).get(path);
    expect([401, 403, 404]).toContain(response.status);
    expect(JSON.stringify(response.body)).not.toContain('@example.org');
  });
});
