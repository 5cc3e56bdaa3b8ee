/**
 * CSV text as a sheet: the delimiter recognised from the header line (outside quotes), records
 * read with csv-parse in windows of lines, and every line that cannot be taken reported with its
 * line number and a German reason, reading on from the next line. Cells of a workbook go through
 * the same rules (`sheetFromCells`).
 */
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type Encoding,
  type Delimiter,
  type CsvParse,
  type SheetRow,
  type LineProblem,
  type Sheet,
  FileProblem,
  READ_MESSAGES,
} from './sheet';
import { sniffFormat, decodeText } from './decode';

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
