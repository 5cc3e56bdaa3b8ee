/**
 * Validation rules that Strapi's schema attributes cannot express (cross-field and closed-list
 * JSON fields). Each rule returns field errors; the document middleware turns them into Strapi's
 * standard ValidationError (400) before anything is written.
 */
import { CHECK_BANDS, KINDS_OF_OFFER, SIZE_CLASSES, TARGET_GROUPS } from './vocabularies';

export interface FieldError {
  path: string[];
  message: string;
}

type Data = Record<string, unknown>;

/** The calendar day of a date value as given by a client or stored by Strapi, if it has one. */
const isoDay = (value: unknown): string | null => {
  const text = value instanceof Date ? value.toISOString() : value;
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
};

const checkList = (
  data: Data,
  field: string,
  allowed: Record<string, string>,
  { required = false }: { required?: boolean } = {}
): FieldError[] => {
  const value = data[field];
  if (value === undefined || value === null) {
    return required ? [{ path: [field], message: `${field} must list at least one value` }] : [];
  }
  const keys = Object.keys(allowed);
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    return [{ path: [field], message: `${field} must be a list of: ${keys.join(', ')}` }];
  }
  const unknown = value.filter((item) => !keys.includes(item as string));
  if (unknown.length > 0) {
    return [
      {
        path: [field],
        message: `${field} contains unknown values (${unknown.join(', ')}); allowed: ${keys.join(', ')}`,
      },
    ];
  }
  if (new Set(value).size !== value.length) {
    return [{ path: [field], message: `${field} must not repeat a value` }];
  }
  if (required && value.length === 0) {
    return [{ path: [field], message: `${field} must list at least one value` }];
  }
  return [];
};

/** `merged` is the document as it will be after the write (stored values plus the new data). */
export const offerErrors = (merged: Data): FieldError[] => {
  const errors = checkList(merged, 'targetGroups', TARGET_GROUPS);
  const startDate = isoDay(merged.startDate);
  const endDate = isoDay(merged.endDate);
  if (startDate && endDate && endDate < startDate) {
    errors.push({ path: ['endDate'], message: 'endDate must not be before startDate' });
  }
  return errors;
};

export const practiceExampleErrors = (merged: Data): FieldError[] =>
  checkList(merged, 'kindsOfOffer', KINDS_OF_OFFER);

export const employerTipErrors = (merged: Data): FieldError[] => [
  ...checkList(merged, 'suitedSizeClasses', SIZE_CLASSES),
  ...checkList(merged, 'checkBands', CHECK_BANDS),
];
