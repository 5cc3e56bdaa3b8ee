import request from 'supertest';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import {
  createSubscribers,
  deliveriesOf,
  receivedPerAddress,
  retireAllSubscribers,
  waitForStatus,
} from '../../helpers/newsletter';

const server = () => getStrapi().server.httpServer;

describe('newsletter issues: compose, preview, send', () => {
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    admin = await createAdminToken();
    await retireAllSubscribers();
  });

  it('creates a draft with the proposed items: current content only', async () => {
    const response = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject: 'Newsletter Dezember', preheader: 'Neue Ausbildungsplätze und Tipps' })
      .expect(201);
    const issue = response.body.data;
    expect(issue.status).toBe('draft');
    const sections = new Set(issue.items.map((item: { section: string }) => item.section));
    expect([...sections].sort()).toEqual(['employer-tips', 'offers', 'practice-examples']);
    const offerIds = issue.items
      .filter((item: { section: string }) => item.section === 'offers')
      .map((item: { documentId: string }) => item.documentId);
    const expired = await getStrapi()
      .documents('api::offer.offer')
      .findFirst({ filters: { slug: 'expired-praktikum-sommer' } } as never);
    const pastEvent = await getStrapi()
      .documents('api::offer.offer')
      .findFirst({ filters: { slug: 'vergangener-ausbilderstammtisch' } } as never);
    expect(offerIds).not.toContain(expired!.documentId);
    expect(offerIds).not.toContain(pastEvent!.documentId);
    expect(offerIds.length).toBe(12);
  });

  it('previews HTML and text for a topic set', async () => {
    const { body } = await request(server()).get('/newsletter/issues').set(auth()).expect(200);
    const id = body.data[0].documentId;
    const html = await request(server())
      .get(`/newsletter/issues/${id}/preview?topics=offers&format=html`)
      .set(auth())
      .expect(200);
    expect(html.body.data.body).toContain('Aktuelle Angebote');
    expect(html.body.data.body).not.toContain('Tipps für Arbeitgeber');
    const text = await request(server())
      .get(`/newsletter/issues/${id}/preview?topics=employer-tips&format=text`)
      .set(auth())
      .expect(200);
    expect(text.body.data.body).toContain('TIPPS FÜR ARBEITGEBER');
    expect(text.body.data.body).not.toContain('<');
    await request(server())
      .get(`/newsletter/issues/${id}/preview?topics=astrologie`)
      .set(auth())
      .expect(400);
  });

  it('sends to every active subscriber with matching topics exactly once', async () => {
    const sink = getMailSink();
    const seeds: { email: string; topics: string[]; status?: string; name?: string | null }[] = [
      ...Array.from({ length: 700 }, (_, i) => ({
        email: `reader${i}@send.example.org`,
        topics: [['offers'], ['practice-examples'], ['employer-tips'], ['offers', 'employer-tips']][
          i % 4
        ],
        name: i % 2 ? `Leserin ${i}` : null,
      })),
      ...Array.from({ length: 100 }, (_, i) => ({
        email: `pending${i}@send.example.org`,
        topics: ['offers'],
        status: 'pending',
      })),
      ...Array.from({ length: 100 }, (_, i) => ({
        email: `gone${i}@send.example.org`,
        topics: ['offers'],
        status: 'unsubscribed',
      })),
      ...Array.from({ length: 100 }, (_, i) => ({
        email: `bounced${i}@send.example.org`,
        topics: ['offers'],
        status: 'bounced',
      })),
    ];
    await createSubscribers(seeds);

    const created = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject: 'Versandtest' })
      .expect(201);
    const issue = created.body.data;
    // Only offers and tips in this issue: practice-example readers get nothing (skipped).
    const items = issue.items.filter(
      (item: { section: string }) => item.section !== 'practice-examples'
    );
    await request(server())
      .put(`/newsletter/issues/${issue.documentId}`)
      .set(auth())
      .send({ items })
      .expect(200);

    sink.clear();
    await request(server())
      .post(`/newsletter/issues/${issue.documentId}/send`)
      .set(auth())
      .expect(202);
    const done = await waitForStatus(issue.documentId, ['sent']);

    const received = receivedPerAddress(sink.mails, issue.documentId);
    const expected = seeds.filter(
      (seed) =>
        (seed.status ?? 'active') === 'active' &&
        !(seed.topics.length === 1 && seed.topics[0] === 'practice-examples')
    );
    expect(received.size).toBe(expected.length);
    for (const seed of expected) expect(received.get(seed.email)).toBe(1);
    expect([...received.keys()].some((email) => /^(pending|gone|bounced)/.test(email))).toBe(false);

    const progress = await request(server())
      .get(`/newsletter/issues/${issue.documentId}/progress`)
      .set(auth())
      .expect(200);
    expect(progress.body.data).toMatchObject({
      status: 'sent',
      recipients: 700,
      sent: 525,
      skipped: 175,
      failed: 0,
      pending: 0,
    });
    expect(done.finishedAt).toBeTruthy();
  });

  it('each mail: both parts, one-click unsubscribe headers, stable Message-ID, issue header, only the chosen sections', async () => {
    const sink = getMailSink();
    const mail = sink.mails.find((m) => m.to.includes('reader3@send.example.org'))!; // offers + tips, named
    expect(mail.header('list-unsubscribe')).toMatch(
      /^<http:\/\/cms\.test\/api\/newsletter\/unsubscribe\?token=[^>]+>$/
    );
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.header('message-id')).toMatch(/^<[a-z0-9]+\.\d+@bildungsbuero\.example>$/);
    expect(mail.html).toContain('Guten Tag Leserin 3,');
    expect(mail.text).toContain('Guten Tag Leserin 3,');
    expect(mail.html).toContain('Aktuelle Angebote');
    expect(mail.html).toContain('Tipps für Arbeitgeber');
    expect(mail.text).toContain(
      'Newsletter abbestellen: http://cms.test/api/newsletter/unsubscribe?token='
    );
    expect(mail.text).not.toMatch(/<(a|p|div|table)[\s>]/);
    const offersOnly = sink.mails.find((m) => m.to.includes('reader0@send.example.org'))!;
    expect(offersOnly.html).toContain('Aktuelle Angebote');
    expect(offersOnly.html).not.toContain('Tipps für Arbeitgeber');
    expect(offersOnly.html).toContain('Guten Tag,');

    // the unsubscribe link in the header works with one click
    const link = new URL(mail.header('list-unsubscribe')!.slice(1, -1));
    await request(server())
      .post(`${link.pathname}${link.search}`)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const subscriber = await getStrapi()
      .db.query('plugin::newsletter.subscriber')
      .findOne({ where: { email: 'reader3@send.example.org' } });
    expect(subscriber.status).toBe('unsubscribed');
  });

  it('the web version of a sent issue is public and has no personal data', async () => {
    const { body } = await request(server()).get('/newsletter/issues').set(auth()).expect(200);
    const sent = body.data.find((issue: { status: string }) => issue.status === 'sent');
    const draft = body.data.find((issue: { status: string }) => issue.status === 'draft');
    const page = await request(server())
      .get(`/api/newsletter/issues/${sent.documentId}/web`)
      .expect(200);
    expect(page.text).toContain('Aktuelle Angebote');
    // no salutation: the web version is nobody's own mail
    expect(page.text).not.toContain('Guten Tag');
    expect(page.text).not.toMatch(/@send\.example\.org|token=/);
    await request(server()).get(`/api/newsletter/issues/${draft.documentId}/web`).expect(404);
  });

  it('audience is fixed when the send starts: one delivery row per subscriber', async () => {
    const { body } = await request(server()).get('/newsletter/issues').set(auth()).expect(200);
    const sent = body.data.find((issue: { status: string }) => issue.status === 'sent');
    const row = await getStrapi()
      .db.query('plugin::newsletter.issue')
      .findOne({ where: { documentId: sent.documentId } });
    const deliveries = await deliveriesOf(row.id);
    expect(deliveries).toHaveLength(700);
    expect(new Set(deliveries.map((d: { subscriberId: number }) => d.subscriberId)).size).toBe(700);
  });
});

describe('newsletter GDPR and deliveries', () => {
  it('Art. 15 lists the newsletters sent to a subscriber; Art. 17 deletes their delivery rows', async () => {
    const strapi = getStrapi();
    const admin = await createAdminToken();
    const subscriber = await strapi.db
      .query('plugin::newsletter.subscriber')
      .findOne({ where: { email: 'reader1@send.example.org' } });
    const data = await request(server())
      .get(`/newsletter/subscribers/${subscriber.documentId}/data`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(data.body.data.newsletters).toEqual([
      expect.objectContaining({ subject: 'Versandtest', status: 'skipped' }),
    ]);
    const reader0 = await strapi.db
      .query('plugin::newsletter.subscriber')
      .findOne({ where: { email: 'reader0@send.example.org' } });
    const sent = await request(server())
      .get(`/newsletter/subscribers/${reader0.documentId}/data`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(sent.body.data.newsletters[0]).toMatchObject({ subject: 'Versandtest', status: 'sent' });
    expect(sent.body.data.newsletters[0].sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    await request(server())
      .delete(`/newsletter/subscribers/${reader0.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(
      await strapi.db
        .query('plugin::newsletter.delivery')
        .count({ where: { subscriberId: reader0.id } })
    ).toBe(0);
  });
});
