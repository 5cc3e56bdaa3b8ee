/**
 * What a production deployment relies on, against the real app: the readiness check for the
 * load balancer, compression of text responses, cache headers for the files in public/.
 * (`/_ready` answering 503 while the database refuses connections is checked by
 * tests/production/run.js on PostgreSQL.)
 */
import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { getStrapi } from '../../helpers/strapi';

const server = () => getStrapi().server.httpServer;
const PUBLIC_DIR = path.resolve(__dirname, '..', '..', '..', 'public');

describe('deployment: readiness, compression, cache headers', () => {
  it('GET /_ready answers 200 {status: ok}, never cached, and HEAD works too', async () => {
    const res = await request(server()).get('/_ready').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
    await request(server()).head('/_ready').expect(200);
    // other methods are not the readiness check
    await request(server()).post('/_ready').expect(405);
    // liveness stays Strapi's own
    await request(server()).get('/_health').expect(204);
  });

  it.each(['gzip', 'br'])(
    'a JSON API response is compressed with %s when the client accepts it',
    async (encoding) => {
      const plain = await request(server()).get('/api/offers').unset('Accept-Encoding').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(Number(plain.headers['content-length'])).toBeGreaterThan(1024);

      const res = await request(server())
        .get('/api/offers')
        .set('Accept-Encoding', encoding)
        .expect(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      // a read-cache hit sends the compressed form kept with the answer (with its length,
      // smaller than the plain body); anything else is streamed by the compressor (no length)
      if (res.headers['x-read-cache'] === 'hit') {
        expect(Number(res.headers['content-length'])).toBeLessThan(
          Number(plain.headers['content-length'])
        );
      } else {
        expect(res.headers['content-length']).toBeUndefined();
      }
      // decoded by the client: the same documents as uncompressed
      expect(res.body.data.map((offer: { documentId: string }) => offer.documentId)).toEqual(
        plain.body.data.map((offer: { documentId: string }) => offer.documentId)
      );
    }
  );

  it('small responses and the start page without Accept-Encoding are sent as they are', async () => {
    const small = await request(server())
      .get('/api/offers?pagination[pageSize]=1&fields[0]=slug')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const page = await request(server()).get('/').unset('Accept-Encoding').expect(200);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.text).toContain('Fachkräfteoffensive');
  });

  it('errors keep Strapi’s error body (404, 400) when compression is on', async () => {
    const missing = await request(server())
      .get('/api/nothing-here')
      .set('Accept-Encoding', 'gzip')
      .expect(404);
    expect(missing.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    const bad = await request(server())
      .get('/api/offers?pagination[page]=x')
      .set('Accept-Encoding', 'gzip, br')
      .expect(400);
    expect(bad.body.error.status).toBe(400);
    // a client that refuses every encoding the server has: 406, not a 500
    await request(server()).get('/api/offers').set('Accept-Encoding', 'identity;q=0').expect(406);
  });

  it('CSS and JavaScript in public/ carry Cache-Control with a max-age, compressed', async () => {
    for (const [url, file, type] of [
      ['/assets/site.css', 'assets/site.css', /text\/css/],
      ['/assets/js/shared/api.js', 'assets/js/shared/api.js', /javascript/],
    ] as const) {
      const res = await request(server()).get(url).set('Accept-Encoding', 'gzip').expect(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.headers['last-modified']).toBeTruthy();
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.text).toBe(fs.readFileSync(path.join(PUBLIC_DIR, file), 'utf8'));
    }
  });

  it('HTML pages get a short max-age; If-Modified-Since answers 304', async () => {
    const page = await request(server()).get('/selbstcheck/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('max-age=60');
    // the security headers are still there
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");

    const css = await request(server()).get('/assets/site.css').expect(200);
    const again = await request(server())
      .get('/assets/site.css')
      .set('If-Modified-Since', css.headers['last-modified'])
      .expect(304);
    expect(again.text).toBe('');
    expect(again.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('API responses and missing files get no asset max-age', async () => {
    const api = await request(server()).get('/api/offers').expect(200);
    expect(api.headers['cache-control'] ?? '').not.toContain('max-age=3600');
    const missing = await request(server()).get('/assets/nothing.css').expect(404);
    expect(missing.headers['cache-control'] ?? '').not.toContain('max-age');
  });
});
