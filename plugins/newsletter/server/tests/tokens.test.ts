import crypto from 'crypto';
import { addressHash, createToken, tokenMatchesAddress, verifyToken } from '../src/lib/tokens';

const secret = 'unit-test-secret-unit-test-secret-0123';
const now = new Date('2026-11-21T10:00:00Z');

describe('tokens', () => {
  const token = createToken(
    { purpose: 'confirm', subscriberId: 'abc123', email: 'Erika@Example.org', ttlSeconds: 3600 },
    secret,
    now
  );

  it('verifies a fresh token and returns its claims', () => {
    const result = verifyToken(token, secret, 'confirm', now);
    expect(result).toEqual({
      ok: true,
      claims: expect.objectContaining({ p: 'confirm', s: 'abc123' }),
    });
    if (result.ok)
      expect(tokenMatchesAddress(result.claims, 'erika@example.org', secret)).toBe(true);
    if (result.ok)
      expect(tokenMatchesAddress(result.claims, 'other@example.org', secret)).toBe(false);
  });

  it('expires', () => {
    expect(verifyToken(token, secret, 'confirm', new Date(now.getTime() + 3601_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses tampering, other secrets, other purposes and garbage', () => {
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), s: 'evil' })
    ).toString('base64url');
    expect(verifyToken(`${forged}.${signature}`, secret, 'confirm', now).ok).toBe(false);
    expect(verifyToken(token, `${secret}x`, 'confirm', now)).toEqual({
      ok: false,
      reason: 'signature',
    });
    expect(verifyToken(token, secret, 'manage', now)).toEqual({ ok: false, reason: 'purpose' });
    for (const garbage of [undefined, 42, '', '.', 'a.b.c', 'x'.repeat(2000)]) {
      expect(verifyToken(garbage, secret, 'confirm', now).ok).toBe(false);
    }
  });

  it('a manage token of an issue mail names the issue; the claim is signed', () => {
    const manage = createToken(
      { purpose: 'manage', subscriberId: 'abc123', email: 'a@b.de', issueId: 17 },
      secret,
      now
    );
    const result = verifyToken(manage, secret, 'manage', now);
    expect(result.ok && result.claims.n).toBe(17);
    const [payload, signature] = manage.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const other = Buffer.from(JSON.stringify({ ...claims, n: 18 })).toString('base64url');
    expect(verifyToken(`${other}.${signature}`, secret, 'manage', now)).toEqual({
      ok: false,
      reason: 'signature',
    });
    const plain = verifyToken(
      createToken({ purpose: 'manage', subscriberId: 'abc123', email: 'a@b.de' }, secret, now),
      secret,
      'manage',
      now
    );
    expect(plain.ok && plain.claims.n).toBeUndefined();
    expect(() =>
      createToken({ purpose: 'manage', subscriberId: 'a', email: 'a@b.de', issueId: 0 }, secret)
    ).toThrow();
    // signed with the right key, but not an issue id
    const key = crypto.createHmac('sha256', secret).update('newsletter:token').digest();
    for (const n of ['17', 0, -1, 1.5, null, [17]]) {
      const junk = Buffer.from(JSON.stringify({ ...claims, n })).toString('base64url');
      const signed = `${junk}.${crypto.createHmac('sha256', key).update(junk).digest('base64url')}`;
      expect(verifyToken(signed, secret, 'manage', now)).toEqual({
        ok: false,
        reason: 'malformed',
      });
    }
  });

  it('manage tokens do not expire', () => {
    const manage = createToken(
      { purpose: 'manage', subscriberId: 'abc123', email: 'a@b.de' },
      secret,
      now
    );
    expect(verifyToken(manage, secret, 'manage', new Date('2040-01-01')).ok).toBe(true);
  });

  it('addressHash is keyed and normalises case and spaces', () => {
    expect(addressHash(' A@B.de ', secret)).toBe(addressHash('a@b.de', secret));
    expect(addressHash('a@b.de', secret)).not.toBe(addressHash('a@b.de', `${secret}x`));
    expect(addressHash('a@b.de', secret)).toMatch(/^[0-9a-f]{64}$/);
  });
});
