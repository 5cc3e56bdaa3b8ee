import request from 'supertest';
import { getMailSink, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const SUBSCRIBER = 'plugin::newsletter.subscriber';

export const findSubscriber = (email: string) =>
  getStrapi().db.query(SUBSCRIBER).findOne({ where: { email } });

/** The confirmation link as a subscriber would copy it from the plain-text part. */
export const linkFrom = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+${path.replace(/\//g, '\\/')}\\?token=[^\\s]+`).exec(text);
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return new URL(match[0]);
};

describe('newsletter: subscribe with double opt-in', () => {
  const email = 'Erika.Muster@Example.org';
  const stored = 'erika.muster@example.org';

  it('answers 202, stores a pending subscriber with consent proof and sends the mail', async () => {
    const response = await request(server())
      .post('/api/newsletter/subscribe')
      .send({
        email,
        name: 'Erika Muster',
        topics: ['offers', 'employer-tips'],
        consent: true,
        website: '',
      })
      .expect(202);
    expect(response.body.status).toBe('accepted');

    const subscriber = await findSubscriber(stored);
    expect(subscriber).toMatchObject({
      status: 'pending',
      source: 'form',
      topics: ['offers', 'employer-tips'],
      consentVersion: '1',
    });
    expect(subscriber.consentAt).toBeTruthy();
    expect(subscriber.consentIp).toBeTruthy();

    const mail = await getMailSink().waitFor((m) => m.to.includes(stored));
    expect(mail.subject).toContain('Bitte bestätigen');
    expect(mail.html).toContain('Anmeldung bestätigen');
    expect(mail.text).toContain('Gewählte Themen: Angebote, Arbeitgeber-Tipps');
    expect(mail.text).not.toContain('<');
    expect(mail.html).toContain('Lindhooper Straße 67');
    expect(mail.text).toContain('Lindhooper Straße 67');
    expect(mail.parsed.from?.value[0].address).toBe('newsletter@bildungsbuero.example');
  });

  it('GET on the confirmation link only shows a page; POST activates', async () => {
    const mail = await getMailSink().waitFor((m) => m.to.includes(stored));
    const link = linkFrom(mail.text, '/api/newsletter/confirm');
    const page = await request(server()).get(`${link.pathname}${link.search}`).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('Anmeldung bestätigen</button>');
    expect((await findSubscriber(stored)).status).toBe('pending');

    const token = link.searchParams.get('token');
    const confirmed = await request(server())
      .post('/api/newsletter/confirm')
      .send({ token })
      .expect(200);
    expect(confirmed.body.status).toBe('active');
    const subscriber = await findSubscriber(stored);
    expect(subscriber.status).toBe('active');
    expect(subscriber.confirmedAt).toBeTruthy();
    expect(subscriber.confirmIp).toBeTruthy();

    const again = await request(server())
      .post('/api/newsletter/confirm')
      .send({ token })
      .expect(200);
    expect(again.body.alreadyConfirmed).toBe(true);
  });

  it('the page form posts the token form-encoded and gets a German page back', async () => {
    const mail = await getMailSink().waitFor((m) => m.to.includes(stored));
    const token = linkFrom(mail.text, '/api/newsletter/confirm').searchParams.get('token')!;
    const response = await request(server())
      .post('/api/newsletter/confirm')
      .type('form')
      .send({ token })
      .expect(200);
    expect(response.text).toContain('Bereits bestätigt');
  });
});

const subscribe = (body: Record<string, unknown>) =>
  request(server()).post('/api/newsletter/subscribe').send(body);

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('newsletter: the same answer for every address, confirmation mails rationed', () => {
  it('active, pending and unsubscribed addresses all get the same 202 body', async () => {
    const bodies: unknown[] = [];
    const sink = getMailSink();
    // new
    bodies.push(
      (
        await subscribe({
          email: 'same.answer@example.org',
          topics: ['offers'],
          consent: true,
        }).expect(202)
      ).body
    );
    await sink.waitFor((m) => m.to.includes('same.answer@example.org'));
    // pending again within 10 minutes: no second mail
    bodies.push(
      (
        await subscribe({
          email: 'same.answer@example.org',
          topics: ['offers'],
          consent: true,
        }).expect(202)
      ).body
    );
    // already active (from the first describe block): no mail
    bodies.push(
      (
        await subscribe({
          email: 'erika.muster@example.org',
          topics: ['offers'],
          consent: true,
        }).expect(202)
      ).body
    );
    await getStrapi().plugin('newsletter').service('outbox').processDue();
    await settle();
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(sink.to('same.answer@example.org')).toHaveLength(1);
    expect(sink.to('erika.muster@example.org')).toHaveLength(1);
  });

  it('an unsubscribed address gets a new confirmation mail and stays unsubscribed until it confirms', async () => {
    const email = 'comes.back@example.org';
    await getStrapi()
      .db.query(SUBSCRIBER)
      .create({
        data: {
          documentId: 'comesback00000000000001',
          email,
          topics: ['offers'],
          status: 'unsubscribed',
          unsubscribedAt: new Date(Date.now() - 86_400_000),
          source: 'form',
        },
      });
    await subscribe({ email, topics: ['practice-examples'], consent: true }).expect(202);
    const mail = await getMailSink().waitFor((m) => m.to.includes(email));
    expect((await findSubscriber(email)).status).toBe('unsubscribed');
    const token = linkFrom(mail.text, '/api/newsletter/confirm').searchParams.get('token');
    await request(server()).post('/api/newsletter/confirm').send({ token }).expect(200);
    const subscriber = await findSubscriber(email);
    expect(subscriber.status).toBe('active');
    expect(subscriber.topics).toEqual(['practice-examples']);
    expect(subscriber.unsubscribedAt).toBeNull();
  });
});

describe('newsletter: bad input → 400 naming the field, nothing stored', () => {
  const valid = {
    email: 'valid.input@example.org',
    topics: ['offers'],
    consent: true,
    website: '',
  };
  it.each([
    ['missing email', { ...valid, email: undefined }, 'email'],
    ['malformed email', { ...valid, email: 'keine-adresse' }, 'email'],
    ['email with spaces inside', { ...valid, email: 'a b@example.org' }, 'email'],
    ['consent missing', { ...valid, consent: undefined }, 'consent'],
    ['consent false', { ...valid, consent: false }, 'consent'],
    ['consent "true" as a string', { ...valid, consent: 'true' }, 'consent'],
    ['no topics', { ...valid, topics: [] }, 'topics'],
    ['topics missing', { ...valid, topics: undefined }, 'topics'],
    ['unknown topic', { ...valid, topics: ['offers', 'horoskop'] }, 'topics'],
    ['topics not a list', { ...valid, topics: 'offers' }, 'topics'],
    ['name too long', { ...valid, name: 'x'.repeat(121) }, 'name'],
  ])('%s', async (_case, body, field) => {
    const before = await getStrapi().db.query(SUBSCRIBER).count();
    const response = await subscribe(body).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.details.errors[0].path[0]).toBe(field);
    // German for people, not zod's English defaults
    expect(response.body.error.message).not.toMatch(/Invalid|expected|Required/);
    expect(await getStrapi().db.query(SUBSCRIBER).count()).toBe(before);
  });

  it('a body that is not an object → 400', async () => {
    await request(server()).post('/api/newsletter/subscribe').send([1, 2]).expect(400);
  });

  it('a filled honeypot looks accepted but stores and sends nothing', async () => {
    const before = await getStrapi().db.query(SUBSCRIBER).count();
    const response = await subscribe({
      ...valid,
      email: 'bot@example.org',
      website: 'http://spam.example',
    }).expect(202);
    expect(response.body.status).toBe('accepted');
    await settle();
    expect(await getStrapi().db.query(SUBSCRIBER).count()).toBe(before);
    expect(getMailSink().to('bot@example.org')).toHaveLength(0);
  });
});

describe('newsletter: no proxy trusted by default', () => {
  it('ignores X-Forwarded-For: the consent proof is the TCP peer, not a forged address', async () => {
    const email = 'ohne-proxy@example.org';
    await request(server())
      .post('/api/newsletter/subscribe')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ email, topics: ['offers'], consent: true })
      .expect(202);
    const subscriber = await findSubscriber(email);
    expect(subscriber.consentIp).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });
});
