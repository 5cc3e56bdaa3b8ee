/**
 * Requests that answered 500 or stored something before (found by the hostile-input suite,
 * tests/faults/scenarios/hostile.js, which sends thousands of them): each now answers 4xx and
 * stores nothing. Runs on SQLite and, with DATABASE_URL, on PostgreSQL (NUL bytes and numbers in
 * text fail differently there).
 */
import crypto from 'crypto';
import request from 'supertest';
import { getMailSink, getStrapi, TEST_NEWSLETTER_SECRET } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const count = (uid: string) =>
  getStrapi()
    .db.query(uid as never)
    .count();

describe('hostile input: content API queries answer 400, not 500', () => {
  it.each([
    '/api/offers?filters=abc',
    '/api/municipalities?filters[$or]=x',
    '/api/municipalities?filters[$and][0]=x',
    '/api/municipalities?filters[$not]=x',
    '/api/municipalities?filters[population][$gt]=abc',
    '/api/offers?filters[id][$eq]=abc',
    '/api/offers?filters[places][$eq]=1.5',
    '/api/offers?filters[places][$eq]=99999999999999999999',
    '/api/offers?filters[title][$contains]=%00',
    '/api/offers?filters[title][$eq][$eq]=x',
    '/api/offers?filters[title][$between]=a',
    '/api/offers?filters[targetGroups][$contains]=x',
    '/api/offers?filters[description][$eq]=x',
    '/api/offers?filters[places][$contains]=1',
    '/api/offers?filters[startDate][$contains]=2020',
    '/api/offers?filters[municipality]=x',
    '/api/offers?filters[municipality][$eq]=1&filters[municipality][$ne]=2',
    '/api/offers?populate[municipality][filters][$or]=x',
    '/api/offers?fields',
    '/api/offers?_q=%00',
    '/api/organisations?filters[name][$eq][$eq]=x',
    '/api/offers?pagination[page]=-5',
    '/api/offers?pagination[pageSize]=abc',
  ])('%s', async (url) => {
    const response = await request(server()).get(url).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
  });

  it('a findOne with a NUL in the id is a 404', async () => {
    await request(server()).get('/api/offers/%00').expect(404);
  });

  it('ordinary queries still work', async () => {
    await request(server())
      .get('/api/offers?filters[title][$containsi]=aus&populate=*')
      .expect(200);
    await request(server())
      .get('/api/offers?filters[$and][0][places][$gte]=1&pagination[page]=1&pagination[pageSize]=5')
      .expect(200);
  });
});

describe('hostile input: account routes are closed to the Public role', () => {
  it.each([
    [
      'post',
      '/api/auth/local/register',
      { username: 'eindringling', email: 'e@example.org', password: 'Passwort123' },
    ],
    ['post', '/api/auth/local', { identifier: 'e@example.org', password: 'Passwort123' }],
    ['post', '/api/auth/forgot-password', { email: 'e@example.org' }],
    ['post', '/api/auth/send-email-confirmation', { email: 'e@example.org' }],
    ['get', '/api/connect/google', undefined],
  ] as const)('%s %s → 403, no account', async (method, url, body) => {
    const before = await count('plugin::users-permissions.user');
    const call = request(server())[method](url);
    await (body ? call.send(body) : call).expect(403);
    expect(await count('plugin::users-permissions.user')).toBe(before);
  });

  it('registration is switched off and the Public role reads only the six types', async () => {
    const advanced = (await getStrapi().store.get({
      type: 'plugin',
      name: 'users-permissions',
      key: 'advanced',
    })) as { allow_register: boolean };
    expect(advanced.allow_register).toBe(false);
    const { closePublicAccountRoutes } = await import('../../../src/bootstrap/account-routes');
    expect(await closePublicAccountRoutes(getStrapi())).toEqual([]); // once per database
  });

  it('findOne of an offer needs the findOne permission, not find', () => {
    const routes = (
      getStrapi().apis.offer as unknown as {
        routes: Record<
          string,
          { routes: { handler: unknown; config?: { auth?: { scope?: string[] } } }[] }
        >;
      }
    ).routes.offer.routes;
    const findOne = routes.find((route) => route.handler === 'api::offer.offer.findOne');
    expect(findOne?.config?.auth?.scope).toEqual(['api::offer.offer.findOne']);
  });
});

describe('hostile input: newsletter', () => {
  const subscribers = () => count('plugin::newsletter.subscriber');

  it.each([
    ['a NUL in the name', { name: 'a\u0000b' }],
    ['a lone surrogate in the organisation', { organisation: 'x\ud800' }],
    ['a line break in the name', { name: 'Anna\r\nBcc: opfer@example.org' }],
    ['a honeypot that is an object', { website: { a: 1 } }],
  ])('subscribe with %s → 400, nothing stored', async (_what, extra) => {
    const before = await subscribers();
    await request(server())
      .post('/api/newsletter/subscribe')
      .send({
        email: `hostile-${crypto.randomBytes(3).toString('hex')}@example.org`,
        topics: ['offers'],
        consent: true,
        ...extra,
      })
      .expect(400);
    expect(await subscribers()).toBe(before);
  });

  it('the confirm page refuses what the confirmation would refuse (an erased subscriber’s link)', async () => {
    const { createToken } = await import('../../../plugins/newsletter/server/src/lib/tokens');
    const token = createToken(
      {
        purpose: 'confirm',
        subscriberId: 'a'.repeat(24),
        email: 'weg@example.org',
        ttlSeconds: 3600,
      },
      TEST_NEWSLETTER_SECRET
    );
    const page = await request(server())
      .get(`/api/newsletter/confirm?token=${encodeURIComponent(token)}`)
      .set('Accept', 'text/html')
      .expect(400);
    expect(page.text).not.toContain('<form');
    const tampered = await request(server())
      .get(`/api/newsletter/confirm?token=${encodeURIComponent(`${token}x`)}`)
      .set('Accept', 'text/html')
      .expect(400);
    expect(page.text).toBe(tampered.text);
  });

  it('a name with markup is stored as given and escaped in the confirmation mail', async () => {
    const email = `markup-${crypto.randomBytes(3).toString('hex')}@example.org`;
    const name = `<script>alert('x')</script>"><img src=x onerror=alert(1)>`;
    await request(server())
      .post('/api/newsletter/subscribe')
      .send({ email, name, topics: ['offers'], consent: true })
      .expect(202);
    const mail = await getMailSink().waitFor((m) => m.to.includes(email));
    expect(mail.html).not.toContain('<script>alert');
    expect(mail.html).not.toContain('"><img');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});

describe('hostile input: self-check', () => {
  const submissions = () => count('plugin::employer-check.submission');
  const profile = { sector: 'C', sizeClass: 'small', trainsApprentices: true };

  it.each([
    ['a NUL in the municipality', { profile: { ...profile, municipality: 'a\u0000b' } }],
    ['markup as municipality', { profile: { ...profile, municipality: '<script>' } }],
    ['a honeypot that is an object', { profile, website: { a: 1 } }],
    ['a malformed questionnaire version', { profile, questionnaireVersion: '\u0000' }],
  ])('create with %s → 400, nothing stored', async (_what, body) => {
    const before = await submissions();
    await request(server()).post('/api/employer-check/submissions').send(body).expect(400);
    expect(await submissions()).toBe(before);
  });

  it('an update naming another questionnaire version → 409, nothing changed', async () => {
    const created = await request(server())
      .post('/api/employer-check/submissions')
      .send({ profile })
      .expect(201);
    const before = await request(server())
      .get(`/api/employer-check/submissions/${created.body.token}`)
      .expect(200);
    await request(server())
      .put(`/api/employer-check/submissions/${created.body.token}`)
      .send({ questionnaireVersion: '1999-1', consentStatistics: true })
      .expect(409);
    const after = await request(server())
      .get(`/api/employer-check/submissions/${created.body.token}`)
      .expect(200);
    expect(after.body).toEqual(before.body);
    await request(server())
      .delete(`/api/employer-check/submissions/${created.body.token}`)
      .expect(204);
  });
});
