import crypto from 'crypto';
import {
  MAX_CLICK_TOKEN_LENGTH,
  MAX_TARGET_LENGTH,
  createClickToken,
  itemKey,
  parseItemKey,
  redirectTarget,
  verifyClickToken,
} from '../src/lib/click-token';

const secret = 'unit-test-secret-unit-test-secret-0123';
const claims = {
  issue: 42,
  item: 'offers:k3j5h6g7f8d9s0a1b2c3d4e5',
  url: 'https://www.landkreis.example/angebote/tischlerei?ref=newsletter#bewerben',
};

const parts = (token: string) => token.split('.') as [string, string];
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Signs any payload the way the module does (to test what a valid signature on junk gets). */
const signed = (payload: string) => {
  const key = crypto.createHmac('sha256', secret).update('newsletter:click').digest();
  const signature = crypto
    .createHmac('sha256', key)
    .update(payload)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
  return `${payload}.${signature}`;
};

describe('click tokens', () => {
  const token = createClickToken(claims, secret);

  it('round trip: the claims come back exactly', () => {
    expect(verifyClickToken(token, secret)).toEqual({ ok: true, claims });
  });

  it('is URL-safe: one path segment, nothing to percent-encode', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('is the same for every recipient and names nobody: only issue, item and target', () => {
    expect(createClickToken(claims, secret)).toBe(token);
    const [payload] = parts(token);
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual([
      claims.issue,
      claims.item,
      claims.url,
    ]);
  });

  it('refuses a tampered payload or signature', () => {
    const [payload, signature] = parts(token);
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(verifyClickToken(`${flip(payload, 5)}.${signature}`, secret).ok).toBe(false);
    expect(verifyClickToken(`${payload}.${flip(signature, 3)}`, secret)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyClickToken(`${payload}.${signature.slice(0, -1)}`, secret).ok).toBe(false);
    expect(verifyClickToken(token, `${secret}x`)).toEqual({ ok: false, reason: 'signature' });
  });

  it('a copied signature is worth nothing for another issue, item or target', () => {
    const [, signature] = parts(token);
    for (const other of [
      [43, claims.item, claims.url],
      [42, 'offers:anotherdocumentid000000', claims.url],
      [42, claims.item, 'https://evil.example/'],
      [42, claims.item, 'https://www.landkreis.example.evil.example/angebote/tischlerei'],
    ]) {
      expect(verifyClickToken(`${encode(other)}.${signature}`, secret)).toEqual({
        ok: false,
        reason: 'signature',
      });
    }
  });

  it('another purpose’s token of the same secret is no click token', () => {
    // a manage token is `<payload>.<signature>` too, signed with another derived key
    const key = crypto.createHmac('sha256', secret).update('newsletter:token').digest();
    const payload = encode([claims.issue, claims.item, claims.url]);
    const manageSigned = `${payload}.${crypto.createHmac('sha256', key).update(payload).digest('base64url')}`;
    expect(verifyClickToken(manageSigned, secret).ok).toBe(false);
  });

  it.each([
    ['not a text', 42],
    ['empty', ''],
    ['no signature', 'abc'],
    ['three parts', `${token}.x`],
    ['empty payload', `.${parts(token)[1]}`],
    ['empty signature', `${parts(token)[0]}.`],
    ['characters outside base64url', `${parts(token)[0]}%00.${parts(token)[1]}`],
    ['too long', `${'a'.repeat(MAX_CLICK_TOKEN_LENGTH)}.${parts(token)[1]}`],
  ])('refuses a malformed token (%s) without throwing', (_what, value) => {
    expect(verifyClickToken(value, secret).ok).toBe(false);
  });

  it.each([
    ['not JSON', Buffer.from('not json').toString('base64url')],
    ['an object', encode({ issue: 42, item: claims.item, url: claims.url })],
    ['two elements', encode([42, claims.item])],
    ['issue as text', encode(['42', claims.item, claims.url])],
    ['issue 0', encode([0, claims.item, claims.url])],
    ['fractional issue', encode([1.5, claims.item, claims.url])],
    ['item without section', encode([42, 'k3j5h6g7f8d9', claims.url])],
    ['item with markup', encode([42, 'offers:<script>', claims.url])],
    ['javascript: target', encode([42, claims.item, 'javascript:alert(1)'])],
    ['mailto: target', encode([42, claims.item, 'mailto:a@b.de'])],
    ['relative target', encode([42, claims.item, '/angebote/x'])],
    ['protocol-relative target', encode([42, claims.item, '//evil.example/'])],
    ['target with credentials', encode([42, claims.item, 'https://user:pw@evil.example/'])],
    ['target not canonical', encode([42, claims.item, 'https://www.landkreis.example/ä'])],
    ['target with a line break', encode([42, claims.item, 'https://a.example/\r\nSet-Cookie:x'])],
  ])('a valid signature on bad claims (%s) is still refused', (_what, payload) => {
    expect(verifyClickToken(signed(payload), secret)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('creates only tokens it would accept', () => {
    expect(() => createClickToken({ ...claims, url: 'javascript:alert(1)' }, secret)).toThrow();
    expect(() => createClickToken({ ...claims, issue: -1 }, secret)).toThrow();
    expect(() => createClickToken({ ...claims, item: 'no key' }, secret)).toThrow();
  });
});

describe('redirect targets and item keys', () => {
  it('takes absolute http(s) URLs in their canonical form', () => {
    expect(redirectTarget('https://www.landkreis.example/a?b=1')).toBe(
      'https://www.landkreis.example/a?b=1'
    );
    expect(redirectTarget('HTTPS://Www.Landkreis.Example')).toBe('https://www.landkreis.example/');
    // non-ASCII is percent-encoded, so the target is always a valid Location header
    expect(redirectTarget('https://www.landkreis.example/bäcker')).toBe(
      'https://www.landkreis.example/b%C3%A4cker'
    );
  });

  it('refuses what must not go through the redirect', () => {
    for (const url of [
      'mailto:a@b.de',
      'tel:+49123',
      'javascript:alert(1)',
      '/relative',
      'kaputt',
      'https://user:pw@host.example/',
      `https://host.example/${'x'.repeat(MAX_TARGET_LENGTH)}`,
    ]) {
      expect(redirectTarget(url)).toBeNull();
    }
  });

  it('item keys: section and documentId, or none', () => {
    expect(itemKey('offers', 'k3j5h6g7f8d9')).toBe('offers:k3j5h6g7f8d9');
    expect(itemKey('Offers', 'k3j5h6g7f8d9')).toBeNull();
    expect(itemKey('offers', 'a:b')).toBeNull();
    expect(itemKey('offers', '')).toBeNull();
    expect(parseItemKey('offers:k3j5h6g7f8d9')).toEqual({
      section: 'offers',
      documentId: 'k3j5h6g7f8d9',
    });
    expect(parseItemKey('web')).toEqual({ section: 'web', documentId: null });
  });
});
