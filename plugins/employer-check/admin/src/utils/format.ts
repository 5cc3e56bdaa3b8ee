/** Labels and numbers as the pages show them. */
import type { BandLabels, Option, Thresholds } from './api';

export type Band = 'rot' | 'gelb' | 'gruen';

export const bandOf = (score: number, thresholds: Thresholds): Band =>
  score < thresholds.red ? 'rot' : score < thresholds.green ? 'gelb' : 'gruen';

export const bandLabel = (score: number, thresholds: Thresholds, labels: BandLabels) =>
  labels[bandOf(score, thresholds)];

/** The label of a key from an option list, or the key itself when the list does not know it. */
export const labelOf = (options: Option[], key: string) =>
  options.find((option) => option.key === key)?.label ?? key;

/** "2026-03" as a date in the middle of that month (UTC, so no time zone shifts it). */
export const monthDate = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 15));
};

/** "2026-03-31" ↔ a local Date at midnight (the DatePicker works with local dates). */
export const parseDay = (value: string | undefined) => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
};

export const formatDay = (date: Date | undefined) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(
        date.getDate()
      ).padStart(2, '0')}`
    : undefined;
