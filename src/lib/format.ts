/** German formatting of dates and numbers for what readers see (mails and pages). */

/** 2026-12-01 → 01.12.2026 (the date part of an ISO date or timestamp; '' for anything else) */
export const germanDate = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
};

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 12345.6 → "12.345,6" with at most `digits` decimals; '' for no number. */
export const germanNumber = (value: unknown, digits = 0): string => {
  if (value === null || value === undefined || value === '' || Number.isNaN(Number(value))) {
    return '';
  }
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(Number(value));
};
