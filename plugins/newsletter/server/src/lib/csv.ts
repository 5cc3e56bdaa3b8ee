/**
 * CSV output (the subscriber export). Reading CSV is the shared reader's job
 * (`subscriber-file/`, built on csv-parse).
 */
const needsQuotes = /[",\r\n;]/;

/** One CSV field; leading = + - @ are prefixed with ' so spreadsheets do not run formulas. */
export const csvField = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: unknown[]): string => `${values.map(csvField).join(',')}\r\n`;
