/**
 * The public read cache against a real Strapi: answers come from memory on the second read, and
 * every way content changes (REST, Document Service, publish/unpublish, a related entry, the
 * public role's permissions, the date passing) shows in the very next read.
 */
import request from 'supertest';
import { createFullAccessToken, getStrapi } from '../../helpers/strapi';
import { isoDateIn, startOfNextDay } from '../../../src/lib/dates';

const server = () => getStrapi().server.httpServer;
const OFFER = 'api::offer.offer';
const ORGANISATION = 'api::organisation.organisation';

const get = (path: string) => request(server()).get(path);

const titles = (response: request.Response) =>
  (response.body.data as { title: string }[]).map((offer) => offer.title);

describe('public read cache', () => {
  const marker = `Cache${Date.now().toString(36)}`;
  const list = `/api/offers?filters[title][$contains]=${marker}&sort=title:asc&pagination[pageSize]=50`;
  const created: string[] = [];
  let token: string;

  const createOffer = async (
    title: string,
    extra: Record<string, unknown> = {},
    status = 'published'
  ) => {
    const offer = await getStrapi()
      .documents(OFFER)
      .create({
        data: { title, summary: 'Probe des Lesespeichers', offerType: 'praktikum', ...extra },
        status,
      } as never);
    created.push(offer.documentId);
    return offer as unknown as { documentId: string; slug: string };
  };

  beforeAll(async () => {
    token = await createFullAccessToken('read-cache-tests');
  });

  afterAll(async () => {
    for (const documentId of created) {
      await getStrapi()
        .documents(OFFER)
        .delete({ documentId } as never)
        .catch(() => undefined);
    }
  });

  it('answers the second read from memory, with ETag, 304 and headers for a proxy', async () => {
    await createOffer(`${marker} Erstes`);
    const first = await get(list).expect(200);
    expect(first.headers['x-read-cache']).toBe('miss');
    const second = await get(list).expect(200);
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toMatch(
      /^public, max-age=\d+, stale-while-revalidate=\d+$/
    );
    const notModified = await get(list).set('If-None-Match', first.headers.etag).expect(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(first.headers.etag);
  });

  it('keeps the compressed form of a hit, equal to the answer', async () => {
    const all = '/api/offers?pagination[pageSize]=100';
    await get(all).expect(200);
    // superagent asks for gzip unless told otherwise
    const plain = await get(all).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // the first compressed hit makes the gzip form, the second reuses it
    for (const encoding of ['gzip', 'gzip']) {
      const compressed = await get(all).set('Accept-Encoding', encoding).expect(200);
      expect(compressed.headers['x-read-cache']).toBe('hit');
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers.vary).toMatch(/Accept-Encoding/i);
      expect(compressed.body).toEqual(plain.body);
    }
  });

  it('shares one answer between spellings of the same query', async () => {
    const a = `/api/offers?pagination[pageSize]=50&filters[title][$contains]=${marker}&sort=title:asc`;
    const b = `/api/offers?sort=title%3Aasc&filters%5Btitle%5D%5B%24contains%5D=${marker}&pagination%5BpageSize%5D=50`;
    await get(list).expect(200);
    expect((await get(a).expect(200)).headers['x-read-cache']).toBe('hit');
    expect((await get(b).expect(200)).headers['x-read-cache']).toBe('hit');
  });

  it('never serves credentials, drafts or non-GET requests from the cache', async () => {
    await get(list).expect(200);
    const withToken = await get(list).set('Authorization', `Bearer ${token}`).expect(200);
    expect(withToken.headers['x-read-cache']).toBe('bypass');
    const drafts = await get(`${list}&status=draft`);
    expect(drafts.headers['x-read-cache']).toBe('bypass');
    expect(drafts.status).toBeGreaterThanOrEqual(400);
    const reload = await get(list).set('Cache-Control', 'no-cache').expect(200);
    expect(reload.headers['x-read-cache']).toBe('bypass');
  });

  it('a draft never appears, also not after its document is edited', async () => {
    await get(list).expect(200);
    const draft = await createOffer(`${marker} Entwurf`, {}, 'draft');
    expect(titles(await get(list).expect(200))).not.toContain(`${marker} Entwurf`);
    await getStrapi()
      .documents(OFFER)
      .update({ documentId: draft.documentId, data: { summary: 'geändert' } } as never);
    const after = await get(list).expect(200);
    expect(titles(after)).not.toContain(`${marker} Entwurf`);
    expect(after.headers['x-read-cache']).toBe('miss');
  });

  it('create, update, unpublish, publish and delete show in the next read', async () => {
    await get(list).expect(200);
    // create through REST (an integration client)
    const response = await request(server())
      .post('/api/offers')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: `${marker} Zweites`, summary: 'Probe', offerType: 'praktikum' } })
      .expect(201);
    const { documentId } = response.body.data as { documentId: string };
    created.push(documentId);
    expect(titles(await get(list).expect(200))).toContain(`${marker} Zweites`);
    expect((await get(list)).headers['x-read-cache']).toBe('hit');

    // update through REST
    await request(server())
      .put(`/api/offers/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: `${marker} Zweites geändert` } })
      .expect(200);
    expect(titles(await get(list).expect(200))).toContain(`${marker} Zweites geändert`);

    // the single item's answer too
    const item = `/api/offers/${documentId}`;
    expect((await get(item).expect(200)).body.data.title).toBe(`${marker} Zweites geändert`);
    expect((await get(item)).headers['x-read-cache']).toBe('hit');

    const documents = getStrapi().documents(OFFER);
    await documents.unpublish({ documentId } as never);
    expect(titles(await get(list).expect(200))).not.toContain(`${marker} Zweites geändert`);
    await get(item).expect(404);

    await documents.publish({ documentId } as never);
    expect(titles(await get(list).expect(200))).toContain(`${marker} Zweites geändert`);
    await get(item).expect(200);

    await request(server())
      .delete(`/api/offers/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
    expect(titles(await get(list).expect(200))).not.toContain(`${marker} Zweites geändert`);
    await get(item).expect(404);
  });

  it('a renamed organisation shows in offer lists and pages that populate it', async () => {
    const organisation = (await getStrapi()
      .documents(ORGANISATION)
      .create({
        data: { name: `${marker} Betrieb`, kind: 'betrieb' },
      } as never)) as unknown as { documentId: string };
    try {
      const offer = await createOffer(`${marker} Mit Betrieb`, {
        organisation: organisation.documentId,
      });
      const populated = `${list}&populate[organisation][fields][0]=name`;
      const page = `/angebote/${offer.slug}`;
      const before = await get(populated).expect(200);
      expect(JSON.stringify(before.body)).toContain(`${marker} Betrieb`);
      expect((await get(populated)).headers['x-read-cache']).toBe('hit');
      expect((await get(page).expect(200)).text).toContain(`${marker} Betrieb`);
      expect((await get(page)).headers['x-read-cache']).toBe('hit');

      await getStrapi()
        .documents(ORGANISATION)
        .update({
          documentId: organisation.documentId,
          data: { name: `${marker} Umbenannt` },
        } as never);
      const after = await get(populated).expect(200);
      expect(after.headers['x-read-cache']).toBe('miss');
      expect(JSON.stringify(after.body)).toContain(`${marker} Umbenannt`);
      const pageAfter = await get(page).expect(200);
      expect(pageAfter.text).toContain(`${marker} Umbenannt`);
      expect(pageAfter.text).not.toContain(`${marker} Betrieb`);
    } finally {
      await getStrapi()
        .documents(ORGANISATION)
        .delete({ documentId: organisation.documentId } as never);
    }
  });

  it('a permission taken from the public role takes effect at once', async () => {
    await get(list).expect(200);
    expect((await get(list)).headers['x-read-cache']).toBe('hit');
    const permissions = getStrapi().db.query('plugin::users-permissions.permission');
    const role = await getStrapi()
      .db.query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const permission = await permissions.findOne({
      where: { action: 'api::offer.offer.find', role: role.id },
    });
    await permissions.delete({ where: { id: permission.id } });
    try {
      const refused = await get(list);
      expect(refused.status).toBe(403);
    } finally {
      await permissions.create({ data: { action: 'api::offer.offer.find', role: role.id } });
    }
    await get(list).expect(200);
  });

  // the integration run uses PostgreSQL when DATABASE_URL is set (tests/helpers/strapi.ts)
  const onPostgres = Boolean(process.env.DATABASE_URL);
  (onPostgres ? it : it.skip)(
    'on PostgreSQL, a committed change is announced to the other instances (NOTIFY)',
    async () => {
      const { Client } = await import('pg');
      const listener = new Client({ connectionString: process.env.DATABASE_URL });
      await listener.connect();
      try {
        const heard: string[] = [];
        listener.on('notification', (message) => heard.push(String(message.payload)));
        await listener.query('LISTEN strapi_read_cache');
        await get(list).expect(200);
        await createOffer(`${marker} Angekündigt`);
        const deadline = Date.now() + 2000;
        while (!heard.some((payload) => payload.includes(OFFER)) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(heard.some((payload) => payload.includes(OFFER))).toBe(true);
      } finally {
        await listener.end();
      }
    }
  );

  describe('at midnight (Europe/Berlin), with the clock three seconds before it', () => {
    beforeAll(() => {
      // Only Date is moved; timers, the event loop and the database run in real time.
      jest.useFakeTimers({
        now: startOfNextDay().getTime() - 3000,
        advanceTimers: true,
        doNotFake: [
          'hrtime',
          'nextTick',
          'performance',
          'queueMicrotask',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'requestIdleCallback',
          'cancelIdleCallback',
          'setImmediate',
          'clearImmediate',
          'setInterval',
          'clearInterval',
          'setTimeout',
          'clearTimeout',
        ],
      });
    });
    afterAll(() => {
      jest.useRealTimers();
    });

    it('an offer valid until today disappears without any edit when the day ends', async () => {
      const today = isoDateIn();
      await createOffer(`${marker} Bis heute`, { validUntil: today });
      expect(titles(await get(list).expect(200))).toContain(`${marker} Bis heute`);
      expect((await get(list)).headers['x-read-cache']).toBe('hit');
      await new Promise((resolve) => setTimeout(resolve, 3500));
      expect(isoDateIn()).not.toBe(today);
      const after = await get(list).expect(200);
      expect(after.headers['x-read-cache']).toBe('miss');
      expect(titles(after)).not.toContain(`${marker} Bis heute`);
    });
  });
});
