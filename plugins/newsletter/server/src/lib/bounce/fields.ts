/**
 * `Name: value` fields as in a mail header or a `message/delivery-status` part: names
 * lower-cased, folded lines unfolded, blank lines kept as `null` (they separate DSN groups).
 */
export interface Field {
  name: string;
  value: string;
}

export type Fields = Map<string, string[]>;

const FIELD = /^([!-9;-~]+)[ \t]*:[ \t]*(.*)$/;
const MAX_LINES = 5000;

export const readFields = (text: string, headerOnly = false): Array<Field | null> => {
  const out: Array<Field | null> = [];
  let current: Field | null = null;
  const lines = text.split(/\r\n|\n|\r/, MAX_LINES);
  for (const line of lines) {
    if (line.trim() === '') {
      if (headerOnly && out.length) break;
      if (out.length && out[out.length - 1] !== null) out.push(null);
      current = null;
    } else if (/^[ \t]/.test(line)) {
      if (current) current.value = `${current.value} ${line.trim()}`.trim();
    } else {
      const match = FIELD.exec(line);
      current = match ? { name: match[1].toLowerCase(), value: match[2].trim() } : null;
      if (current) out.push(current);
    }
  }
  return out;
};

/** The header block at the start of `text` as a map of name → values. */
export const headerFields = (text: string): Fields => {
  const fields: Fields = new Map();
  for (const field of readFields(text, true)) {
    if (!field) continue;
    const values = fields.get(field.name) ?? [];
    values.push(field.value);
    fields.set(field.name, values);
  }
  return fields;
};

export const firstValue = (fields: Fields, name: string): string | undefined =>
  fields.get(name)?.[0];
