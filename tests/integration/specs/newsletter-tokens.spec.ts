import request from 'supertest';
import { createToken } from '../../../plugins/newsletter/server/src/lib/tokens';
import { getMailSink, getStrapi, TEST_NEWSLETTER_SECRET } from '../../helpers/strapi';
import { findSubscriber, linkFrom } from './newsletter-subscribe.spec';

const server = () => getStrapi().server.httpServer;
const tokens = () => getStrapi().plugin('newsletter').service('tokens');

const subscribeAndConfirm = async (email: string, topics = ['offers']) => {
  await request(server())
    .post('/api/newsletter/subscribe')
    .send({ email, topics, consent: true })
    .expect(202);
  const mail = await getMailSink().waitFor((m) => m.to.includes(email));
  const token = linkFrom(mail.text, '/api/newsletter/confirm').searchParams.get('token');
  await request(server()).post('/api/newsletter/confirm').send({ token }).expect(200);
  return findSubscriber(email);
};

describe('newsletter: tokens', () => {
  it('an expired confirmation token → 400 with a German message and a way to subscribe again', async () => {
    const email = 'late.click@example.org';
    await request(server())
      .post('/api/newsletter/subscribe')
      .send({ email, topics: ['offers'], consent: true })
      .expect(202);
    const subscriber = await findSubscriber(email);
    const expired = createToken(
      { purpose: 'confirm', subscriberId: subscriber.documentId, email, ttlSeconds: 72 * 3600 },
      TEST_NEWSLETTER_SECRET,
      new Date(Date.now() - 73 * 3600 * 1000)
    );
    const json = await request(server())
      .post('/api/newsletter/confirm')
      .send({ token: expired })
      .expect(400);
    expect(json.body.error.name).toBe('ValidationError');
    expect(json.body.error.message).toContain('abgelaufen');
    expect(json.body.error.details.errors[0].path).toEqual(['token']);
    expect(json.body.error.details.subscribeUrl).toBe('http://cms.test/newsletter/');

    const page = await request(server())
      .get(`/api/newsletter/confirm?token=${encodeURIComponent(expired)}`)
      .expect(400);
    expect(page.text).toContain('abgelaufen');
    expect(page.text).toContain('href="http://cms.test/newsletter/"');
    expect((await findSubscriber(email)).status).toBe('pending');
  });

  it.each([
    [
      'tampered signature',
      (token: string) => `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`,
    ],
    ['tampered payload', (token: string) => `x${token}`],
    ['not a token', () => 'abcdefghijklmnop'],
    [
      'signed with another secret',
      (_token: string, id: string) =>
        createToken(
          { purpose: 'confirm', subscriberId: id, email: 'tamper@example.org', ttlSeconds: 3600 },
          'another-secret-another-secret-1234'
        ),
    ],
  ])('%s → 400', async (_case, mutate) => {
    const email = 'tamper@example.org';
    await request(server())
      .post('/api/newsletter/subscribe')
      .send({ email, topics: ['offers'], consent: true })
      .expect(202);
    const subscriber = await findSubscriber(email);
    const good = tokens().confirmToken(subscriber);
    const response = await request(server())
      .post('/api/newsletter/confirm')
      .send({ token: mutate(good, subscriber.documentId) })
      .expect(400);
    expect(response.body.error.message).toContain('ungültig');
    expect((await findSubscriber(email)).status).toBe('pending');
  });

  it('a token for an unknown subscriber, or bound to another address → 400', async () => {
    const unknown = createToken(
      { purpose: 'manage', subscriberId: 'doesnotexist000000000001', email: 'x@example.org' },
      TEST_NEWSLETTER_SECRET
    );
    await request(server())
      .get(`/api/newsletter/preferences?token=${encodeURIComponent(unknown)}`)
      .expect(400);
    const subscriber = await subscribeAndConfirm('owner@example.org');
    const otherAddress = createToken(
      { purpose: 'manage', subscriberId: subscriber.documentId, email: 'intruder@example.org' },
      TEST_NEWSLETTER_SECRET
    );
    await request(server())
      .get(`/api/newsletter/preferences?token=${encodeURIComponent(otherAddress)}`)
      .expect(400);
  });

  it('a confirmation token cannot be used as a manage token and vice versa', async () => {
    const subscriber = await subscribeAndConfirm('purpose@example.org');
    const confirm = tokens().confirmToken(subscriber);
    const manage = tokens().manageToken(subscriber);
    await request(server())
      .get(`/api/newsletter/preferences?token=${encodeURIComponent(confirm)}`)
      .expect(400);
    await request(server()).post('/api/newsletter/confirm').send({ token: manage }).expect(400);
  });

  it('a confirmation link from before an unsubscribe does not subscribe again', async () => {
    const subscriber = await subscribeAndConfirm('no.return@example.org');
    const oldConfirm = tokens().confirmToken(subscriber, new Date(Date.now() - 60_000));
    const manage = tokens().manageToken(subscriber);
    await request(server())
      .post(`/api/newsletter/unsubscribe?token=${encodeURIComponent(manage)}`)
      .expect(200);
    await request(server()).post('/api/newsletter/confirm').send({ token: oldConfirm }).expect(400);
    expect((await findSubscriber('no.return@example.org')).status).toBe('unsubscribed');
  });
});

describe('newsletter: preferences', () => {
  it('GET returns the settings, PUT changes the topics', async () => {
    const subscriber = await subscribeAndConfirm('prefs@example.org', ['offers']);
    const token = encodeURIComponent(tokens().manageToken(subscriber));
    const got = await request(server())
      .get(`/api/newsletter/preferences?token=${token}`)
      .expect(200);
    expect(got.body).toEqual({
      email: 'prefs@example.org',
      name: null,
      organisation: null,
      topics: ['offers'],
      status: 'active',
      // links to a self-check result (personalised tips): none
      links: [],
    });
    const put = await request(server())
      .put(`/api/newsletter/preferences?token=${token}`)
      .send({ topics: ['practice-examples', 'employer-tips'] })
      .expect(200);
    expect(put.body.topics).toEqual(['practice-examples', 'employer-tips']);
    expect((await findSubscriber('prefs@example.org')).topics).toEqual([
      'practice-examples',
      'employer-tips',
    ]);

    const bad = await request(server())
      .put(`/api/newsletter/preferences?token=${token}`)
      .send({ topics: [] })
      .expect(400);
    expect(bad.body.error.details.errors[0].path[0]).toBe('topics');
    const unknown = await request(server())
      .put(`/api/newsletter/preferences?token=${token}`)
      .send({ topics: ['wetter'] })
      .expect(400);
    expect(unknown.body.error.details.errors[0].path[0]).toBe('topics');
  });

  it('a browser gets a German page with the topics as checkboxes, and the form saves', async () => {
    const subscriber = await findSubscriber('prefs@example.org');
    const token = tokens().manageToken(subscriber);
    const page = await request(server())
      .get(`/api/newsletter/preferences?token=${encodeURIComponent(token)}`)
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
      .expect(200);
    expect(page.text).toContain('<legend>Themen</legend>');
    expect(page.text).toMatch(/value="employer-tips" checked/);
    const saved = await request(server())
      .post('/api/newsletter/preferences')
      .type('form')
      .send(`token=${encodeURIComponent(token)}&topics=offers`)
      .expect(200);
    expect(saved.text).toContain('Ihre Einstellungen sind gespeichert.');
    expect((await findSubscriber('prefs@example.org')).topics).toEqual(['offers']);
  });
});

describe('newsletter: unsubscribe', () => {
  it('GET shows a page and changes nothing', async () => {
    const subscriber = await subscribeAndConfirm('leaving@example.org');
    const token = encodeURIComponent(tokens().manageToken(subscriber));
    const page = await request(server())
      .get(`/api/newsletter/unsubscribe?token=${token}`)
      .expect(200);
    expect(page.text).toContain('Jetzt abmelden</button>');
    expect((await findSubscriber('leaving@example.org')).status).toBe('active');
  });

  it('RFC 8058 one-click POST unsubscribes at once, idempotently', async () => {
    const subscriber = await findSubscriber('leaving@example.org');
    const token = encodeURIComponent(tokens().manageToken(subscriber));
    for (let i = 0; i < 2; i += 1) {
      await request(server())
        .post(`/api/newsletter/unsubscribe?token=${token}`)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click')
        .expect(200);
    }
    const stored = await findSubscriber('leaving@example.org');
    expect(stored.status).toBe('unsubscribed');
    expect(stored.unsubscribedAt).toBeTruthy();
    const events = stored.history.filter(
      (event: { event: string }) => event.event === 'unsubscribed'
    );
    expect(events).toHaveLength(1);
    expect(events[0].via).toBe('one-click');
  });

  it('the page button (form post) unsubscribes and answers with a page', async () => {
    const subscriber = await subscribeAndConfirm('button@example.org');
    const token = encodeURIComponent(tokens().manageToken(subscriber));
    const response = await request(server())
      .post(`/api/newsletter/unsubscribe?token=${token}`)
      .type('form')
      .send({})
      .expect(200);
    expect(response.text).toContain('Abgemeldet');
    expect((await findSubscriber('button@example.org')).status).toBe('unsubscribed');
  });

  it('a bad token → 400', async () => {
    await request(server())
      .post('/api/newsletter/unsubscribe?token=nonsense-token-value')
      .expect(400);
  });
});
