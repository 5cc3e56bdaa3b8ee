/**
 * The few MIME encodings the issue's raw messages need (`mail/issue-mime.ts`), written out so
 * that their output can be cut and joined safely:
 *
 * - `qpPiece`: quoted-printable (RFC 2045 §6.7) of one piece of a part's body. Every encoded
 *   piece is a run of whole lines: it ends either with the hard line break of a piece that ended
 *   with "\n", or with a soft line break (`=` CRLF). Encoded pieces can therefore be concatenated
 *   in any order and the result decodes to the concatenation of the pieces: no line ever spans two
 *   pieces, so no soft break, `=XX` escape or UTF-8 sequence is cut, and no line exceeds 76
 *   characters. A soft break adds no character when decoded.
 * - `encodeHeaderText` / `formatMailbox`: RFC 2047 encoded words (base64, UTF-8) for headers with
 *   text outside printable ASCII, folded to lines of at most 76 characters.
 */

const HEX = '0123456789ABCDEF';
/** encoded characters of a quoted-printable line, the soft break's `=` not counted */
const QP_LINE = 75;

const escapeByte = (byte: number) => `=${HEX[byte >> 4]}${HEX[byte & 15]}`;

/** One line (no line breaks) as quoted-printable tokens: a token is a literal character or the
 * escapes of one whole character (so a UTF-8 sequence is never split by a soft break). */
const lineTokens = (line: string, hardBreakAfter: boolean): string[] => {
  const tokens: string[] = [];
  const bytes = Buffer.from(line, 'utf8');
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte >= 33 && byte <= 126 && byte !== 61) {
      tokens.push(String.fromCharCode(byte));
    } else if (byte === 32 || byte === 9) {
      // whitespace at the end of a line that ends with a hard break must be encoded (decoders
      // drop trailing whitespace); before a soft break it is followed by "=", so it may stay
      tokens.push(
        hardBreakAfter && i === bytes.length - 1 ? escapeByte(byte) : String.fromCharCode(byte)
      );
    } else if (byte >= 0xc0) {
      let token = escapeByte(byte);
      while (i + 1 < bytes.length && (bytes[i + 1] & 0xc0) === 0x80) {
        i += 1;
        token += escapeByte(bytes[i]);
      }
      tokens.push(token);
    } else {
      tokens.push(escapeByte(byte));
    }
  }
  return tokens;
};

/**
 * Quoted-printable of one piece of a body, as whole lines (see the file comment): "\n" and
 * "\r\n" become hard line breaks (CRLF), long lines get soft breaks, and a piece that does not
 * end with a line break ends with a soft one. The empty piece is the empty string.
 */
export const qpPiece = (piece: string): string => {
  if (piece === '') return '';
  const lines = piece.split(/\r?\n/);
  let out = '';
  for (let index = 0; index < lines.length; index += 1) {
    const last = index === lines.length - 1;
    const line = lines[index];
    // the last "line" of a piece that ended with "\n" is empty: nothing more to write
    if (last && line === '') break;
    let length = 0;
    for (const token of lineTokens(line, !last)) {
      if (length + token.length > QP_LINE) {
        out += '=\r\n';
        length = 0;
      }
      out += token;
      length += token.length;
    }
    out += last ? '=\r\n' : '\r\n';
  }
  return out;
};

/** True when a header value can be written as it is (printable ASCII, no encoded-word look). */
const plainHeaderText = (value: string) =>
  /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(value) && !value.includes('=?');

/** Base64 encoded words of at most 75 characters each, cut between characters. */
const encodedWords = (value: string): string[] => {
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 39 bytes → 52 base64 characters + 12 of =?UTF-8?B?…?= = 64: with "Reply-To: " in front
    // still ≤ 76 (RFC 2047 §2)
    if (Buffer.byteLength(chunk + char, 'utf8') > 39) {
      words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
  return words;
};

/** Joins a header's words with spaces, folding (CRLF + space) before a word that would make the
 * line longer than 76 characters. `name` is the field name, for the first line's length. */
const fold = (name: string, words: string[]): string => {
  let out = `${name}:`;
  let length = out.length;
  for (const word of words) {
    if (length + 1 + word.length > 76 && length > name.length + 1) {
      out += '\r\n';
      length = 0;
    }
    out += ` ${word}`;
    length += 1 + word.length;
  }
  return out;
};

/** Throws on a value that would break the header block (a line break or a NUL). */
const checkHeaderValue = (name: string, value: string) => {
  if (/[\r\n\0]/.test(value)) throw new Error(`header ${name}: line breaks are not allowed`);
};

/**
 * A header with unstructured text (e.g. Subject): as it is when it is printable ASCII with
 * single spaces, otherwise as RFC 2047 encoded words; folded. Ends with CRLF.
 */
export const encodeHeaderText = (name: string, value: string): string => {
  checkHeaderValue(name, value);
  if (value === '') return `${name}: \r\n`;
  const words = plainHeaderText(value) ? value.split(' ') : encodedWords(value);
  return `${fold(name, words)}\r\n`;
};

/** An address as it may stand in a header and in the SMTP envelope; throws on anything else. */
export const checkAddress = (address: string): string => {
  if (
    !/^[\x21-\x7e]+@[A-Za-z0-9.-]+$/.test(address) ||
    /[<>(),;:"\\@]/.test(address.slice(0, address.lastIndexOf('@')))
  ) {
    throw new Error(`Die Adresse ${JSON.stringify(address)} kann nicht verwendet werden.`);
  }
  return address;
};

const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * A mailbox header (From, Reply-To, To): `Name <address>` or the bare address. The name is an
 * atom sequence when it can be, a quoted string when it is printable ASCII, else encoded words.
 * Ends with CRLF.
 */
export const formatMailbox = (
  name: string,
  mailbox: { name?: string | null; address: string }
): string => {
  const address = checkAddress(mailbox.address);
  const display = mailbox.name ?? '';
  checkHeaderValue(name, display);
  if (!display) return `${name}: ${address}\r\n`;
  let words: string[];
  if (ATOM.test(display) && !display.includes('=?')) words = display.split(' ');
  else if (/^[\x20-\x7e]*$/.test(display) && !display.includes('=?'))
    words = [`"${display.replace(/(["\\])/g, '\\$1')}"`];
  else words = encodedWords(display);
  return `${fold(name, [...words, `<${address}>`])}\r\n`;
};

/** A header written as it is (printable ASCII, at most 998 characters per line). */
export const rawHeader = (name: string, value: string): string => {
  checkHeaderValue(name, value);
  const line = `${name}: ${value}`;
  if (!/^[\x20-\x7e]*$/.test(line) || line.length > 998) {
    throw new Error(`header ${name}: not printable ASCII within 998 characters`);
  }
  return `${line}\r\n`;
};

let dateSecond = -1;
let dateValue = '';
/** The Date header's value (RFC 5322, +0000), computed at most once per second. */
export const dateHeaderValue = (now = Date.now()): string => {
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateValue = new Date(second * 1000).toUTCString().replace(/GMT$/, '+0000');
  }
  return dateValue;
};
