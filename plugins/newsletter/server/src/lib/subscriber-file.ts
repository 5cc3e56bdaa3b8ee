/**
 * Reading subscriber files, the same way on the server and in the admin page (the admin bundle
 * imports this file): the file's bytes → its format, encoding and delimiter → the header and one
 * entry per data record, either readable (`rows`) or not (`problems`, with its line and a German
 * reason). Nothing is dropped silently: every non-blank line after the header ends up in exactly
 * one of the two lists (a quoted field with a line break makes one record of several lines).
 *
 * Pure and free of Node APIs (Uint8Array, TextDecoder). The CSV parser (csv-parse's sync API) is
 * passed in: the server uses `csv-parse/sync`, the browser `csv-parse/browser/esm/sync`.
 * Workbooks (.xlsx) are unpacked on the server (`subscriber-xlsx.ts`) and their cells handed to
 * `sheetFromCells` here, so both formats follow the same rules.
 */
import type { Options } from 'csv-parse/sync';

/** The columns the import reads (matched case-insensitively); other columns are ignored. */
export const IMPORT_COLUMNS = [
  'email',
  'name',
  'organisation',
  'topics',
  'consentAt',
  'consentIp',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export type FileFormat = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t';

/** csv-parse's synchronous `parse` (Node or browser build). */
export type CsvParse = (input: string, options: Options) => unknown;

/** A data record that could be read: its first line, how many lines it spans, its values. */
export interface SheetRow {
  line: number;
  lines: number;
  values: Partial<Record<ImportColumn, string>>;
  /** the record's text with its line break (only with `keepRaw`, for sending it on in parts) */
  raw?: string;
}

/** A line not taken. `field` is a column, or `record` when the line as a whole is the problem. */
export interface LineProblem {
  line: number;
  field: string;
  message: string;
}

export interface Sheet {
  format: FileFormat;
  /** null: the text was decoded by the sender (JSON body, pasted text) */
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  /** the worksheet read from a workbook */
  sheetName: string | null;
  header: string[];
  headerLine: number;
  /** the header record's text with its line break (with `keepRaw`) */
  headerRaw?: string;
  rows: SheetRow[];
  problems: LineProblem[];
}

/** What the import answers: one entry per data record, see `reportBalance`. */
export interface ImportReport {
  format: FileFormat;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  /** data records: every non-blank line after the header (a record may span lines) */
  rows: number;
  created: { active: number; pending: number };
  reactivated: number;
  /** `duplicateOf`: the earlier line of the file with the same address */
  skipped: { line: number; email: string; reason: string; duplicateOf?: number }[];
  /** records not taken because of errors (a record may have several entries in `errors`) */
  rejected: number;
  errors: LineProblem[];
}

/**
 * The report's identity: every data record is counted exactly once, so this equals `rows`.
 * Blank lines (nothing but spaces and delimiters, as spreadsheets write empty rows) are no data
 * records and are not counted.
 */
export const reportBalance = (report: ImportReport) =>
  report.created.active +
  report.created.pending +
  report.reactivated +
  report.skipped.length +
  report.rejected;

/** Why a repeated address is skipped (the admin rewrites it with the file's line numbers). */
export const duplicateReason = (line: number) =>
  `Adresse steht bereits in Zeile ${line} dieser Datei.`;

/** A size as editors read it: "5 MB", "1,5 MB", "600 KB". */
export const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`;

/** A file that cannot be read at all: answered 400, naming the request field (`file`/`csv`). */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileProblem';
  }
}

const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};

const DELIMITER_LABELS: Record<Delimiter, string> = { ',': ',', ';': ';', '\t': 'Tabulator' };

/** German texts editors read (the admin shows them as they are). */
export const READ_MESSAGES = {
  empty: 'Die Datei ist leer.',
  noHeader: 'Die Datei enthält nur leere Zeilen, keine Kopfzeile.',
  pdf: 'Die Datei ist ein PDF-Dokument. Bitte eine CSV-Datei oder eine Excel-Arbeitsmappe (.xlsx) wählen.',
  legacyExcel:
    'Die Datei ist eine ältere Excel-Datei (.xls) oder eine kennwortgeschützte Arbeitsmappe. Bitte in Excel als „Excel-Arbeitsmappe (.xlsx)“ ohne Kennwort oder als „CSV UTF-8“ speichern.',
  binary: 'Die Datei ist weder eine CSV-Datei noch eine Excel-Arbeitsmappe (.xlsx).',
  noEmail: (line: number, found: string[]) =>
    `Die Kopfzeile (Zeile ${line}) hat keine Spalte „email“. Gefundene Spalten: ${
      found.filter(Boolean).join(', ') || 'keine'
    }.`,
  badHeader: (line: number, reason: string) =>
    `Die Kopfzeile (Zeile ${line}) kann nicht gelesen werden. ${reason.split('. Die Zeile')[0]}.`,
  duplicateColumn: (column: string, line: number) =>
    `Die Spalte „${column}“ steht zweimal in der Kopfzeile (Zeile ${line}).`,
  quoteNotClosed:
    'Ein Anführungszeichen wird in dieser Zeile geöffnet und nicht geschlossen. Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.',
  quoteMisplaced:
    'Ein Anführungszeichen steht an falscher Stelle oder wird nicht geschlossen (ein Anführungszeichen innerhalb eines Feldes muss verdoppelt werden: ""). Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.',
  csvOther: (code: string) =>
    `Die Zeile ist kein gültiger CSV-Datensatz (${code}). Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.`,
  tooFew: (fields: number, header: number) =>
    `Die Zeile hat ${fields} ${fields === 1 ? 'Feld' : 'Felder'}, die Kopfzeile ${header}: es fehlen Felder.`,
  tooMany: (fields: number, header: number, delimiter: Delimiter | null) =>
    `Die Zeile hat ${fields} Felder, die Kopfzeile ${header}: zu viele Felder.${
      delimiter
        ? ` Enthält ein Wert das Trennzeichen „${DELIMITER_LABELS[delimiter]}“, muss er in Anführungszeichen stehen.`
        : ''
    }`,
  lineBreak: (column: string) =>
    `Zeilenumbruch im Feld „${column}“: vermutlich fehlt ein schließendes Anführungszeichen. Die Zeile wurde nicht übernommen; ab der nächsten Zeile wird weitergelesen.`,
  undecodable: (encoding: Encoding) =>
    `Die Zeile enthält Bytes, die in der Kodierung ${ENCODING_LABELS[encoding]} ungültig sind. Bitte die Zeile korrigieren oder die Datei als „CSV UTF-8“ speichern.`,
};

// ---------------------------------------------------------------------------------------------
// Format and encoding
// ---------------------------------------------------------------------------------------------

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

/** UTF-8 length of one UTF-16 code unit at `i` (a surrogate pair counts 4 at its first half). */
const utf8Length = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(i - 1);
    return previous >= 0xd800 && previous <= 0xdbff ? 0 : 3;
  }
  return 3;
};

/**
 * Where each physical line starts, in characters and in UTF-8 bytes (csv-parse reports record
 * ends in bytes of the UTF-8 encoded text). A line break at the very end opens no further line.
 */
const indexLines = (text: string) => {
  const chars = [0];
  const bytes = [0];
  let byte = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    byte += utf8Length(text, i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      if (i + 1 < text.length) {
        chars.push(i + 1);
        bytes.push(byte);
      }
    }
  }
  return { chars, bytes, count: text.length === 0 ? 0 : chars.length };
};

const isBlank = (fields: string[]) => fields.every((value) => value.trim() === '');

/**
 * The delimiter of the first non-blank line: the most frequent of `,` `;` and tab outside
 * quotes (`,` when the header has a single column).
 */
export const detectDelimiter = (text: string): Delimiter => {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seen = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seen) break;
      // a blank line before the header (only spaces and delimiters) does not count
      counts[','] = counts[';'] = counts['\t'] = 0;
    } else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
    else if (char.trim() !== '') seen = true;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) =>
    counts[b] > counts[a] ? b : a
  );
  return counts[best] > 0 ? best : ',';
};

interface Tabulator {
  hasHeader(): boolean;
  /** `restart`: a record over several lines is broken; read again from the line after its first */
  add(fields: string[], line: number, lastLine: number, raw?: () => string): 'ok' | 'restart';
  problem(entry: LineProblem): void;
  sheet(): Omit<Sheet, 'format' | 'encoding' | 'delimiter' | 'sheetName'>;
}

/**
 * The rules shared by CSV and workbooks: the first non-blank record is the header (it must have
 * an `email` column), blank records are not counted, every other record has as many fields as
 * the header (trailing empty fields are tolerated) and no line breaks in the import's columns.
 */
const createTabulator = ({
  delimiter,
  padShort,
  badLines,
  encoding,
}: {
  delimiter: Delimiter | null;
  /** workbooks store no trailing empty cells: pad instead of "too few fields" */
  padShort: boolean;
  badLines: Set<number>;
  encoding: Encoding | null;
}): Tabulator => {
  let header: string[] | null = null;
  let headerLine = 0;
  let headerRaw: string | undefined;
  const columnIndex = new Map<ImportColumn, number>();
  const rows: SheetRow[] = [];
  const problems: LineProblem[] = [];

  const setHeader = (fields: string[], line: number) => {
    header = fields.map((name) => name.trim());
    headerLine = line;
    header.forEach((name, index) => {
      const column = IMPORT_COLUMNS.find((known) => known.toLowerCase() === name.toLowerCase());
      if (!column) return;
      if (columnIndex.has(column))
        throw new FileProblem(READ_MESSAGES.duplicateColumn(column, line));
      columnIndex.set(column, index);
    });
    if (!columnIndex.has('email')) throw new FileProblem(READ_MESSAGES.noEmail(line, header));
  };

  return {
    hasHeader: () => header !== null,
    add(fields, line, lastLine, raw) {
      if (!header) {
        if (isBlank(fields)) return 'ok';
        setHeader(fields, line);
        headerRaw = raw?.();
        return 'ok';
      }
      if (isBlank(fields)) return 'ok';
      const multiLine = lastLine > line;
      const reject = (field: string, message: string) => {
        problems.push({ line, field, message });
        return multiLine ? 'restart' : 'ok';
      };
      let undecodable = false;
      for (let bad = line; bad <= lastLine && !undecodable; bad += 1)
        undecodable = badLines.has(bad);
      if (encoding && undecodable) {
        problems.push({ line, field: 'record', message: READ_MESSAGES.undecodable(encoding) });
        return 'ok';
      }
      const width = header.length;
      if (fields.length < width && !padShort)
        return reject('record', READ_MESSAGES.tooFew(fields.length, width));
      if (fields.length > width && !isBlank(fields.slice(width)))
        return reject('record', READ_MESSAGES.tooMany(fields.length, width, delimiter));
      const values: SheetRow['values'] = {};
      for (const [column, index] of columnIndex) {
        const value = (fields[index] ?? '').trim();
        if (multiLine && /[\r\n]/.test(value))
          return reject(column, READ_MESSAGES.lineBreak(column));
        values[column] = value;
      }
      rows.push({
        line,
        lines: lastLine - line + 1,
        values,
        ...(raw ? { raw: raw() } : {}),
      });
      return 'ok';
    },
    problem(entry) {
      problems.push(entry);
    },
    sheet() {
      if (!header) throw new FileProblem(READ_MESSAGES.noHeader);
      return { header, headerLine, headerRaw, rows, problems };
    },
  };
};

/** Lines csv-parse reads in one call (a record over more lines gets a larger window). */
const WINDOW_LINES = 1000;

/** A restart of the parse at a later line, thrown out of csv-parse's `on_record`. */
class Restart {
  constructor(readonly line: number) {}
}

/**
 * Reads CSV text. A record csv-parse cannot read (a quote not closed, a character after a
 * closing quote) is reported on the line where it starts, and parsing goes on from the next
 * physical line; so does a record spanning lines that breaks the rules (wrong number of fields,
 * a line break in an import column: most likely a quote that was never closed).
 */
export const readCsvText = (
  input: string,
  parse: CsvParse,
  {
    encoding = null,
    badLines = new Set<number>(),
    keepRaw = false,
  }: { encoding?: Encoding | null; badLines?: Set<number>; keepRaw?: boolean } = {}
): Sheet => {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') throw new FileProblem(READ_MESSAGES.empty);
  const delimiter = detectDelimiter(text);
  const lines = indexLines(text);
  const tabulator = createTabulator({ delimiter, padShort: false, badLines, encoding });
  const lineStart = (line: number) => (line <= lines.count ? lines.chars[line - 1] : text.length);
  const rawOf = (first: number, last: number) => () => {
    const raw = text.slice(lineStart(first), lineStart(last + 1));
    return /[\r\n]$/.test(raw) ? raw : `${raw}\n`;
  };

  // Parsed in windows of lines, so that going on after a broken line re-reads a window, not the
  // rest of the file (2,500 broken lines in 50,000 would otherwise take seconds).
  let start = 1;
  let span = WINDOW_LINES;
  while (start <= lines.count) {
    const end = Math.min(lines.count + 1, start + span);
    const startByte = lines.bytes[start - 1];
    let recordByte = startByte;
    // the line holding a byte offset; records only move forward, so does this cursor
    let cursor = start;
    const lineAt = (byte: number) => {
      while (cursor < lines.count && lines.bytes[cursor] <= byte) cursor += 1;
      return cursor;
    };
    try {
      parse(text.slice(lineStart(start), lineStart(end)), {
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        // a quote inside an unquoted field (Die "gute" Schule) is taken as it is
        relax_quotes: true,
        // spaces around a quoted field are allowed
        trim: true,
        skip_empty_lines: false,
        on_record: (record: string[], context: { bytes: number }) => {
          const recordEnd = startByte + context.bytes;
          const first = lineAt(recordByte);
          const last = lineAt(Math.max(recordByte, recordEnd - 1));
          recordByte = recordEnd;
          const raw = keepRaw ? rawOf(first, last) : undefined;
          if (tabulator.add(record, first, last, raw) === 'restart') throw new Restart(first + 1);
          return null;
        },
      });
      start = end;
      span = WINDOW_LINES;
    } catch (error) {
      if (error instanceof Restart) {
        start = error.line;
        span = WINDOW_LINES;
        continue;
      }
      if (error instanceof FileProblem) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string') throw error;
      // the record that failed starts where the last one read ended
      const first = lineAt(recordByte);
      if (code === 'CSV_QUOTE_NOT_CLOSED' && end <= lines.count) {
        // the quoted field may go on past the window: read it again with a larger one
        start = first;
        span = Math.max(WINDOW_LINES, (end - first) * 2);
        continue;
      }
      const message =
        code === 'CSV_QUOTE_NOT_CLOSED'
          ? READ_MESSAGES.quoteNotClosed
          : /QUOTE/.test(code)
            ? READ_MESSAGES.quoteMisplaced
            : READ_MESSAGES.csvOther(code);
      if (!tabulator.hasHeader()) throw new FileProblem(READ_MESSAGES.badHeader(first, message));
      tabulator.problem({ line: first, field: 'record', message });
      start = first + 1;
      span = WINDOW_LINES;
    }
  }
  return { format: 'csv', encoding, delimiter, sheetName: null, ...tabulator.sheet() };
};

/** Reads the bytes of a CSV file: encoding and delimiter recognised, undecodable lines reported. */
export const readCsvBytes = (
  bytes: Uint8Array,
  parse: CsvParse,
  options: { keepRaw?: boolean } = {}
): Sheet => {
  if (sniffFormat(bytes) !== 'csv') throw new FileProblem(READ_MESSAGES.binary);
  const { text, encoding, badLines } = decodeText(bytes);
  return readCsvText(text, parse, { encoding, badLines, ...options });
};

/**
 * A worksheet's rows as text cells (row number = line), read by the same rules as CSV. Cells
 * past the header's width are allowed only when empty.
 */
export const sheetFromCells = (
  cells: { line: number; values: string[] }[],
  sheetName: string
): Sheet => {
  const tabulator = createTabulator({
    delimiter: null,
    padShort: true,
    badLines: new Set(),
    encoding: null,
  });
  for (const { line, values } of cells) tabulator.add(values, line, line);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheetName,
    ...tabulator.sheet(),
  };
};

/** An empty report for a sheet: its problems are rejected records already. */
export const emptyReport = (sheet: Sheet): ImportReport => ({
  format: sheet.format,
  encoding: sheet.encoding,
  delimiter: sheet.delimiter,
  sheet: sheet.sheetName,
  rows: sheet.rows.length + sheet.problems.length,
  created: { active: 0, pending: 0 },
  reactivated: 0,
  skipped: [],
  rejected: sheet.problems.length,
  errors: [...sheet.problems],
});
