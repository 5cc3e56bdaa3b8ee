/**
 * Large CSV imports are sent in parts (the admin API takes JSON bodies up to 1 MB): the file is
 * split between records (never inside a quoted field), each part repeats the header line, and
 * the line numbers of the parts' reports are mapped back to the file's lines.
 */
import type { ImportReport } from './types';

export interface CsvChunk {
  text: string;
  /** add to a line number reported for this part to get the file's line number */
  lineOffset: number;
}

interface RawRecord {
  text: string;
  line: number;
  lines: number;
  blank: boolean;
}

/** The file's records as raw text (with their line breaks), like the server's parser reads them. */
const records = (text: string): RawRecord[] => {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const result: RawRecord[] = [];
  let start = 0;
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let fieldEmpty = true;
  let blank = true;
  const push = (end: number) => {
    result.push({
      text: text.slice(start, end),
      line: recordLine,
      lines: line - recordLine,
      blank,
    });
    start = end;
    recordLine = line;
    fieldEmpty = true;
    blank = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') i += 1;
        else inQuotes = false;
      } else if (char === '\n') {
        line += 1;
      }
      blank = false;
    } else if (char === '"' && fieldEmpty) {
      inQuotes = true;
      fieldEmpty = false;
      blank = false;
    } else if (char === delimiter) {
      fieldEmpty = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      push(i + 1);
    } else {
      fieldEmpty = false;
      if (char.trim() !== '') blank = false;
    }
  }
  if (start < text.length) {
    line += 1;
    push(text.length);
  }
  return result;
};

/** Splits CSV text into parts of about `maxChars` characters, each starting with the header. */
export const splitCsv = (input: string, maxChars = 600_000): CsvChunk[] => {
  const text = input.replace(/^\uFEFF/, '');
  if (text.length <= maxChars) return [{ text, lineOffset: 0 }];
  const all = records(text);
  const headerIndex = all.findIndex((record) => !record.blank);
  if (headerIndex === -1) return [{ text, lineOffset: 0 }];
  const header = all[headerIndex];
  const headerText = /[\r\n]$/.test(header.text) ? header.text : `${header.text}\n`;
  const chunks: CsvChunk[] = [];
  let parts: string[] = [];
  let size = 0;
  let firstLine = 0;
  const flush = () => {
    if (parts.length === 0) return;
    // In the part, its first record is on the line after the header.
    chunks.push({ text: headerText + parts.join(''), lineOffset: firstLine - (header.lines + 1) });
    parts = [];
    size = 0;
  };
  for (const record of all.slice(headerIndex + 1)) {
    if (size > 0 && size + record.text.length + headerText.length > maxChars) flush();
    if (parts.length === 0) firstLine = record.line;
    parts.push(/[\r\n]$/.test(record.text) ? record.text : `${record.text}\n`);
    size += record.text.length;
  }
  flush();
  return chunks.length ? chunks : [{ text, lineOffset: 0 }];
};

/** One report for the whole file from the reports of its parts. */
export const mergeReports = (
  parts: { report: ImportReport; lineOffset: number }[]
): ImportReport => {
  const merged: ImportReport = {
    rows: 0,
    created: { active: 0, pending: 0 },
    reactivated: 0,
    skipped: [],
    errors: [],
  };
  for (const { report, lineOffset } of parts) {
    merged.rows += report.rows;
    merged.created.active += report.created.active;
    merged.created.pending += report.created.pending;
    merged.reactivated += report.reactivated;
    merged.skipped.push(
      ...report.skipped.map((entry) => ({ ...entry, line: entry.line + lineOffset }))
    );
    // A missing header column is reported once, on the header line.
    for (const entry of report.errors) {
      const line = entry.line === 1 ? 1 : entry.line + lineOffset;
      if (
        !merged.errors.some(
          (other) =>
            other.line === line && other.field === entry.field && other.message === entry.message
        )
      ) {
        merged.errors.push({ ...entry, line });
      }
    }
  }
  return merged;
};
