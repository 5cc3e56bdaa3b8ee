/**
 * Validation fixes found by the hostile-input suite (tests/faults/scenarios/hostile.js), pinned
 * where they live: the plugins' zod schemas, the newsletter token claims, the upload clean-up,
 * the public read routes and the self-check's rate limiter.
 */
import {
  validatePreferences,
  validateSubscribe,
  isTypedText,
} from '../../plugins/newsletter/server/src/validation';
import { createToken, verifyToken } from '../../plugins/newsletter/server/src/lib/tokens';
import { validateSubmission } from '../../plugins/employer-check/server/src/validation';
import { createRateLimiter } from '../../packages/server-kit/src/rate-limit';
import { uploadedPaths } from '../../src/bootstrap/multipart-cleanup';
import { publicReadRoutes } from '../../src/lib/public-routes';
import crypto from 'crypto';

const TOPICS = ['offers', 'practice-examples', 'employer-tips'];
const subscribe = (extra: Record<string, unknown>) =>
  validateSubscribe(
    { email: 'a@example.org', topics: ['offers'], consent: true, ...extra },
    TOPICS
  );

describe('newsletter: typed text only', () => {
  it.each([
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\ufffd',
    'Zeile\r\nBcc: x@y.z',
    'a\u0007',
    'a\u0085b',
  ])('refuses %j in name and organisation', (text) => {
    expect(() => subscribe({ name: text })).toThrow(/Steuer- oder ungültige Zeichen/);
    expect(() => subscribe({ organisation: text })).toThrow(/Steuer- oder ungültige Zeichen/);
    expect(() => validatePreferences({ topics: ['offers'], name: text }, TOPICS)).toThrow();
  });

  it('keeps markup, emoji and right-to-left text (escaped where shown)', () => {
    const name = `<script>alert(1)</script>"><img src=x onerror=alert(1)> 😀 שלום`;
    expect(subscribe({ name }).name).toBe(name);
    expect(isTypedText('Ærøskøbing Straße 𝕏')).toBe(true);
  });

  it('refuses a honeypot that is not a text', () => {
    expect(() => subscribe({ website: { a: 1 } })).toThrow();
    expect(() => subscribe({ website: ['x'] })).toThrow();
    expect(subscribe({ website: '' }).website).toBe('');
  });
});

describe('newsletter: token claims', () => {
  const secret = crypto.randomBytes(32).toString('base64');
  const sign = (claims: unknown) => {
    const key = crypto.createHmac('sha256', secret).update('newsletter:token').digest();
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${crypto.createHmac('sha256', key).update(payload).digest('base64url')}`;
  };
  const good = { p: 'manage', s: 'abc123', h: '0'.repeat(32), i: 1 };

  it('accepts only a documentId as subject, even when signed', () => {
    expect(verifyToken(sign(good), secret, 'manage').ok).toBe(true);
    for (const s of ['a\u0000b', '<script>', "' OR '1'='1", 'x'.repeat(65), '']) {
      expect(verifyToken(sign({ ...good, s }), secret, 'manage')).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
    expect(verifyToken(sign({ ...good, h: 'nope' }), secret, 'manage').ok).toBe(false);
    expect(verifyToken(sign({ ...good, x: 'never' }), secret, 'manage').ok).toBe(false);
    expect(verifyToken(sign([good]), secret, 'manage').ok).toBe(false);
  });

  it('still verifies the tokens it creates', () => {
    const token = createToken(
      { purpose: 'confirm', subscriberId: 'k3j5h6g7f8d9s0a1', email: 'a@b.de', ttlSeconds: 60 },
      secret
    );
    expect(verifyToken(token, secret, 'confirm').ok).toBe(true);
  });
});

describe('self-check: profile and honeypot', () => {
  const context = {
    sectors: ['C'],
    sizeClasses: ['small'],
    questions: [{ id: 'q1', onlyIfTrainsApprentices: false }],
  };
  const submit = (profile: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    validateSubmission(
      {
        profile: { sector: 'C', sizeClass: 'small', trainsApprentices: true, ...profile },
        answers: { q1: 3 },
        ...extra,
      },
      context,
      false
    );

  it.each(['a\u0000b', '<script>', "' OR 1=1", 'x'.repeat(65), '\ud800'])(
    'refuses municipality %j',
    (municipality) => {
      expect(() => submit({ municipality })).toThrow(/Kommune/);
    }
  );

  it('accepts a documentId, null and empty as municipality', () => {
    expect(submit({ municipality: 'k3j5h6g7f8d9s0a1' }).profile?.municipality).toBe(
      'k3j5h6g7f8d9s0a1'
    );
    expect(submit({ municipality: null }).profile?.municipality).toBeNull();
    expect(submit({ municipality: '' }).profile?.municipality).toBe('');
  });

  it('refuses a honeypot that is not a text and a malformed version', () => {
    expect(() => submit({}, { website: { a: 1 } })).toThrow();
    expect(() => submit({}, { questionnaireVersion: 'a\u0000' })).toThrow(/Version/);
    expect(submit({}, { questionnaireVersion: '2026-1', website: '' }).questionnaireVersion).toBe(
      '2026-1'
    );
  });
});

describe('self-check rate limiter', () => {
  it('counts per key, whatever the body or token', async () => {
    const limiter = createRateLimiter({ windowMs: 60_000, max: 3, keyPrefix: 'employer-check' });
    const key = '127.0.0.1 GET /submissions/:token';
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push((await limiter.hit(key)).allowed);
    expect(answers).toEqual([true, true, true, false]);
    expect((await limiter.hit('127.0.0.2 GET /submissions/:token')).allowed).toBe(true);
  });
});

describe('multipart clean-up', () => {
  it('finds every uploaded file, whatever the field names', () => {
    expect(
      uploadedPaths({
        files: { filepath: '/tmp/a' },
        x: [{ filepath: '/tmp/b' }, { filepath: '/tmp/c' }],
        y: {},
      })
    ).toEqual(['/tmp/a', '/tmp/b', '/tmp/c']);
    expect(uploadedPaths(undefined)).toEqual([]);
  });
});

describe('public read routes', () => {
  it('gives find and findOne their own config (Strapi writes each route’s permission into it)', () => {
    const config = publicReadRoutes('api::offer.offer', { draftAndPublish: true });
    expect(config.find).not.toBe(config.findOne);
    expect(config.find.policies).toEqual(['global::published-only']);
    expect(config.findOne.middlewares).toEqual([
      { name: 'global::query-guard', config: { uid: 'api::offer.offer' } },
    ]);
    expect(
      publicReadRoutes('api::municipality.municipality', { draftAndPublish: false }).find
    ).not.toHaveProperty('policies');
  });
});
