import request from 'supertest';
import { createFullAccessToken, getStrapi } from '../../helpers/strapi';

const PUBLIC_COLLECTIONS = [
  'offers',
  'practice-examples',
  'employer-tips',
  'municipalities',
  'fields-of-action',
  'organisations',
];

const server = () => getStrapi().server.httpServer;

describe('public read access', () => {
  it.each(PUBLIC_COLLECTIONS)('GET /api/%s lists documents, and findOne works', async (name) => {
    const list = await request(server()).get(`/api/${name}`).expect(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    const { documentId } = list.body.data[0];
    const one = await request(server()).get(`/api/${name}/${documentId}`).expect(200);
    expect(one.body.data.documentId).toBe(documentId);
  });

  it('grants exactly find/findOne, idempotently (a second bootstrap adds nothing)', async () => {
    const strapi = getStrapi();
    const { grantPublicPermissions, publicReadActions } =
      await import('../../../src/bootstrap/public-permissions');
    const added = await grantPublicPermissions(strapi, publicReadActions());
    expect(added).toEqual([]);
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const rows = await strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id, action: { $startsWith: 'api::' } } });
    expect(rows.map((row: { action: string }) => row.action).sort()).toEqual(
      publicReadActions().sort()
    );
  });
});

describe('drafts are never public', () => {
  let draftId: string;

  beforeAll(async () => {
    const draft = await getStrapi()
      .documents('api::offer.offer')
      .create({
        data: {
          title: 'Unveröffentlichter Entwurf',
          offerType: 'praktikum',
          summary: 'Dieser Entwurf darf öffentlich nicht sichtbar sein.',
        },
      } as never);
    draftId = draft.documentId;
  });

  afterAll(async () => {
    await getStrapi()
      .documents('api::offer.offer')
      .delete({ documentId: draftId } as never);
  });

  it('is not in the list and not found by id', async () => {
    const list = await request(server()).get('/api/offers?pagination[pageSize]=100').expect(200);
    expect(list.body.data.map((o: { documentId: string }) => o.documentId)).not.toContain(draftId);
    await request(server()).get(`/api/offers/${draftId}`).expect(404);
  });

  it.each(['offers', 'practice-examples', 'employer-tips'])(
    'GET /api/%s?status=draft is refused for the Public role',
    async (name) => {
      const response = await request(server()).get(`/api/${name}?status=draft`).expect(403);
      expect(response.body.error.name).toBe('ForbiddenError');
    }
  );

  it('is readable with an API token (preview front ends)', async () => {
    const token = await createFullAccessToken('draft-preview');
    const response = await request(server())
      .get(`/api/offers/${draftId}?status=draft`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(response.body.data.title).toBe('Unveröffentlichter Entwurf');
  });
});

describe('writing needs a token', () => {
  const body = { data: { title: 'x', offerType: 'praktikum', summary: 'x' } };

  it.each(PUBLIC_COLLECTIONS)('POST /api/%s without a token is forbidden', async (name) => {
    const before = await request(server()).get(`/api/${name}`);
    await request(server()).post(`/api/${name}`).send(body).expect(403);
    const after = await request(server()).get(`/api/${name}`);
    expect(after.body.meta.pagination.total).toBe(before.body.meta.pagination.total);
  });

  it('PUT and DELETE without a token are forbidden', async () => {
    const list = await request(server()).get('/api/offers').expect(200);
    const { documentId } = list.body.data[0];
    await request(server()).put(`/api/offers/${documentId}`).send(body).expect(403);
    await request(server()).delete(`/api/offers/${documentId}`).expect(403);
    await request(server()).get(`/api/offers/${documentId}`).expect(200);
  });

  it('an invalid token is unauthorized', async () => {
    await request(server())
      .post('/api/offers')
      .set('Authorization', 'Bearer not-a-real-token')
      .send(body)
      .expect(401);
  });

  it('subscriber-like internals (users, roles) are not public', async () => {
    await request(server()).get('/api/users').expect(403);
    await request(server()).get('/api/users-permissions/roles').expect(403);
  });
});
