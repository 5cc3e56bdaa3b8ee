/**
 * Strapi's body parser writes every file of a multipart request into the temporary folder before
 * any route, permission or validation runs, and removes only the field named `files`, and only
 * when the request succeeds. Anyone could leave files of up to 200 MB each on the server's disk
 * with anonymous multipart requests to any path (a 400, 404 or 405 left them all behind); found
 * by the hostile-input suite (tests/faults/scenarios/hostile.js).
 *
 * This middleware wraps the whole stack (registered first with `strapi.server.use` in src/index.ts) and removes every
 * uploaded temporary file when the request is done, whatever the answer. The upload plugin has
 * copied what it keeps by then.
 */
import { promises as fs } from 'fs';
import type { Context, Next } from 'koa';

interface UploadedFile {
  filepath?: string;
}

/** Temporary paths of every file koa-body parsed, whatever the field names. */
export const uploadedPaths = (files: unknown): string[] => {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, UploadedFile | UploadedFile[]>)
    .flatMap((entry) => (Array.isArray(entry) ? entry : [entry]))
    .map((file) => file?.filepath)
    .filter((filepath): filepath is string => typeof filepath === 'string' && filepath !== '');
};

export const multipartCleanup = () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } finally {
    const paths = uploadedPaths((ctx.request as unknown as { files?: unknown }).files);
    await Promise.all(
      paths.map((filepath) => fs.rm(filepath, { force: true }).catch(() => undefined))
    );
  }
};
