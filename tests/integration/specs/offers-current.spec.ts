import request from 'supertest';
import { getStrapi } from '../../helpers/strapi';
import { addDays, isoDateIn } from '../../../src/lib/dates';

const server = () => getStrapi().server.httpServer;

const listSlugs = async (query = '') => {
  const response = await request(server())
    .get(`/api/offers?pagination[pageSize]=100${query}`)
    .expect(200);
  return response.body.data.map((offer: { slug: string }) => offer.slug) as string[];
};

describe('GET /api/offers shows only current offers', () => {
  const today = isoDateIn();
  const created: string[] = [];
  const cases = {
    'gueltig-bis-heute': { offerType: 'praktikum', validUntil: today, visible: true },
    'gueltig-bis-gestern': {
      offerType: 'praktikum',
      validUntil: addDays(today, -1),
      visible: false,
    },
    'veranstaltung-endet-heute': {
      offerType: 'veranstaltung',
      startDate: addDays(today, -2),
      endDate: today,
      visible: true,
    },
    'veranstaltung-laeuft-noch': {
      offerType: 'veranstaltung',
      startDate: addDays(today, -3),
      endDate: addDays(today, 3),
      visible: true,
    },
    'veranstaltung-nur-beginn-gestern': {
      offerType: 'veranstaltung',
      startDate: addDays(today, -1),
      visible: false,
    },
    'praktikum-begann-gestern': {
      offerType: 'praktikum',
      startDate: addDays(today, -1),
      visible: true,
    },
  } as const;

  beforeAll(async () => {
    const documents = getStrapi().documents('api::offer.offer');
    for (const [slug, { visible: _visible, ...dates }] of Object.entries(cases)) {
      const offer = await documents.create({
        data: { slug, title: slug, summary: 'Testangebot', ...dates },
        status: 'published',
      } as never);
      created.push(offer.documentId);
    }
  });

  afterAll(async () => {
    for (const documentId of created) {
      await getStrapi()
        .documents('api::offer.offer')
        .delete({ documentId } as never);
    }
  });

  it('hides the expired demo offer and the past demo event', async () => {
    const slugs = await listSlugs();
    expect(slugs).not.toContain('expired-praktikum-sommer');
    expect(slugs).not.toContain('vergangener-ausbilderstammtisch');
    expect(slugs.length).toBeGreaterThanOrEqual(13);
  });

  it.each(Object.entries(cases))('%s', async (slug, { visible }) => {
    const slugs = await listSlugs();
    expect(slugs.includes(slug)).toBe(visible);
  });

  it('keeps the client filters and adds the current rule to them', async () => {
    const slugs = await listSlugs('&filters[offerType][$eq]=veranstaltung');
    expect(slugs).toContain('veranstaltung-laeuft-noch');
    expect(slugs).not.toContain('vergangener-ausbilderstammtisch');
    expect(slugs).not.toContain('gueltig-bis-heute');
  });

  it('lists expired offers when the client filters on the dates explicitly', async () => {
    const expired = await listSlugs(`&filters[validUntil][$lt]=${today}`);
    expect(expired).toContain('expired-praktikum-sommer');
    expect(expired).toContain('gueltig-bis-gestern');
    const pastEvents = await listSlugs(
      `&filters[offerType][$eq]=veranstaltung&filters[endDate][$lt]=${today}`
    );
    expect(pastEvents).toContain('vergangener-ausbilderstammtisch');
  });

  it('still serves an expired offer by id (links keep working)', async () => {
    const [expired] = await getStrapi()
      .documents('api::offer.offer')
      .findMany({ filters: { slug: 'expired-praktikum-sommer' }, status: 'published' } as never);
    await request(server()).get(`/api/offers/${expired.documentId}`).expect(200);
  });
});

describe('offers store the last day they are current (visibleUntil)', () => {
  const OFFER = 'api::offer.offer';
  const today = isoDateIn();
  const created: string[] = [];
  const offers = () => getStrapi().documents(OFFER);

  const create = async (slug: string, data: Record<string, unknown>) => {
    const offer = await offers().create({
      data: { slug, title: slug, summary: 'Testangebot', offerType: 'praktikum', ...data },
      status: 'published',
    } as never);
    created.push(offer.documentId);
    return offer.documentId as string;
  };

  /** The stored value of both rows of a document (draft and published). */
  const stored = async (documentId: string) => {
    const rows = (await getStrapi()
      .db.query(OFFER)
      .findMany({ where: { documentId }, select: ['visibleUntil', 'publishedAt'] })) as {
      visibleUntil: string | null;
      publishedAt: string | null;
    }[];
    return {
      draft: rows.find((row) => !row.publishedAt)?.visibleUntil,
      published: rows.find((row) => row.publishedAt)?.visibleUntil,
    };
  };

  afterAll(async () => {
    for (const documentId of created) {
      await offers().delete({ documentId } as never);
    }
  });

  it('computes it on create, in the draft and the published row', async () => {
    const id = await create('sichtbar-veranstaltung-abgelaufen', {
      offerType: 'veranstaltung',
      startDate: addDays(today, -5),
      endDate: addDays(today, -2),
      validUntil: addDays(today, 30),
    });
    expect(await stored(id)).toEqual({
      draft: addDays(today, -2),
      published: addDays(today, -2),
    });
    expect(await listSlugs()).not.toContain('sichtbar-veranstaltung-abgelaufen');

    const always = await create('sichtbar-ohne-datum', {});
    expect(await stored(always)).toEqual({ draft: null, published: null });
    expect(await listSlugs()).toContain('sichtbar-ohne-datum');
  });

  it('ignores a value sent by hand', async () => {
    const id = await create('sichtbar-von-hand', {
      validUntil: addDays(today, 3),
      visibleUntil: '2000-01-01',
    });
    expect(await stored(id)).toEqual({ draft: addDays(today, 3), published: addDays(today, 3) });
  });

  it('follows partial updates, merged with the stored dates', async () => {
    const id = await create('sichtbar-wird-geaendert', {
      offerType: 'veranstaltung',
      startDate: addDays(today, -3),
      endDate: addDays(today, -1),
    });
    expect(await listSlugs()).not.toContain('sichtbar-wird-geaendert');

    // only the end date: still an event, now running until tomorrow
    await offers().update({
      documentId: id,
      data: { endDate: addDays(today, 1) },
      status: 'published',
    } as never);
    expect(await stored(id)).toEqual({ draft: addDays(today, 1), published: addDays(today, 1) });
    expect(await listSlugs()).toContain('sichtbar-wird-geaendert');

    // no longer an event: its past dates do not end it, validUntil today keeps it for today
    await offers().update({
      documentId: id,
      data: { offerType: 'praktikum', endDate: addDays(today, -1), validUntil: today },
      status: 'published',
    } as never);
    expect(await stored(id)).toEqual({ draft: today, published: today });
    expect(await listSlugs()).toContain('sichtbar-wird-geaendert');

    // a draft edit changes the draft only, until it is published
    await offers().update({
      documentId: id,
      data: { validUntil: addDays(today, -1) },
    } as never);
    expect(await stored(id)).toEqual({ draft: addDays(today, -1), published: today });
    expect(await listSlugs()).toContain('sichtbar-wird-geaendert');
    await offers().publish({ documentId: id } as never);
    expect(await stored(id)).toEqual({
      draft: addDays(today, -1),
      published: addDays(today, -1),
    });
    expect(await listSlugs()).not.toContain('sichtbar-wird-geaendert');
  });

  it('computes it for a clone with changed dates', async () => {
    const id = await create('sichtbar-original', { validUntil: addDays(today, -1) });
    const clone = (await offers().clone({
      documentId: id,
      data: { slug: 'sichtbar-kopie', title: 'Kopie', validUntil: addDays(today, 10) },
    } as never)) as { documentId: string };
    created.push(clone.documentId);
    expect((await stored(clone.documentId)).draft).toBe(addDays(today, 10));
  });

  it('is never part of the API output, and clients cannot filter on it', async () => {
    const response = await request(server()).get('/api/offers?pagination[pageSize]=100');
    expect(response.status).toBe(200);
    for (const offer of response.body.data) expect(offer).not.toHaveProperty('visibleUntil');
    await request(server()).get(`/api/offers?filters[visibleUntil][$lt]=${today}`).expect(400);
  });

  it('is hidden in the admin (neither edit view nor list)', async () => {
    const contentTypes = getStrapi().plugin('content-manager').service('content-types');
    const configuration = await contentTypes.findConfiguration({ uid: OFFER });
    expect(JSON.stringify(configuration.layouts)).not.toContain('visibleUntil');
    const model = getStrapi()
      .plugin('content-manager')
      .service('data-mapper')
      .toContentManagerModel(getStrapi().contentType(OFFER));
    expect(model.attributes).not.toHaveProperty('visibleUntil');
  });

  it('is backfilled by the bootstrap step, once', async () => {
    const id = await create('sichtbar-nachgetragen', {
      offerType: 'veranstaltung',
      startDate: addDays(today, -4),
    });
    const { backfillOfferVisibility } = await import('../../../src/bootstrap/offer-visibility');
    // rows from before the field existed, or written around the Document Service
    const knex = getStrapi().db.connection;
    await knex('offers').where({ document_id: id }).update({ visible_until: null });
    expect(await backfillOfferVisibility(getStrapi(), { batchSize: 7 })).toBe(2);
    expect(await stored(id)).toEqual({
      draft: addDays(today, -4),
      published: addDays(today, -4),
    });
    expect(await backfillOfferVisibility(getStrapi())).toBe(0);
  });
});
