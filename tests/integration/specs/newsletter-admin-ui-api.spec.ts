/**
 * The admin routes behind the newsletter's admin pages: settings, candidates per section, item
 * titles of an issue, live counts in the list, subscriber counts and search; bad query
 * parameters answer 400 naming the field; admins without the action get 403.
 */
import request from 'supertest';
import { adminApiToken, createRestrictedAdmin } from '../../helpers/admin';
import { ISSUE, SUBSCRIBER, createSubscribers } from '../../helpers/newsletter';
import { createAdminToken, getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const ACTION = (name: string) => `plugin::newsletter.${name}`;

describe('newsletter admin pages: routes', () => {
  let admin: string;
  const get = (url: string, token = admin) =>
    request(server()).get(url).set('Authorization', `Bearer ${token}`);
  const expect400 = async (url: string, field: string) => {
    const response = await get(url).expect(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(
      response.body.error.details.errors.map((error: { path: string[] }) => error.path[0])
    ).toContain(field);
    return response;
  };

  beforeAll(async () => {
    admin = await createAdminToken();
  });

  it('registers „Abonnenten ansehen“ next to the other actions', () => {
    const action = getStrapi()
      .service('admin::permission')
      .actionProvider.get(ACTION('subscribers.read'));
    expect(action).toMatchObject({ displayName: 'Abonnenten ansehen', pluginName: 'newsletter' });
  });

  it('GET /settings: topics, sections and the time zone, nothing secret', async () => {
    const { body } = await get('/newsletter/settings').expect(200);
    expect(body.data).toEqual({
      topics: [
        { key: 'offers', label: 'Angebote' },
        { key: 'practice-examples', label: 'Praxisbeispiele' },
        { key: 'employer-tips', label: 'Arbeitgeber-Tipps' },
      ],
      sections: [
        { topic: 'offers', title: 'Aktuelle Angebote' },
        { topic: 'practice-examples', title: 'Praxisbeispiele aus anderen Kommunen' },
        { topic: 'employer-tips', title: 'Tipps für Arbeitgeber' },
      ],
      timezone: 'Europe/Berlin',
    });
    expect(JSON.stringify(body)).not.toMatch(/secret|smtp/i);
  });

  describe('candidates and item titles', () => {
    const strapi = () => getStrapi();
    let expired: { documentId: string };
    let current: { documentId: string };

    beforeAll(async () => {
      current = (await strapi()
        .documents('api::offer.offer')
        .create({
          data: {
            title: 'Kandidat Zimmerei-Praktikum',
            summary: 'Zwei Wochen in der Werkstatt.',
            offerType: 'praktikum',
          },
          status: 'published',
        } as never)) as unknown as { documentId: string };
      expired = (await strapi()
        .documents('api::offer.offer')
        .create({
          data: {
            title: 'Kandidat abgelaufenes Praktikum',
            summary: 'Nicht mehr aktuell.',
            offerType: 'praktikum',
            validUntil: '2020-01-31',
          },
          status: 'published',
        } as never)) as unknown as { documentId: string };
    });

    afterAll(async () => {
      for (const { documentId } of [current, expired].filter(Boolean)) {
        await strapi()
          .documents('api::offer.offer')
          .delete({ documentId } as never);
      }
    });

    it('GET /issues/candidates lists current published documents of a section, searched by title', async () => {
      const { body } = await get(
        `/newsletter/issues/candidates?section=offers&q=${encodeURIComponent('kandidat')}`
      ).expect(200);
      expect(body.data).toEqual([
        expect.objectContaining({
          documentId: current.documentId,
          title: 'Kandidat Zimmerei-Praktikum',
          label: 'Praktikum',
        }),
      ]);
      const all = await get('/newsletter/issues/candidates?section=employer-tips').expect(200);
      expect(all.body.data.length).toBeGreaterThan(0);
      expect(all.body.data.length).toBeLessThanOrEqual(20);
      expect(all.body.data[0]).toEqual({
        documentId: expect.any(String),
        title: expect.any(String),
        label: 'Arbeitgeber-Tipp',
        publishedAt: expect.any(String),
      });
    });

    it('GET /issues/candidates: 400 naming the field for an unknown section or a long search', async () => {
      await expect400('/newsletter/issues/candidates', 'section');
      await expect400('/newsletter/issues/candidates?section=wetter', 'section');
      await expect400(`/newsletter/issues/candidates?section=offers&q=${'x'.repeat(101)}`, 'q');
      await expect400('/newsletter/issues/candidates?section=offers&q=a&q=b', 'q');
    });

    it('GET /issues/:id carries each item’s title and whether it still goes out', async () => {
      const missing = 'abcdefghij0123456789abcd';
      const created = await request(server())
        .post('/newsletter/issues')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          subject: 'Titel der Beiträge',
          items: [
            { section: 'offers', documentId: expired.documentId },
            { section: 'offers', documentId: current.documentId },
            { section: 'offers', documentId: missing },
          ],
        })
        .expect(201);
      const { body } = await get(`/newsletter/issues/${created.body.data.documentId}`).expect(200);
      expect(body.data.subject).toBe('Titel der Beiträge');
      expect(body.meta.items).toEqual([
        {
          section: 'offers',
          documentId: expired.documentId,
          title: 'Kandidat abgelaufenes Praktikum',
          current: false,
        },
        {
          section: 'offers',
          documentId: current.documentId,
          title: 'Kandidat Zimmerei-Praktikum',
          current: true,
        },
        { section: 'offers', documentId: missing, title: null, current: false },
      ]);
      // PUT answers the same shape
      const updated = await request(server())
        .put(`/newsletter/issues/${created.body.data.documentId}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ items: [{ section: 'offers', documentId: current.documentId }] })
        .expect(200);
      expect(updated.body.meta.items).toEqual([
        expect.objectContaining({ documentId: current.documentId, current: true }),
      ]);
      await getStrapi()
        .db.query(ISSUE)
        .delete({ where: { documentId: created.body.data.documentId } });
    });
  });

  it('GET /issues validates paging and gives every issue its counts', async () => {
    await expect400('/newsletter/issues?page=0', 'page');
    await expect400('/newsletter/issues?pageSize=500', 'pageSize');
    await expect400('/newsletter/issues?page=abc', 'page');
    const { body } = await get('/newsletter/issues?page=1&pageSize=5').expect(200);
    expect(body.meta.pagination).toMatchObject({ page: 1, pageSize: 5 });
    for (const issue of body.data) {
      expect(issue).toEqual(
        expect.objectContaining({
          recipients: expect.any(Number),
          sent: expect.any(Number),
          pending: expect.any(Number),
        })
      );
      expect(issue).not.toHaveProperty('rendering');
    }
  });

  describe('subscribers', () => {
    const prefix = 'ui-api-liste';
    const seeds = [
      { email: `${prefix}-1@example.org`, topics: ['offers'], name: 'Eins' },
      { email: `${prefix}-2@example.org`, topics: ['offers', 'employer-tips'] },
      { email: `${prefix}-3@example.org`, topics: ['practice-examples'], status: 'pending' },
      { email: `${prefix}-4@example.org`, topics: ['offers'], status: 'unsubscribed' },
      { email: `${prefix}-5@example.org`, topics: ['employer-tips'], status: 'bounced' },
    ];
    let before: {
      total: number;
      byStatus: Record<string, number>;
      byTopic: { key: string; active: number }[];
    };

    beforeAll(async () => {
      before = (await get('/newsletter/subscribers/stats').expect(200)).body.data;
      await createSubscribers(seeds);
    });

    afterAll(async () => {
      await getStrapi()
        .db.query(SUBSCRIBER)
        .deleteMany({ where: { email: { $startsWith: prefix } } });
    });

    it('GET /subscribers/stats counts by status and active subscribers per topic', async () => {
      const { body } = await get('/newsletter/subscribers/stats').expect(200);
      const after = body.data;
      expect(after.total).toBe(before.total + 5);
      expect(after.byStatus.active).toBe(before.byStatus.active + 2);
      expect(after.byStatus.pending).toBe(before.byStatus.pending + 1);
      expect(after.byStatus.unsubscribed).toBe(before.byStatus.unsubscribed + 1);
      expect(after.byStatus.bounced).toBe(before.byStatus.bounced + 1);
      const active = (stats: typeof before, key: string) =>
        stats.byTopic.find((topic) => topic.key === key)!.active;
      expect(active(after, 'offers')).toBe(active(before, 'offers') + 2);
      expect(active(after, 'employer-tips')).toBe(active(before, 'employer-tips') + 1);
      expect(active(after, 'practice-examples')).toBe(active(before, 'practice-examples'));
      expect(after.byTopic.map((topic: { label: string }) => topic.label)).toEqual([
        'Angebote',
        'Praxisbeispiele',
        'Arbeitgeber-Tipps',
      ]);
    });

    it('GET /subscribers searches by address, filters by status, pages, and shows only what editors need', async () => {
      const { body } = await get(`/newsletter/subscribers?q=${prefix.toUpperCase()}`).expect(200);
      expect(body.data).toHaveLength(5);
      expect(body.meta.pagination).toEqual({ page: 1, pageSize: 20, total: 5, pageCount: 1 });
      expect(Object.keys(body.data[0]).sort()).toEqual(
        [
          'bounceCount',
          'confirmedAt',
          'createdAt',
          'documentId',
          'email',
          'name',
          'organisation',
          'source',
          'status',
          'topics',
          'unsubscribedAt',
        ].sort()
      );
      const active = await get(`/newsletter/subscribers?q=${prefix}&status=active`).expect(200);
      expect(active.body.data.map((row: { email: string }) => row.email).sort()).toEqual([
        `${prefix}-1@example.org`,
        `${prefix}-2@example.org`,
      ]);
      const paged = await get(`/newsletter/subscribers?q=${prefix}&page=2&pageSize=2`).expect(200);
      expect(paged.body.data).toHaveLength(2);
      expect(paged.body.meta.pagination).toEqual({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
      // LIKE wildcards are searched literally
      const wildcard = await get('/newsletter/subscribers?q=%25_%25').expect(200);
      expect(wildcard.body.data).toEqual([]);
    });

    it('GET /subscribers: 400 naming the field for bad parameters', async () => {
      await expect400('/newsletter/subscribers?page=0', 'page');
      await expect400('/newsletter/subscribers?pageSize=101', 'pageSize');
      await expect400('/newsletter/subscribers?status=geloescht', 'status');
      await expect400(`/newsletter/subscribers?q=${'a'.repeat(255)}`, 'q');
    });
  });

  describe('permissions', () => {
    let readIssues: string;
    let readSubscribers: string;

    beforeAll(async () => {
      readIssues = await adminApiToken(
        await createRestrictedAdmin({
          email: 'nl-ui-api-ausgaben@bildungsbuero.example',
          actions: [ACTION('issues.read')],
        })
      );
      readSubscribers = await adminApiToken(
        await createRestrictedAdmin({
          email: 'nl-ui-api-abonnenten@bildungsbuero.example',
          actions: [ACTION('subscribers.read')],
        })
      );
    });

    it('each new route needs its action (403 without it)', async () => {
      await get('/newsletter/settings', readIssues).expect(200);
      await get('/newsletter/issues', readIssues).expect(200);
      await get('/newsletter/subscribers/stats', readIssues).expect(403);
      await get('/newsletter/subscribers', readIssues).expect(403);
      await get('/newsletter/issues/candidates?section=offers', readIssues).expect(403);

      await get('/newsletter/subscribers/stats', readSubscribers).expect(200);
      await get('/newsletter/subscribers?q=x', readSubscribers).expect(200);
      await get('/newsletter/settings', readSubscribers).expect(403);
      await get('/newsletter/subscribers/export', readSubscribers).expect(403);
    });

    it('needs an admin at all', async () => {
      await request(server()).get('/newsletter/settings').expect(401);
      await request(server()).get('/newsletter/subscribers/stats').expect(401);
      await request(server()).get('/newsletter/subscribers').expect(401);
      await request(server()).get('/newsletter/issues/candidates?section=offers').expect(401);
    });
  });
});
