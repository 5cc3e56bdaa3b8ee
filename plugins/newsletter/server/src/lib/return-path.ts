/**
 * VERP return paths: every mail's envelope sender names what it was sent for, e.g.
 * `bounces+d42-0123456789abcdef@landkreis.example` for the delivery row 42 of an issue, so a
 * bounce tells which delivery failed without guessing the recipient from its text.
 *
 * The token is `<kind letter><id>-<sig>`: `d` for an issue's delivery row, `m` for a single mail
 * of the outbox; sig is the first 16 hex characters of HMAC-SHA256(secret, `return-path:` + kind
 * letter + id), so nobody can make a bounce count against another delivery. Tokens are lowercase
 * only, because mail servers may lowercase local parts; parsing accepts any case.
 */
import crypto from 'crypto';

export interface ReturnPathRef {
  kind: 'delivery' | 'mail';
  id: number;
}

/** The bounce mailbox: `local@domain`; return paths are `local+TOKEN@domain`. */
export interface ReturnPathMailbox {
  local: string;
  domain: string;
}

const LETTER = { delivery: 'd', mail: 'm' } as const;
const KIND = { d: 'delivery', m: 'mail' } as const;
const TOKEN = /^([dm])([1-9][0-9]{0,15})-([0-9a-f]{16})$/;

const signature = (letter: string, id: number, secret: string) =>
  crypto
    .createHmac('sha256', secret)
    .update(`return-path:${letter}${id}`)
    .digest('hex')
    .slice(0, 16);

export const returnPathToken = (ref: ReturnPathRef, secret: string): string => {
  if (!Number.isSafeInteger(ref.id) || ref.id < 1) {
    throw new Error(`return path: the id must be a positive integer, got ${ref.id}`);
  }
  const letter = LETTER[ref.kind];
  return `${letter}${ref.id}-${signature(letter, ref.id, secret)}`;
};

export const returnPathAddress = (
  ref: ReturnPathRef,
  { local, domain }: ReturnPathMailbox,
  secret: string
): string => `${local}+${returnPathToken(ref, secret)}@${domain}`;

/** What a token names, or null when it is malformed or its signature does not match. */
export const parseReturnPathToken = (token: string, secret: string): ReturnPathRef | null => {
  if (typeof token !== 'string' || token.length > 64) return null;
  const match = TOKEN.exec(token.trim().toLowerCase());
  if (!match) return null;
  const [, letter, digits, given] = match;
  const id = Number(digits);
  if (!Number.isSafeInteger(id)) return null;
  const expected = Buffer.from(signature(letter, id, secret));
  if (!crypto.timingSafeEqual(Buffer.from(given), expected)) return null;
  return { kind: KIND[letter as keyof typeof KIND], id };
};

/** `bounces@landkreis.example` → `{ local: 'bounces', domain: 'landkreis.example' }`. */
export const returnPathMailbox = (address: string): ReturnPathMailbox => {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).trim();
  const domain = address.slice(at + 1).trim();
  if (at < 1 || !domain || local.includes('+')) {
    throw new Error(`return path: "${address}" is not an address like bounces@example.org`);
  }
  return { local, domain };
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * TOKEN of `local+TOKEN@domain` (any case; also as `<…>` or with a display name), lowercased;
 * null for any other address. The token is not verified here (see `parseReturnPathToken`).
 */
export const tokenFromAddress = (
  address: string,
  { local, domain }: ReturnPathMailbox
): string | null => {
  if (typeof address !== 'string' || address.length > 512) return null;
  const bracketed = /<([^<>]*)>\s*$/.exec(address);
  const bare = (bracketed ? bracketed[1] : address).trim();
  const pattern = new RegExp(`^${escape(local)}\\+([^\\s@<>"]+)@${escape(domain)}$`, 'i');
  const match = pattern.exec(bare);
  return match ? match[1].toLowerCase() : null;
};
