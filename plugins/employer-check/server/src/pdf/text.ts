/**
 * Text and value normalisation for the PDF report: cleaning any value into text the embedded
 * fonts can render, shortening labels, formatting the date and checking scores, bands,
 * directions and changes taken from the input.
 */
import { reportFonts } from './fonts';
import type { Band, ReportDirection } from './types';

// ---------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------

/**
 * Turns any value into text the embedded fonts can render: NFC normalisation, control
 * characters, zero-width and bidi controls and combining marks left over after NFC removed,
 * typographic spaces the fonts lack unified, emoji the fonts lack dropped, and any other
 * character the fonts lack replaced by its base letter or '?'. Without `multiline` all
 * whitespace collapses.
 */
export const toPdfText = (value: unknown, multiline = false): string => {
  const { covers } = reportFonts();
  const source = String(value ?? '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n');
  let out = '';
  for (const char of source) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\t') {
      out += char === '\n' && multiline ? '\n' : ' ';
    } else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
      // other control characters are dropped
    } else if (/[\p{Cf}\p{M}]/u.test(char)) {
      // zero-width and bidi controls, soft hyphens, stray combining marks
    } else if (covers(codePoint)) {
      out += char;
    } else if (/\p{Zs}/u.test(char)) {
      out += ' ';
    } else if (/\p{Extended_Pictographic}/u.test(char)) {
      // emoji
    } else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every((c) => covers(c.codePointAt(0) ?? 0)) ? base : '?';
    }
  }
  if (!multiline) return out.replace(/\s+/g, ' ').trim();
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

/**
 * Single-line PDF text cut to `max` characters: names and labels end up in table cells, list
 * items and chart labels, whose height must stay bounded.
 */
export const short = (value: unknown, max = 160): string => {
  const text = toPdfText(value);
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};

// ---------------------------------------------------------------------------
// Value helpers
// ---------------------------------------------------------------------------

export const formatDate = (date: Date): string => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError('renderReport: date must be a valid Date');
  }
  const parts = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')}`;
};

/** Rounds and clamps a score to 0–100; anything that is not a finite number becomes null. */
export const normaliseScore = (score: unknown): number | null =>
  typeof score === 'number' && Number.isFinite(score)
    ? Math.min(100, Math.max(0, Math.round(score)))
    : null;

export const isBand = (band: unknown): band is Band =>
  band === 'rot' || band === 'gelb' || band === 'gruen';

export const isDirection = (value: unknown): value is ReportDirection =>
  value === 'up' || value === 'down' || value === 'same';

/** A finite change, rounded to one decimal, or null. */
export const normaliseDelta = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
