/** Status codes in DSN fields and bounce texts, addresses, and the one-line diagnostic. */

const ENHANCED = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/;
/** A basic reply code such as `550 ` or `550-5.1.1`, but not a phone number like `550-100`. */
const BASIC = /(?<![\w.:/-])([45][0-5]\d)(?=[ \t]|-(?!\d{2})|$)/m;

export interface CodeMatch {
  code: string;
  index: number;
}

const find = (pattern: RegExp, text: string): CodeMatch | undefined => {
  const match = pattern.exec(text);
  return match ? { code: match[0], index: match.index } : undefined;
};

/** The first enhanced status code (RFC 3463), e.g. '5.1.1'; `temporaryOrPermanent` skips 2.x.x. */
export const findEnhanced = (text: string, temporaryOrPermanent = false): CodeMatch | undefined => {
  const pattern = new RegExp(ENHANCED.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!temporaryOrPermanent || match[1] !== '2') return { code: match[0], index: match.index };
  }
  return undefined;
};

/** The first basic SMTP reply code of class 4 or 5, e.g. '550'. */
export const findBasic = (text: string): CodeMatch | undefined => find(BASIC, text);

/**
 * Permanent codes that do not mean the address is dead: the mailbox or system is full (x.2.2,
 * x.3.1), or the message is too big for it (x.2.3, x.3.4). Address codes (x.1.x) never are.
 */
const SOFT_STATUS = /^5\.(2\.2|2\.3|3\.1|3\.4)$/;
const QUOTA_TEXT =
  /quota|mailbox (?:is )?full|over ?quota|insufficient (?:system )?storage|postfach (?:ist )?voll|speicherplatz/i;

export const isSoftPermanent = (status: string | undefined, text: string | undefined): boolean => {
  if (status && SOFT_STATUS.test(status)) return true;
  if (status && status.startsWith('5.1.')) return false;
  return QUOTA_TEXT.test(text ?? '');
};

/** `rfc822; <Anna@Example.net>` → `anna@example.net`; undefined when there is no address. */
export const normalizeAddress = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  const bare = value
    .replace(/^\s*[\w-]+\s*;/, '')
    .trim()
    .replace(/^<|>$/g, '')
    .trim();
  return /^[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+$/.test(bare) ? bare.toLowerCase() : undefined;
};

const MAX_DIAGNOSTIC = 500;

/**
 * One line of at most 500 characters. A multi-line SMTP reply (`550-5.1.1 a` `550 5.1.1 b`)
 * loses its repeated code prefixes: `550 5.1.1 a b`.
 */
export const oneLine = (text: string | undefined): string | undefined => {
  if (!text) return undefined;
  let line = text.replace(/\s+/g, ' ').trim();
  const multi = /^([245]\d\d)-((?:[245]\.\d{1,3}\.\d{1,3} )?)/.exec(line);
  if (multi) {
    const prefix = new RegExp(` ${multi[1]}[ -]${multi[2].replace(/\./g, '\\.')}`, 'g');
    line = `${multi[1]} ${multi[2]}${line.slice(multi[0].length).replace(prefix, ' ')}`;
    line = line.replace(/\s+/g, ' ').trim();
  }
  return line ? line.slice(0, MAX_DIAGNOSTIC) : undefined;
};
