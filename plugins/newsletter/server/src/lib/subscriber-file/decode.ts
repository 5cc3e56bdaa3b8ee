/**
 * A file's bytes as text: its format (CSV or an .xlsx workbook) and its encoding, recognised from
 * the bytes (byte-order marks, valid UTF-8, else Windows-1252), with the lines holding bytes that
 * cannot be decoded. Pure, free of Node APIs (Uint8Array, TextDecoder).
 */
import { type FileFormat, type Encoding, FileProblem, READ_MESSAGES } from './sheet';

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);

/**
 * What the bytes are: an .xlsx is a ZIP archive (its content is checked when it is unpacked),
 * anything else must be text. Throws a FileProblem for empty files, PDFs, old Excel files and
 * other binary files.
 */
export const sniffFormat = (bytes: Uint8Array): FileFormat => {
  if (bytes.length === 0) throw new FileProblem(READ_MESSAGES.empty);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'xlsx';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) throw new FileProblem(READ_MESSAGES.pdf);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw new FileProblem(READ_MESSAGES.legacyExcel);
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  // Text has no NUL bytes (UTF-16 aside); images, archives and documents do within a few KB.
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) throw new FileProblem(READ_MESSAGES.binary);
  return 'csv';
};

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the rest is ISO-8859-1, byte = code
 * point). Decoded here rather than with TextDecoder: Node 20's `windows-1252` decoder returns
 * the C1 controls for these bytes (ISO-8859-1), browsers return „ “ € … as they should.
 * 0 marks the five undefined bytes.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 bytes as text; lines with undefined bytes (kept as U+FFFD) in `badLines`. */
const decodeWindows1252 = (bytes: Uint8Array) => {
  const units = new Uint16Array(bytes.length);
  const badLines = new Set<number>();
  let line = 1;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
    if (byte >= 0x80 && byte <= 0x9f) {
      const code = CP1252_HIGH[byte - 0x80];
      if (!code) badLines.add(line);
      units[i] = code || 0xfffd;
    } else units[i] = byte;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) {
    text += String.fromCharCode(...units.subarray(i, i + 8192));
  }
  return { text, badLines };
};

/**
 * Walks the bytes as UTF-8: how many multi-byte characters are valid, how many sequences are
 * not, and on which lines (1-based; CRLF, LF and a lone CR each end a line, as in the CSV) the
 * invalid ones are.
 */
const scanUtf8 = (bytes: Uint8Array, from: number) => {
  let valid = 0;
  let invalid = 0;
  const badLines = new Set<number>();
  let line = 1;
  let i = from;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte < 0x80) {
      if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line += 1;
      i += 1;
      continue;
    }
    // lead byte → length and the allowed range of the second byte (no overlongs, no surrogates)
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) length = 2;
    else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f;
    }
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k += 1) {
      const next = bytes[i + k];
      ok = k === 1 ? next >= low && next <= high : next >= 0x80 && next <= 0xbf;
    }
    if (ok) {
      valid += 1;
      i += length;
    } else {
      invalid += 1;
      badLines.add(line);
      i += 1;
    }
  }
  return { valid, invalid, badLines };
};

/** Lines (1-based) holding a character of `text` that stands for an undecodable byte. */
const linesWith = (text: string, test: (code: number) => boolean) => {
  const lines = new Set<number>();
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line += 1;
    else if (test(code)) lines.add(line);
  }
  return lines;
};

/**
 * The file's text and encoding, recognised from the bytes: a byte-order mark (UTF-8, UTF-16);
 * else UTF-8 when the bytes are valid UTF-8, or when valid multi-byte characters outnumber the
 * invalid sequences (a UTF-8 file with a few broken lines); else Windows-1252 (what Excel on a
 * German Windows writes as "CSV (Trennzeichen-getrennt)"; ISO-8859-1 reads the same for
 * letters). `badLines`: lines with bytes that cannot be decoded in that encoding.
 */
export const decodeText = (
  bytes: Uint8Array
): { text: string; encoding: Encoding; badLines: Set<number> } => {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const { badLines } = scanUtf8(bytes, 3);
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: 'utf-8-bom',
      badLines,
    };
  }
  for (const [magic, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, [...magic])) {
      const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(2));
      return { text, encoding, badLines: linesWith(text, (code) => code === 0xfffd) };
    }
  }
  const { valid, invalid, badLines } = scanUtf8(bytes, 0);
  if (invalid === 0 || valid > invalid) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', badLines };
  }
  return { ...decodeWindows1252(bytes), encoding: 'windows-1252' };
};

// ---------------------------------------------------------------------------------------------
// Lines, delimiter, records
// ---------------------------------------------------------------------------------------------
