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
