/**
 * Minimal RFC 4180 CSV: quoted fields with commas, quotes ("") and line breaks; CRLF or LF;
 * a UTF-8 byte-order mark is ignored. `;` is accepted as the delimiter when the header uses it
 * (spreadsheets in German locales write that).
 */
export interface CsvRow {
  /** 1-based line number where the record starts (the header is line 1) */
  line: number;
  values: Record<string, string>;
}

export const parseCsv = (input: string): { header: string[]; rows: CsvRow[] } => {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      inQuotes = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  const nonEmpty = records.filter((record) => record.fields.some((value) => value.trim() !== ''));
  if (nonEmpty.length === 0) return { header: [], rows: [] };
  const header = nonEmpty[0].fields.map((name) => name.trim());
  const rows = nonEmpty.slice(1).map(({ line: recordStart, fields: values }) => ({
    line: recordStart,
    values: Object.fromEntries(header.map((name, index) => [name, (values[index] ?? '').trim()])),
  }));
  return { header, rows };
};

const needsQuotes = /[",\r\n;]/;

/** One CSV field; leading = + - @ are prefixed with ' so spreadsheets do not run formulas. */
export const csvField = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
