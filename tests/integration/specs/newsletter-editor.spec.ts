import request from 'supertest';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import {
  DELIVERY,
  ISSUE,
  createSubscribers,
  retireAllSubscribers,
  waitForStatus,
} from '../../helpers/newsletter';

const server = () => getStrapi().server.httpServer;

describe('newsletter editors: test send, schedule, pause, cancel, hostile content', () => {
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const offerItems = async (count = 2) =>
    (
      (await getStrapi()
        .documents('api::offer.offer')
        .findMany({
          status: 'published',
          filters: { offerType: 'praktikum' },
          limit: count,
        } as never)) as unknown as { documentId: string }[]
    ).map((offer) => ({ section: 'offers', documentId: offer.documentId }));
  const create = async (body: Record<string, unknown>) =>
    (await request(server()).post('/newsletter/issues').set(auth()).send(body).expect(201)).body
      .data;

  beforeAll(async () => {
    admin = await createAdminToken();
  });

  it('admin routes need an admin and answer bad input with 400', async () => {
    await request(server()).get('/newsletter/issues').expect(401);
    const bad = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject: '' })
      .expect(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['subject']);
    const issue = await create({ subject: 'Rubriken', items: [] });
    const unknown = await request(server())
      .put(`/newsletter/issues/${issue.documentId}`)
      .set(auth())
      .send({ items: [{ section: 'wetter', documentId: 'abcdefghij1234567890abcd' }] })
      .expect(400);
    expect(unknown.body.error.details.errors[0].path[0]).toBe('items');
    await request(server()).get('/newsletter/issues/not-an-id!/progress').set(auth()).expect(400);
    await request(server())
      .get('/newsletter/issues/abcdefghij1234567890abcd/progress')
      .set(auth())
      .expect(404);
  });

  it('a test send goes to the given addresses with [TEST] in the subject and writes no delivery rows', async () => {
    const issue = await create({ subject: 'Probe', items: await offerItems() });
    const before = await getStrapi().db.query(DELIVERY).count();
    const response = await request(server())
      .post(`/newsletter/issues/${issue.documentId}/test`)
      .set(auth())
      .send({ emails: ['redaktion@example.org', 'Zweite@Example.org'] })
      .expect(200);
    expect(response.body.data).toEqual([
      { email: 'redaktion@example.org', sent: true },
      { email: 'zweite@example.org', sent: true },
    ]);
    const mail = await getMailSink().waitFor(
      (m) => m.to.includes('redaktion@example.org') && m.subject.startsWith('[TEST]')
    );
    expect(mail.subject).toBe('[TEST] Probe');
    expect(await getStrapi().db.query(DELIVERY).count()).toBe(before);
    expect(
      (
        await getStrapi()
          .db.query(ISSUE)
          .findOne({ where: { documentId: issue.documentId } })
      ).status
    ).toBe('draft');
    await request(server())
      .post(`/newsletter/issues/${issue.documentId}/test`)
      .set(auth())
      .send({ emails: ['kaputt'] })
      .expect(400);
    await request(server())
      .post(`/newsletter/issues/${issue.documentId}/test`)
      .set(auth())
      .send({ emails: [] })
      .expect(400);
  });

  it('hostile editor content never reaches a mail as markup', async () => {
    const strapi = getStrapi();
    const hostileOffer = await strapi.documents('api::offer.offer').create({
      data: {
        title: '<script>alert(1)</script>Praktikum "mit" <b>Extras</b>',
        summary: '<img src=x onerror=alert(1)> Zusammenfassung',
        offerType: 'praktikum',
        applyUrl: 'https://bewerbung.example.org/?a=1&b=<x>',
      },
      status: 'published',
    } as never);
    const hostileIntro = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Hallo <script>evil()</script> ' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'Klick' }] },
          {
            type: 'link',
            url: 'https://ok.example.org/?a=1&b=<x>',
            children: [{ type: 'text', text: 'Sicher' }],
          },
        ],
      },
    ];
    // Strapi's own validation already refuses javascript: links in rich text …
    const refused = await request(server())
      .post('/newsletter/issues')
      .set(auth())
      .send({ subject: 'x', intro: hostileIntro })
      .expect(400);
    expect(refused.body.error.details.errors[0].path).toEqual([
      'intro',
      '0',
      'children',
      '1',
      'url',
    ]);
    // … and if such content reaches the database by another way, the renderer still drops it.
    const issue = await create({
      subject: 'Betreff <script>alert("s")</script>',
      preheader: '<i onmouseover=alert(1)>Vorschau</i>',
      items: [
        {
          section: 'offers',
          documentId: (hostileOffer as unknown as { documentId: string }).documentId,
        },
      ],
    });
    await strapi.db
      .query(ISSUE)
      .update({ where: { documentId: issue.documentId }, data: { intro: hostileIntro } });
    await request(server())
      .post(`/newsletter/issues/${issue.documentId}/test`)
      .set(auth())
      .send({ emails: ['hostile@example.org'] })
      .expect(200);
    const mail = await getMailSink().waitFor((m) => m.to.includes('hostile@example.org'));
    // no real tag, event handler or script link (escaped text like &lt;img onerror&gt; is harmless)
    expect(mail.html).not.toMatch(/<script|<[^>]*\son\w+\s*=|href="\s*javascript:/i);
    expect(mail.html).not.toContain('javascript:');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Praktikum');
    expect(mail.html).toContain('href="https://ok.example.org/?a=1&amp;b=&lt;x&gt;"');
    expect(mail.html).toContain('Klick');
    // the offer links to its own page, which shows the apply link
    expect(mail.html).not.toContain('bewerbung.example.org');
    expect(mail.text).toContain('<script>alert(1)</script>Praktikum'); // text stays text
    expect(mail.subject).toBe('[TEST] Betreff <script>alert("s")</script>');
    await strapi.documents('api::offer.offer').delete({
      documentId: (hostileOffer as unknown as { documentId: string }).documentId,
    } as never);
  });

  it('schedules in Europe/Berlin local time, across the daylight-saving change, and the tick starts it when due', async () => {
    const strapi = getStrapi();
    await retireAllSubscribers();
    await createSubscribers([{ email: 'scheduled@editor.example.org', topics: ['offers'] }]);
    const issue = await create({ subject: 'Geplant', items: await offerItems(1) });
    const schedule = (at: string) =>
      request(server())
        .post(`/newsletter/issues/${issue.documentId}/schedule`)
        .set(auth())
        .send({ at });
    // 08:00 on the last Sunday of March 2027: clocks went forward at 02:00 → CEST, UTC+2
    expect((await schedule('2027-03-28T08:00').expect(200)).body.data.scheduledAt).toBe(
      '2027-03-28T06:00:00.000Z'
    );
    // 02:30 that night does not exist: it becomes 03:30 CEST
    expect((await schedule('2027-03-28T02:30').expect(200)).body.data.scheduledAt).toBe(
      '2027-03-28T01:30:00.000Z'
    );
    // 02:30 on 31 October 2027 exists twice: the first one (CEST) counts
    expect((await schedule('2027-10-31T02:30').expect(200)).body.data.scheduledAt).toBe(
      '2027-10-31T00:30:00.000Z'
    );
    // winter time: UTC+1; an explicit offset is taken as given
    expect((await schedule('2027-01-12T08:00').expect(200)).body.data.scheduledAt).toBe(
      '2027-01-12T07:00:00.000Z'
    );
    expect((await schedule('2027-01-12T08:00:00+01:00').expect(200)).body.data.scheduledAt).toBe(
      '2027-01-12T07:00:00.000Z'
    );
    await schedule('gestern').expect(400);
    await schedule('2020-01-01T08:00').expect(400);

    await schedule('2027-03-28T02:30').expect(200);
    const scheduler = strapi.plugin('newsletter').service('scheduler');
    await scheduler.tick(new Date('2027-03-28T01:29:00Z'));
    expect(
      (await strapi.db.query(ISSUE).findOne({ where: { documentId: issue.documentId } })).status
    ).toBe('scheduled');
    await scheduler.tick(new Date('2027-03-28T01:30:00Z'));
    await waitForStatus(issue.documentId, ['sent']);
    await getMailSink().waitFor((m) => m.to.includes('scheduled@editor.example.org'));
  });

  it('unschedule, pause, resume, cancel move only along allowed transitions (409 otherwise)', async () => {
    const issue = await create({ subject: 'Übergänge', items: await offerItems(1) });
    const post = (action: string, body: Record<string, unknown> = {}) =>
      request(server())
        .post(`/newsletter/issues/${issue.documentId}/${action}`)
        .set(auth())
        .send(body);
    await post('pause').expect(409);
    await post('resume').expect(409);
    await post('unschedule').expect(409);
    await post('schedule', { at: '2030-01-01T08:00' }).expect(200);
    expect((await post('unschedule').expect(200)).body.data.status).toBe('draft');
    const conflict = await post('resume').expect(409);
    expect(conflict.body.error.name).toBe('ConflictError');
    expect((await post('cancel').expect(200)).body.data.status).toBe('cancelled');
    await post('send').expect(409);
    await request(server())
      .put(`/newsletter/issues/${issue.documentId}`)
      .set(auth())
      .send({ subject: 'Neu' })
      .expect(409);
  });

  it('the automatic digest proposes what was published since the last sent issue, once per run', async () => {
    const strapi = getStrapi();
    const scheduler = strapi.plugin('newsletter').service('scheduler');
    const lastSent = await strapi.plugin('newsletter').service('composer').lastSentAt();
    expect(lastSent).toBeTruthy();
    expect(await scheduler.createDigest(new Date())).toBeNull(); // nothing new since

    const fresh = await strapi.documents('api::employer-tip.employer-tip').create({
      data: {
        title: 'Neuer Tipp für den Digest',
        summary: 'Frisch veröffentlicht',
        effort: 'gering',
        cost: 'keine',
      },
      status: 'published',
    } as never);
    const expiredOffer = await strapi.documents('api::offer.offer').create({
      data: {
        title: 'Schon abgelaufen',
        summary: 'x',
        offerType: 'praktikum',
        validUntil: '2020-01-01',
      },
      status: 'published',
    } as never);
    const now = new Date();
    const digest = (await scheduler.createDigest(now)) as unknown as { documentId: string };
    const stored = await strapi.db
      .query(ISSUE)
      .findOne({ where: { documentId: digest.documentId } });
    expect(stored.status).toBe('draft'); // autoSend is off by default
    expect(stored.items).toEqual([
      {
        section: 'employer-tips',
        documentId: (fresh as unknown as { documentId: string }).documentId,
      },
    ]);
    expect(JSON.stringify(stored.items)).not.toContain(
      (expiredOffer as unknown as { documentId: string }).documentId
    );
    // a second instance firing at the same time creates nothing
    expect(await scheduler.createDigest(now)).toBeNull();
    expect(await strapi.db.query(ISSUE).count({ where: { digestKey: stored.digestKey } })).toBe(1);

    const runs = scheduler.nextDigestRuns(3) as Date[];
    for (const run of runs) {
      const local = new Intl.DateTimeFormat('de-DE', {
        timeZone: 'Europe/Berlin',
        weekday: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(run);
      expect(local).toMatch(/^Dienstag, [1-7]\., 08:00$/);
    }
  });
});
