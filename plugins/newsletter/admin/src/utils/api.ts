/** Shapes of the plugin's admin routes and helpers for calling them with the admin's fetch client. */
import { isFetchError } from '@strapi/strapi/admin';
import type { IssueStatus } from './types';

export * from './types';

/** Statuses in which an issue's content and schedule may still change. */
export const isEditable = (status: IssueStatus) => status === 'draft' || status === 'scheduled';

/** Statuses whose progress changes by itself (the pages poll while one is shown). */
export const isLive = (status: IssueStatus) => status === 'sending' || status === 'scheduled';

/**
 * A query string with every value encoded (the admin's fetch client does not encode `params`).
 */
export const query = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

export interface ApiProblem {
  status?: number;
  message: string;
  /** messages per field (first path segment), from Strapi's ValidationError details */
  fields: Record<string, string>;
  /** every detail with its full path, e.g. ['emails', 2] */
  details: { path: (string | number)[]; message: string }[];
}

/** Strapi's error body (`error.message`, `error.details.errors[].path`) as one message per field. */
export const apiProblem = (error: unknown, fallback: string): ApiProblem => {
  if (isFetchError(error)) {
    const body = error.response?.data?.error as
      | {
          message?: string;
          details?: { errors?: { path?: (string | number)[]; message?: string }[] };
        }
      | undefined;
    const fields: Record<string, string> = {};
    const details: ApiProblem['details'] = [];
    for (const entry of body?.details?.errors ?? []) {
      const key = String(entry.path?.[0] ?? '');
      if (key && entry.message && !fields[key]) fields[key] = entry.message;
      if (entry.message) details.push({ path: entry.path ?? [], message: entry.message });
    }
    const message = body?.message || error.message;
    return {
      status: error.status,
      message:
        message && message !== 'Server Error' && message !== 'Unknown Server Error'
          ? message
          : fallback,
      fields,
      details,
    };
  }
  return { message: fallback, fields: {}, details: [] };
};

/** Offers a blob to the browser as a file download. */
export const downloadBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
