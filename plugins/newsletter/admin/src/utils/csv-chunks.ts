/**
 * Large CSV imports are sent in parts: the admin reads the file with the shared reader (the
 * server's rules, the same csv-parse), sends only the records it could read, as JSON `{ csv }`
 * bodies under the server's size limit, each starting with the header line, and maps the line
 * numbers of the parts' reports back to the file's lines. The lines it could not read are
 * reported from here, with the server's German reasons.
 *
 * Pure (no browser or csv-parse import), so the unit tests run it with csv-parse's Node build.
 */
import {
  duplicateReason,
  type ImportReport,
  type LineProblem,
  type Sheet,
} from '../../../server/src/lib/subscriber-file';

export interface UploadPart {
  /** the part's CSV text: the header line, then whole records */
  csv: string;
  /** a line number in the part's report → the file's line number */
  lines: Map<number, number>;
  /** records in this part */
  records: number;
}

/** UTF-8 bytes of `JSON.stringify(text)` (quotes included). */
export const jsonBytes = (text: string): number => {
  let bytes = 2;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20) bytes += [0x08, 0x09, 0x0a, 0x0c, 0x0d].includes(code) ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 6;
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
};

const countLines = (raw: string) => (raw.replace(/\r\n/g, '\n').match(/[\r\n]/g) ?? []).length;

/** What the admin reports itself about a record too large for any part. */
export const TOO_LARGE = (maxBytes: number) =>
  `Der Datensatz ist größer als die Grenze für eine Anfrage (${Math.floor(maxBytes / 1024)} KB) und wurde nicht übernommen.`;

/**
 * Splits a sheet read with `keepRaw` into JSON bodies of at most `maxBytes` bytes. Every
 * readable record goes into exactly one part, in file order; a record that alone exceeds the
 * limit is returned in `tooLarge` instead.
 */
export const planParts = (
  sheet: Sheet,
  maxBytes: number
): { parts: UploadPart[]; tooLarge: LineProblem[] } => {
  const header = sheet.headerRaw ?? `${sheet.header.join(',')}\n`;
  const headerLines = countLines(header);
  // {"csv":"…"}: 8 bytes around the JSON string
  const base = 8 + jsonBytes(header);
  const parts: UploadPart[] = [];
  const tooLarge: LineProblem[] = [];
  let texts: string[] = [];
  let lines = new Map<number, number>();
  let size = base;
  let nextLine = headerLines + 1;
  const flush = () => {
    if (!texts.length) return;
    parts.push({ csv: header + texts.join(''), lines, records: texts.length });
    texts = [];
    lines = new Map();
    size = base;
    nextLine = headerLines + 1;
  };
  for (const row of sheet.rows) {
    const raw = row.raw ?? '';
    // a JSON string's bytes are the sum of its pieces' (less their quotes)
    const bytes = jsonBytes(raw) - 2;
    if (base + bytes > maxBytes) {
      tooLarge.push({ line: row.line, field: 'record', message: TOO_LARGE(maxBytes) });
      continue;
    }
    if (size + bytes > maxBytes) flush();
    texts.push(raw);
    lines.set(nextLine, row.line);
    nextLine += row.lines;
    size += bytes;
  }
  flush();
  return { parts, tooLarge };
};

const byLine = <T extends { line: number }>(a: T, b: T) => a.line - b.line;

/**
 * One report for the whole file: the parts' reports with their lines mapped back, plus the lines
 * the admin could not read or send itself (`local`), with what it detected about the file.
 */
export const mergeReports = (
  parts: { report: ImportReport; lines: Map<number, number> }[],
  local: Pick<ImportReport, 'format' | 'encoding' | 'delimiter'> & { problems: LineProblem[] }
): ImportReport => {
  const merged: ImportReport = {
    format: local.format,
    encoding: local.encoding,
    delimiter: local.delimiter,
    sheet: null,
    rows: local.problems.length,
    created: { active: 0, pending: 0 },
    reactivated: 0,
    skipped: [],
    rejected: local.problems.length,
    errors: [...local.problems],
  };
  for (const { report, lines } of parts) {
    const map = (line: number) => lines.get(line) ?? line;
    merged.rows += report.rows;
    merged.created.active += report.created.active;
    merged.created.pending += report.created.pending;
    merged.reactivated += report.reactivated;
    merged.rejected += report.rejected;
    merged.skipped.push(
      ...report.skipped.map((entry) =>
        entry.duplicateOf
          ? {
              ...entry,
              line: map(entry.line),
              duplicateOf: map(entry.duplicateOf),
              reason: duplicateReason(map(entry.duplicateOf)),
            }
          : { ...entry, line: map(entry.line) }
      )
    );
    merged.errors.push(...report.errors.map((entry) => ({ ...entry, line: map(entry.line) })));
  }
  merged.skipped.sort(byLine);
  merged.errors.sort(byLine);
  return merged;
};
