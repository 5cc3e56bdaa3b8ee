/**
 * Signed click tokens: the path segment of the redirect route (`/newsletter/r/:token`) that the
 * links of an issue's items go through, so clicks can be counted per issue and item without
 * knowing who clicked.
 *
 * A token is `<payload>.<signature>`, both base64url (URL-safe, no padding). The payload is the
 * JSON array `[issue id, item key, target URL]`; the signature is HMAC-SHA256 over the payload
 * with a key derived from the plugin secret (its own label, so no other token of the plugin is
 * valid here), cut to 128 bits. It names no subscriber: every recipient of an issue gets the same
 * link for the same item. The redirect goes only to the URL inside a token whose signature
 * holds, so the route cannot be used to send people anywhere else (no open redirect).
 *
 * Pure: no Strapi, no database.
 */
import crypto from 'crypto';

export interface ClickClaims {
  /** the issue's numeric id */
  issue: number;
  /** which item of the issue: `section:documentId` (see `itemKey`) */
  item: string;
  /** where the link goes: an absolute http(s) URL in its canonical form (`new URL(x).href`) */
  url: string;
}

export type ClickVerifyResult =
  { ok: true; claims: ClickClaims } | { ok: false; reason: 'malformed' | 'signature' };

/** Longest target URL that gets a redirect; longer ones are linked directly. */
export const MAX_TARGET_LENGTH = 2048;
/** Longest token the route looks at (a target of MAX_TARGET_LENGTH fits with room to spare). */
export const MAX_CLICK_TOKEN_LENGTH = 4096;

const SIGNATURE_BYTES = 16;
const SECTION = /^[a-z0-9-]{1,64}$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ITEM_KEY = /^[a-z0-9-]{1,64}:[A-Za-z0-9_-]{1,64}$/;
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const key = (secret: string) =>
  crypto.createHmac('sha256', secret).update('newsletter:click').digest();

const sign = (payload: string, secret: string) =>
  crypto
    .createHmac('sha256', key(secret))
    .update(payload)
    .digest()
    .subarray(0, SIGNATURE_BYTES)
    .toString('base64url');

/** The key of an item in the counter table; null when section or id could not be one. */
export const itemKey = (section: string, documentId: string): string | null =>
  SECTION.test(section) && DOCUMENT_ID.test(documentId) ? `${section}:${documentId}` : null;

/** Section and documentId of an item key (documentId null when the key has no such part). */
export const parseItemKey = (key: string): { section: string; documentId: string | null } => {
  const at = key.indexOf(':');
  return at < 0
    ? { section: key, documentId: null }
    : { section: key.slice(0, at), documentId: key.slice(at + 1) || null };
};

/**
 * The canonical form of a link target that may go through the redirect, or null: only absolute
 * http(s) URLs up to MAX_TARGET_LENGTH (after canonicalisation, which percent-encodes anything
 * outside ASCII, so the target is always a valid Location header).
 */
export const redirectTarget = (url: string): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password) return null;
  const href = parsed.href;
  return href.length <= MAX_TARGET_LENGTH ? href : null;
};

const validClaims = (issue: unknown, item: unknown, url: unknown): boolean =>
  typeof issue === 'number' &&
  Number.isSafeInteger(issue) &&
  issue > 0 &&
  typeof item === 'string' &&
  ITEM_KEY.test(item) &&
  typeof url === 'string' &&
  redirectTarget(url) === url;

/** Signs a click token; throws when the claims could not be verified again. */
export const createClickToken = (claims: ClickClaims, secret: string): string => {
  if (!validClaims(claims.issue, claims.item, claims.url)) {
    throw new Error('invalid click token claims');
  }
  const payload = Buffer.from(JSON.stringify([claims.issue, claims.item, claims.url])).toString(
    'base64url'
  );
  return `${payload}.${sign(payload, secret)}`;
};

/** Checks the signature first, then the claims; never throws. */
export const verifyClickToken = (token: unknown, secret: string): ClickVerifyResult => {
  if (typeof token !== 'string' || token.length > MAX_CLICK_TOKEN_LENGTH || !TOKEN.test(token)) {
    return { ok: false, reason: 'malformed' };
  }
  const [payload, signature] = token.split('.');
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !validClaims(parsed[0], parsed[1], parsed[2])
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const [issue, item, url] = parsed as [number, string, string];
  return { ok: true, claims: { issue, item, url } };
};
