/**
 * Subscriber import through the admin route with files as editors have them: a raw
 * Windows-1252 body from Excel, a 3,000-row body (~300 KB, past Strapi's own 56 kB text limit),
 * JSON parts, multipart CSV and XLSX, the unclosed-quote file; one size limit for every form
 * (413 with Strapi's error body), 400 naming the field for files that cannot be read, and nothing
 * stored when the answer is 4xx. Every report counts each data line once.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import request from 'supertest';
import { createRestrictedAdmin, adminApiToken } from '../../helpers/admin';
import { serverUrl } from '../../helpers/browser';
import { createAdminToken, getStrapi } from '../../helpers/strapi';
import { findSubscriber } from './newsletter-subscribe.spec';
import {
  READ_MESSAGES,
  reportBalance,
  type ImportReport,
} from '../../../plugins/newsletter/server/src/lib/subscriber-file';
import { XLSX_MESSAGES } from '../../../plugins/newsletter/server/src/lib/subscriber-xlsx';

const FIXTURES = path.resolve(__dirname, '../../../plugins/newsletter/server/tests/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SUBSCRIBER = 'plugin::newsletter.subscriber';
const OUTBOX = 'plugin::newsletter.outbox-mail';

const server = () => getStrapi().server.httpServer;

/** A real PDF, as pdfkit writes it. */
const pdf = () =>
  new Promise<Buffer>((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const PDFDocument = require('pdfkit');
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('email,name\nkeine@example.org,Tabelle');
    doc.end();
  });

/** A ZIP archive that is no workbook. */
const zip = async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip');
  const archive = new JSZip();
  archive.file('adressen.csv', 'email\nzip@example.org\n');
  return (await archive.generateAsync({ type: 'nodebuffer' })) as Buffer;
};

describe('newsletter import: files as editors have them', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await createAdminToken();
  });

  const post = () =>
    request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${admin}`);
  const raw = (body: Buffer | string, type = 'text/csv') =>
    post().set('Content-Type', type).send(body);
  const counts = async () => ({
    subscribers: await getStrapi().db.query(SUBSCRIBER).count(),
    outbox: await getStrapi().db.query(OUTBOX).count(),
  });
  const expectBalanced = (report: ImportReport) => expect(reportBalance(report)).toBe(report.rows);

  it('tells the admin page the limit and the columns', async () => {
    const response = await request(server())
      .get('/newsletter/subscribers/import/limits')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(response.body.data).toEqual({
      maxBytes: 5 * 1024 * 1024,
      columns: ['email', 'name', 'organisation', 'topics', 'consentAt', 'consentIp'],
      formats: ['csv', 'xlsx'],
    });
  });

  it('Excel on a German Windows: a raw Windows-1252 body keeps every umlaut', async () => {
    const before = await counts();
    const response = await raw(fixture('excel-de-windows-1252.csv')).expect(200);
    const report: ImportReport = response.body.data;
    expect(report).toMatchObject({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      rows: 4,
      created: { active: 2, pending: 2 },
      errors: [],
      skipped: [],
    });
    expectBalanced(report);
    expect(await findSubscriber('joerg.mueller@example.org')).toMatchObject({
      name: 'Jörg Müller',
      organisation: 'Bäckerei Größe GmbH',
      status: 'active',
      consentIp: '192.0.2.10',
    });
    // 15.01.2026 10:00 on the editor's wall clock (Europe/Berlin, CET)
    expect(
      new Date((await findSubscriber('joerg.mueller@example.org')).consentAt).toISOString()
    ).toBe('2026-01-15T09:00:00.000Z');
    expect(await findSubscriber('anna.schaefer@example.org')).toMatchObject({
      organisation: '„Zur Mühle“ Café',
      status: 'pending',
    });
    expect((await findSubscriber('maria.koenig@example.org')).organisation).toBe(
      'Städtische Schule Süd (Preis: 5 €)'
    );
    const after = await counts();
    expect(after.subscribers - before.subscribers).toBe(4);
    // one confirmation mail per new address without consent proof
    expect(after.outbox - before.outbox).toBe(2);
  });

  it('a 3,000-row raw text/csv body (~300 KB) is imported, not refused by the body parser', async () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) =>
        `gross.${i}@import.example.org,Große Liste ${i},Bäckerei Größe ${i % 50} GmbH,offers;employer-tips,2026-01-15T10:00:00Z,192.0.2.${i % 250}`
    );
    const body = `email,name,organisation,topics,consentAt,consentIp\n${lines.join('\n')}\n`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(280_000);
    const response = await raw(body).expect(200);
    expect(response.body.data).toMatchObject({
      rows: 3000,
      created: { active: 3000, pending: 0 },
      rejected: 0,
    });
    expect(await findSubscriber('gross.2999@import.example.org')).toMatchObject({
      name: 'Große Liste 2999',
      status: 'active',
      source: 'import',
    });
  });

  it('JSON { csv } (the admin page sends decoded text in parts)', async () => {
    const response = await post()
      .send({ csv: 'email;name;topics\njson.teil@import.example.org;Teil Eins;offers\n' })
      .expect(200);
    expect(response.body.data).toMatchObject({
      encoding: null,
      delimiter: ';',
      rows: 1,
      created: { active: 0, pending: 1 },
    });
  });

  it('multipart upload of a CSV file with a byte-order mark, and of a workbook', async () => {
    const csv = await post()
      .attach('file', fixture('excel-de-utf8-bom.csv'), 'abonnenten.csv')
      .expect(200);
    expect(csv.body.data).toMatchObject({
      encoding: 'utf-8-bom',
      delimiter: ';',
      rows: 2,
      created: { active: 0, pending: 1 },
      skipped: [expect.objectContaining({ line: 2, email: 'joerg.mueller@example.org' })],
    });
    expect((await findSubscriber('zoe.schroeder@example.org')).organisation).toBe(
      'Kita „Sonnenschein“'
    );

    const xlsx = await post()
      .attach('file', fixture('subscribers.xlsx'), {
        filename: 'abonnenten.xlsx',
        contentType: XLSX_TYPE,
      })
      .expect(200);
    const report: ImportReport = xlsx.body.data;
    expect(report).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Abonnenten',
      rows: 4,
      created: { active: 1, pending: 1 },
      rejected: 1,
      skipped: [expect.objectContaining({ line: 2, email: 'joerg.mueller@example.org' })],
      errors: [expect.objectContaining({ line: 6, field: 'email' })],
    });
    expectBalanced(report);
    const eva = await findSubscriber('eva.mueller@example.org');
    expect(eva).toMatchObject({ name: 'Eva Müller', status: 'active' });
    // 01.07.2026 08:30 in Berlin (CEST)
    expect(new Date(eva.consentAt).toISOString()).toBe('2026-07-01T06:30:00.000Z');
    expect((await findSubscriber('ines.oezdemir@example.org')).status).toBe('pending');
  });

  it('a raw workbook body, with its own type or sniffed from application/octet-stream', async () => {
    for (const type of [XLSX_TYPE, 'application/octet-stream']) {
      const response = await raw(fixture('subscribers.xlsx'), type).expect(200);
      expect(response.body.data).toMatchObject({ format: 'xlsx', rows: 4, created: { active: 0 } });
      expect(response.body.data.skipped).toHaveLength(3);
    }
  });

  it('the unclosed quote: line 2 reported, the two lines after it imported', async () => {
    const response = await raw(fixture('unclosed-quote.csv')).expect(200);
    const report: ImportReport = response.body.data;
    expect(report).toMatchObject({
      rows: 3,
      created: { active: 0, pending: 2 },
      rejected: 1,
      errors: [{ line: 2, field: 'record', message: READ_MESSAGES.quoteNotClosed }],
    });
    expectBalanced(report);
    expect(await findSubscriber('anna@example.org')).toBeNull();
    expect((await findSubscriber('carla@example.org')).status).toBe('pending');
  });

  it('ragged lines and a stray byte are reported with their line; UTF-16 text works', async () => {
    const ragged = (await raw(fixture('ragged.csv')).expect(200)).body.data as ImportReport;
    expect(ragged.errors.map((entry) => [entry.line, entry.field])).toEqual([
      [3, 'record'],
      [4, 'record'],
    ]);
    expectBalanced(ragged);
    const stray = (await raw(fixture('invalid-byte-utf8.csv')).expect(200)).body
      .data as ImportReport;
    // the file has no topics column: its two readable lines are refused for that
    expect(stray).toMatchObject({ encoding: 'utf-8', rows: 3, rejected: 3 });
    expect(stray.errors.map((entry) => [entry.line, entry.field])).toEqual([
      [2, 'topics'],
      [3, 'record'],
      [4, 'topics'],
    ]);
    expect(stray.errors[1].message).toBe(READ_MESSAGES.undecodable('utf-8'));
    const unicode = (await raw(fixture('excel-unicode-text.txt'), 'text/plain').expect(200)).body
      .data as ImportReport;
    expect(unicode).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rows: 1 });
  });

  describe('one size limit for every form', () => {
    const LIMIT = 2_000;
    let original: number;
    beforeAll(() => {
      original = getStrapi().config.get('plugin::newsletter.import.maxBytes') as number;
      getStrapi().config.set('plugin::newsletter.import.maxBytes', LIMIT);
    });
    afterAll(() => {
      getStrapi().config.set('plugin::newsletter.import.maxBytes', original);
    });

    const big = `email,name,topics\n${Array.from(
      { length: 60 },
      (_, i) => `zu.gross.${i}@import.example.org,Zu Groß ${i},offers`
    ).join('\n')}\n`;

    const expect413 = (response: request.Response) => {
      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({
        status: 413,
        name: 'PayloadTooLargeError',
        details: { maxBytes: LIMIT },
      });
      expect(response.body.error.message).toMatch(/größer als 2 KB, die Grenze für einen Import/);
    };

    it('413 for a raw body, JSON, multipart, and a chunked body without a length', async () => {
      const before = await counts();
      expect413(await raw(big));
      expect413(await raw(fixture('subscribers.xlsx'), XLSX_TYPE));
      expect413(await post().send({ csv: big }));
      expect413(await post().attach('file', Buffer.from(big), 'gross.csv'));
      // no Content-Length: the limit holds while reading
      const base = new URL(await serverUrl());
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: base.hostname,
            port: base.port,
            method: 'POST',
            path: '/newsletter/subscribers/import',
            headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'text/csv' },
          },
          (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          }
        );
        req.on('error', reject);
        for (let i = 0; i < 10; i += 1) req.write(big.slice(i * 300, (i + 1) * 300));
        req.end(big.slice(3000));
      });
      expect(chunked.status).toBe(413);
      expect(JSON.parse(chunked.body).error.name).toBe('PayloadTooLargeError');
      expect(await counts()).toEqual(before);
      // under the limit all is well
      await raw('email,topics\nklein@import.example.org,offers\n').expect(200);
    });
  });

  it('400 naming the field for files that cannot be read; nothing stored', async () => {
    const before = await counts();
    const problem = async (response: request.Response, field: string, message: string) => {
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('ValidationError');
      expect(response.body.error.details.errors).toEqual([
        { path: [field], message, name: 'ValidationError' },
      ]);
    };
    await problem(await raw(await pdf(), 'application/pdf'), 'file', READ_MESSAGES.pdf);
    await problem(await post().attach('file', await pdf(), 'liste.pdf'), 'file', READ_MESSAGES.pdf);
    await problem(await raw(Buffer.alloc(0)), 'file', READ_MESSAGES.empty);
    await problem(
      await post().attach('file', Buffer.alloc(0), 'leer.csv'),
      'file',
      READ_MESSAGES.empty
    );
    await problem(
      await raw('name;organisation\nOhne Adresse;Schule\n'),
      'file',
      READ_MESSAGES.noEmail(1, ['name', 'organisation'])
    );
    await problem(
      await post().send({ csv: 'name,topics\nAnna,offers\n' }),
      'csv',
      READ_MESSAGES.noEmail(1, ['name', 'topics'])
    );
    await problem(await raw(await zip(), 'application/zip'), 'file', XLSX_MESSAGES.notWorkbook);
    await problem(
      await post().field('anderes', 'x'),
      'file',
      'Bitte die Datei im Feld „file“ senden.'
    );
    await problem(
      await post().set('Content-Type', 'application/json').send('{kaputt'),
      'csv',
      'Bitte den CSV-Inhalt als JSON { "csv": "…" } senden.'
    );
    expect(await counts()).toEqual(before);
  });

  it('nothing is read before the admin policies: 401 and 403 regardless of size', async () => {
    const huge = Buffer.alloc(6 * 1024 * 1024, 'a');
    await request(server())
      .post('/newsletter/subscribers/import')
      .set('Content-Type', 'text/csv')
      .send(huge)
      .expect(401);
    const reader = await createRestrictedAdmin({
      email: 'nl-import-ohne-recht@bildungsbuero.example',
      actions: ['plugin::newsletter.subscribers.read'],
    });
    const token = await adminApiToken(reader);
    await request(server())
      .post('/newsletter/subscribers/import')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'text/csv')
      .send(huge)
      .expect(403);
    await request(server())
      .get('/newsletter/subscribers/import/limits')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
  });
});
