/**
 * Signed tokens for links in mails: `<payload>.<signature>`, both base64url. The payload is JSON
 * claims; the signature is HMAC-SHA256 over the payload with a key derived from the server
 * secret, so a token cannot be forged or altered, and is only valid for its purpose.
 *
 * - `confirm` tokens (double opt-in) expire (default 72 h) and are bound to the address.
 * - `manage` tokens (preferences, unsubscribe) go into every newsletter and do not expire; they
 *   are bound to the subscriber and the address, so they die with an erasure. In an issue's mail
 *   they also name the issue (`n`), so an unsubscribe through that mail is counted for it; being
 *   signed, the claim cannot be changed to another issue.
 */
import crypto from 'crypto';

export type TokenPurpose = 'confirm' | 'manage';

export interface TokenClaims {
  /** purpose */
  p: TokenPurpose;
  /** subject: the subscriber's documentId */
  s: string;
  /** keyed hash of the address (see `addressHash`) */
  h: string;
  /** issued at, seconds since the epoch */
  i: number;
  /** expiry, seconds since the epoch */
  x?: number;
  /** the issue (row id) whose mail carries the token (manage tokens in issue mails only) */
  n?: number;
}

export type VerifyResult =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'purpose' | 'expired' };

const b64url = (buffer: Buffer) => buffer.toString('base64url');

const validIssueId = (value: unknown) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

const key = (secret: string, label: string) =>
  crypto.createHmac('sha256', secret).update(`newsletter:${label}`).digest();

const sign = (payload: string, secret: string) =>
  b64url(crypto.createHmac('sha256', key(secret, 'token')).update(payload).digest());

/** Keyed hash of a normalised address: stable for one secret, useless without it. */
export const addressHash = (email: string, secret: string): string =>
  crypto
    .createHmac('sha256', key(secret, 'address'))
    .update(email.trim().toLowerCase())
    .digest('hex');

export const createToken = (
  {
    purpose,
    subscriberId,
    email,
    ttlSeconds,
    issueId,
  }: {
    purpose: TokenPurpose;
    subscriberId: string;
    email: string;
    ttlSeconds?: number;
    issueId?: number;
  },
  secret: string,
  now: Date = new Date()
): string => {
  const claims: TokenClaims = {
    p: purpose,
    s: subscriberId,
    h: addressHash(email, secret).slice(0, 32),
    i: Math.floor(now.getTime() / 1000),
    ...(ttlSeconds ? { x: Math.floor(now.getTime() / 1000) + ttlSeconds } : {}),
    ...(issueId !== undefined ? { n: issueId } : {}),
  };
  if (claims.n !== undefined && !validIssueId(claims.n)) throw new Error('invalid issue id');
  const payload = b64url(Buffer.from(JSON.stringify(claims)));
  return `${payload}.${sign(payload, secret)}`;
};

export const verifyToken = (
  token: unknown,
  secret: string,
  purpose: TokenPurpose,
  now: Date = new Date()
): VerifyResult => {
  if (typeof token !== 'string' || token.length > 1024) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [payload, signature] = parts;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature' };
  }
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // The subject goes into a database lookup: only a documentId, never arbitrary text (a NUL
  // byte there answered 500 on PostgreSQL).
  if (
    !claims ||
    typeof claims !== 'object' ||
    typeof claims.s !== 'string' ||
    !/^[a-z0-9]{1,64}$/.test(claims.s) ||
    typeof claims.h !== 'string' ||
    !/^[0-9a-f]{32}$/.test(claims.h) ||
    typeof claims.i !== 'number' ||
    !Number.isFinite(claims.i) ||
    (claims.x !== undefined && (typeof claims.x !== 'number' || !Number.isFinite(claims.x))) ||
    (claims.n !== undefined && !validIssueId(claims.n))
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.p !== purpose) return { ok: false, reason: 'purpose' };
  if (claims.x !== undefined && claims.x * 1000 < now.getTime()) {
    return { ok: false, reason: 'expired' };
  }
  return { ok: true, claims };
};

/** Whether the claims were issued for this address. */
export const tokenMatchesAddress = (claims: TokenClaims, email: string, secret: string): boolean =>
  addressHash(email, secret).slice(0, 32) === claims.h;
