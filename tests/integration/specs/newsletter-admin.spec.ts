import request from 'supertest';
import { createAdminToken, getMailSink, getStrapi } from '../../helpers/strapi';
import { findSubscriber } from './newsletter-subscribe.spec';

const server = () => getStrapi().server.httpServer;

describe('newsletter admin: CSV import, export, GDPR', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await createAdminToken();
  });

  const importCsv = (csv: string) =>
    request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${admin}`)
      .set('Content-Type', 'text/csv')
      .send(csv);

  it('admin routes need an admin', async () => {
    await request(server())
      .post('/newsletter/subscribers/import')
      .set('Content-Type', 'text/csv')
      .send('email\n')
      .expect(401);
    await request(server()).get('/newsletter/subscribers/export').expect(401);
  });

  it('imports good rows, reports bad rows by line, and mails those without consent proof', async () => {
    const csv = [
      'email,name,organisation,topics,consentAt,consentIp',
      'import.active@example.org,Anna Aktiv,Tischlerei Holzwerk,offers;employer-tips,2026-01-15T10:00:00Z,192.0.2.10',
      'import.pending@example.org,Paul Pending,,practice-examples,,',
      'kaputt-ohne-at,Falsch,,offers,,',
      'import.topic@example.org,,,astrologie,,',
      '"import.quoted@example.org","Müller, Eva","""Die"" Schule",offers|practice-examples,2026-02-01,2001:db8::1',
      'IMPORT.ACTIVE@example.org,Doppelt,,offers,2026-01-15,',
      'import.future@example.org,,,offers,2999-01-01,',
    ].join('\r\n');
    const response = await importCsv(csv).expect(200);
    const report = response.body.data;
    expect(report.rows).toBe(7);
    expect(report.created).toEqual({ active: 2, pending: 1 });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, field: 'email' }),
        expect.objectContaining({ line: 5, field: 'topics' }),
        expect.objectContaining({ line: 8, field: 'consentAt' }),
      ])
    );
    expect(report.skipped).toEqual([
      expect.objectContaining({ line: 7, email: 'import.active@example.org' }),
    ]);

    const active = await findSubscriber('import.active@example.org');
    expect(active).toMatchObject({
      status: 'active',
      source: 'import',
      consentIp: '192.0.2.10',
      topics: ['offers', 'employer-tips'],
    });
    const quoted = await findSubscriber('import.quoted@example.org');
    expect(quoted).toMatchObject({
      name: 'Müller, Eva',
      organisation: '"Die" Schule',
      topics: ['offers', 'practice-examples'],
    });
    expect((await findSubscriber('import.pending@example.org')).status).toBe('pending');
    await getMailSink().waitFor((m) => m.to.includes('import.pending@example.org'));
    expect(getMailSink().to('import.active@example.org')).toHaveLength(0);
  });

  it('accepts JSON { csv } too and refuses an empty body with 400', async () => {
    const response = await request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${admin}`)
      .send({ csv: 'email,topics,consentAt\njson.import@example.org,offers,2026-03-01\n' })
      .expect(200);
    expect(response.body.data.created.active).toBe(1);
    const empty = await request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${admin}`)
      .send({})
      .expect(400);
    expect(empty.body.error.details.errors[0].path).toEqual(['csv']);
  });

  it('does not re-activate an unsubscribed address without consent given after the unsubscribe', async () => {
    const strapi = getStrapi();
    const subscriber = await findSubscriber('import.active@example.org');
    await strapi.db.query('plugin::newsletter.subscriber').update({
      where: { id: subscriber.id },
      data: { status: 'unsubscribed', unsubscribedAt: new Date('2026-03-01T00:00:00Z') },
    });
    const old = await importCsv(
      'email,topics,consentAt\nimport.active@example.org,offers,2026-01-15\n'
    ).expect(200);
    expect(old.body.data.skipped[0].reason).toContain('abgemeldet');
    expect((await findSubscriber('import.active@example.org')).status).toBe('unsubscribed');
    const fresh = await importCsv(
      'email,topics,consentAt\nimport.active@example.org,offers,2026-04-01\n'
    ).expect(200);
    expect(fresh.body.data.reactivated).toBe(1);
    expect((await findSubscriber('import.active@example.org')).status).toBe('active');
  });

  it('an editor writing through the Document Service (as the admin does) gets the same rules', async () => {
    const documents = getStrapi().documents('plugin::newsletter.subscriber' as never);
    const created = (await documents.create({
      data: {
        email: '  Editor.Typed@Example.ORG ',
        topics: ['offers'],
        status: 'active',
        source: 'admin',
      },
    } as never)) as unknown as { documentId: string; email: string };
    expect(created.email).toBe('editor.typed@example.org');
    await expect(
      documents.update({ documentId: created.documentId, data: { topics: ['unbekannt'] } } as never)
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      documents.create({ data: { email: 'no.topics@example.org', status: 'active' } } as never)
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      documents.create({ data: { email: 'EDITOR.TYPED@example.org', topics: ['offers'] } } as never)
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('exports all subscribers as CSV', async () => {
    const response = await request(server())
      .get('/newsletter/subscribers/export')
      .set('Authorization', `Bearer ${admin}`)
      .buffer(true)
      .parse((res, callback) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => callback(null, text));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = (response.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      'email,name,organisation,topics,status,source,consentVersion,consentAt,consentIp,confirmedAt,confirmIp,unsubscribedAt,bounceCount,createdAt'
    );
    expect(lines.length - 1).toBe(
      await getStrapi().db.query('plugin::newsletter.subscriber').count()
    );
    expect(response.body).toContain('"Müller, Eva"');
  });

  it('Art. 15: exports one subscriber’s data as JSON', async () => {
    const subscriber = await findSubscriber('import.pending@example.org');
    const response = await request(server())
      .get(`/newsletter/subscribers/${subscriber.documentId}/data`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const { data } = response.body;
    expect(data.subscriber).toMatchObject({
      email: 'import.pending@example.org',
      name: 'Paul Pending',
      status: 'pending',
    });
    expect(data.subscriber.history[0].event).toBe('imported');
    expect(data.mails[0]).toMatchObject({ kind: 'confirmation', status: 'sent' });
    await request(server())
      .get('/newsletter/subscribers/doesnotexist00000000001/data')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    await request(server())
      .get('/newsletter/subscribers/NOT-AN-ID/data')
      .set('Authorization', `Bearer ${admin}`)
      .expect(400);
  });

  it('Art. 17: erases personal data, keeps a keyed hash, and a later import needs new consent', async () => {
    const strapi = getStrapi();
    const email = 'import.quoted@example.org';
    const subscriber = await findSubscriber(email);
    await request(server())
      .delete(`/newsletter/subscribers/${subscriber.documentId}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(await findSubscriber(email)).toBeNull();
    const suppressions = await strapi.db.query('plugin::newsletter.suppression').findMany();
    expect(JSON.stringify(suppressions)).not.toContain(email);
    expect(
      suppressions.some((row: { addressHash: string }) => /^[0-9a-f]{64}$/.test(row.addressHash))
    ).toBe(true);

    const reimport = await importCsv(`email,topics,consentAt\n${email},offers,2026-02-01\n`).expect(
      200
    );
    expect(reimport.body.data.skipped[0].reason).toContain('gelöscht');
    expect(await findSubscriber(email)).toBeNull();

    const withoutConsent = await importCsv(`email,topics\n${email},offers\n`).expect(200);
    expect(withoutConsent.body.data.skipped[0].reason).toContain('gelöscht');

    await new Promise((resolve) => setTimeout(resolve, 20));
    const consentAfterErasure = new Date().toISOString();
    const renewed = await importCsv(
      `email,topics,consentAt\n${email},offers,${consentAfterErasure}\n`
    ).expect(200);
    expect(renewed.body.data.created.active).toBe(1);
    expect((await findSubscriber(email)).status).toBe('active');
  });
});
