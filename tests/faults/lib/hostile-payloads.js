/**
 * Hostile values for the hostile-input scenario, and the helpers to put them into URLs, JSON and
 * raw bodies. Two kinds of text:
 * - TEXT: markup, script, SQL, template and path payloads, and valid but unusual Unicode. Fine as
 *   data (a name may look like this); where it is shown, it must be escaped.
 * - BROKEN_TEXT: what no typed text contains: NUL and other control characters, lone surrogates,
 *   U+FFFD, header injection. Every public field must refuse it.
 */
const crypto = require('crypto');

const TEXT = [
  '<script>alert("xss")</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  'javascript:alert(document.cookie)',
  '<a href="javascript:alert(1)">x</a>',
  '</title><script>alert(1)</script>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}#{7*7}<%= 7*7 %>',
  "' OR '1'='1",
  "'; DROP TABLE newsletter_subscribers; --",
  '" OR ""="',
  '1 UNION SELECT password FROM admin_users --',
  "%' OR 1=1 --",
  '\\',
  "'",
  '"',
  '`',
  '%00',
  '%%',
  '_%',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '$ne',
  '$gt',
  '[object Object]',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e400',
  '9007199254740993',
  '0x7fffffff',
  '😀🏳️‍🌈👨‍👩‍👧',
  '\u202egnp.exe',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0302\u0303',
  '𝕏𝔸𝕄',
  'שלום עולם',
  'مرحبا',
  'Ærøskøbing Straße',
  '\u2028\u2029',
  ' ',
  '',
];

const BROKEN_TEXT = [
  '\u0000',
  'a\u0000b',
  '\u0000<script>alert(1)</script>',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  'ab\udc00',
  '\ufffd',
  'a\u0007b',
  '\u001b[31mrot',
  'Zeile\r\nBcc: opfer@example.org',
  'tab\there',
  'a\u007fb',
  'a\u0085b',
  'a\u009bb',
];

/** JSON values of every type (for "wrong type" cases); none is a valid text. */
const NON_TEXT = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  [],
  {},
  [[]],
  ['a', 'b'],
  { $ne: null },
  { $gt: '' },
  { toString: 'x' },
  [{ $ne: 1 }],
];

/** A seeded pseudo-random source (mulberry32), so a run is repeatable. */
const random = (seed) => {
  let state = seed | 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
};

/**
 * Percent-encodes for a URL. Lone surrogates cannot be UTF-8: they go out as the bytes a
 * careless encoder would produce (ED A0 80), which the server cannot decode either.
 */
const enc = (value) => {
  const text = String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((byte) => `%${byte.toString(16).toUpperCase()}`)
            .join('');
        }
        return encodeURIComponent(ch);
      })
      .join('');
  }
};

/** Raw bytes that are not UTF-8 (as latin1 characters: Node sends them as single bytes). */
const INVALID_UTF8 = ['\xff', '\xc0\xaf', '\xed\xa0\x80', '\xfe\xff', '\xe2\x82', '\x80\x81'];

/** Where `jsonWithRawBytes` puts the raw bytes: a string value equal to RAW. */
const RAW = '@@RAW@@';

/** The JSON text of `object` with the string value RAW replaced by raw (non-UTF-8) bytes. */
const jsonWithRawBytes = (object, bytes) => {
  const [before, after] = JSON.stringify(object).split(RAW);
  return Buffer.concat([
    Buffer.from(before, 'utf8'),
    Buffer.from(`x${bytes}y`, 'latin1'),
    Buffer.from(after, 'utf8'),
  ]);
};

/** `[[[[…]]]]` or `{"a":{"a":…}}` nested `depth` levels deep, as JSON text. */
const deepJson = (depth, kind = 'array') =>
  kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Signs an arbitrary token payload the way the newsletter plugin does (lib/tokens.ts). */
const signToken = (payload, secret) => {
  const key = crypto.createHmac('sha256', secret).update('newsletter:token').digest();
  const encoded =
    typeof payload === 'string'
      ? payload
      : Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${crypto.createHmac('sha256', key).update(encoded).digest('base64url')}`;
};

/** The keyed address hash a token carries (first 32 hex digits). */
const addressHash = (email, secret) => {
  const key = crypto.createHmac('sha256', secret).update('newsletter:address').digest();
  return crypto
    .createHmac('sha256', key)
    .update(email.trim().toLowerCase())
    .digest('hex')
    .slice(0, 32);
};

module.exports = {
  TEXT,
  BROKEN_TEXT,
  NON_TEXT,
  INVALID_UTF8,
  random,
  enc,
  jsonWithRawBytes,
  RAW,
  deepJson,
  signToken,
  addressHash,
};
