/**
 * The body of `POST /newsletter/subscribers/import`, read by the route itself rather than by
 * Strapi's global body parser: that one has its own, smaller limits (text 56 kB, JSON 1 MB) and
 * decodes text as UTF-8 (a Windows-1252 file loses its umlauts before anyone sees its bytes).
 *
 * `holdImportBody` runs before Strapi's middleware chain (the plugin registers it in
 * `register()`; Strapi mounts its chain later, in `bootstrap`): for exactly this route it moves
 * the `content-type` header into `ctx.state`, so the body parser leaves the stream untouched.
 * The controller, after the admin's authentication and permission policies, restores it and
 * reads the bytes with one limit (`import.maxBytes`) for every form: a raw file body, JSON
 * `{ csv }`, or multipart with a `file` field. Nothing is read before the policies ran.
 */
import { Readable } from 'stream';
import busboy from 'busboy';
import getRawBody from 'raw-body';
import type { Context, Next } from 'koa';
import { errors } from '@strapi/utils';
import { sizeLabel } from '../lib/subscriber-file';

export const IMPORT_PATH = /^\/newsletter\/subscribers\/import\/?$/;
const HELD = 'newsletterImportContentType';

/** Koa middleware: hides the import's content type from the global body parser. */
export const holdImportBody = () => async (ctx: Context, next: Next) => {
  if (ctx.method === 'POST' && IMPORT_PATH.test(ctx.path)) {
    const type = ctx.req.headers['content-type'];
    ctx.state[HELD] = type ?? null;
    delete ctx.req.headers['content-type'];
  }
  await next();
};

/** What the import got: bytes of a file (`file`), or text decoded by the sender (`csv`). */
export type ImportBody = { field: 'file'; bytes: Uint8Array } | { field: 'csv'; text: string };

export const tooLarge = (maxBytes: number) =>
  new errors.PayloadTooLargeError(
    `Die Anfrage ist größer als ${sizeLabel(maxBytes)}, die Grenze für einen Import (import.maxBytes). Bitte die Datei aufteilen.`,
    { maxBytes }
  );

export const invalid = (field: 'file' | 'csv', message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

export const BODY_MESSAGES = {
  json: 'Bitte den CSV-Inhalt als JSON { "csv": "…" } senden.',
  jsonEmpty: 'Der CSV-Inhalt ist leer.',
  multipart: 'Bitte die Datei im Feld „file“ senden.',
  form: 'Bitte eine CSV- oder Excel-Datei senden (als Datei, JSON { "csv": "…" } oder multipart/form-data mit dem Feld „file“).',
  encoding: 'Komprimierte Anfragen (Content-Encoding) werden für Importe nicht angenommen.',
  broken: 'Die Anfrage wurde nicht vollständig übertragen.',
};

/** The bytes of the request body, at most `maxBytes` (413 beyond, also when announced). */
const readBytes = async (ctx: Context, maxBytes: number): Promise<Buffer> => {
  const encoding = ctx.req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') throw invalid('file', BODY_MESSAGES.encoding);
  const announced = Number(ctx.req.headers['content-length']);
  // known too large: answer without reading; Node discards the unread body
  if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge(maxBytes);
  try {
    return await getRawBody(ctx.req, {
      limit: maxBytes,
      length: ctx.req.headers['content-length'],
    });
  } catch (error) {
    const { type } = error as { type?: string };
    if (type === 'entity.too.large') {
      // let the client finish sending (it reads the answer afterwards), then close
      ctx.req.resume();
      ctx.set('Connection', 'close');
      throw tooLarge(maxBytes);
    }
    if (type === 'request.aborted' || type === 'request.size.invalid')
      throw invalid('file', BODY_MESSAGES.broken);
    throw error;
  }
};

/** The `file` field of a multipart body (already read, so the limit held). */
const multipartFile = (body: Buffer, contentType: string, maxBytes: number) =>
  new Promise<Uint8Array>((resolve, reject) => {
    let file: Buffer | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { files: 1, fileSize: maxBytes, fields: 20, parts: 25 },
      });
    } catch {
      reject(invalid('file', BODY_MESSAGES.multipart));
      return;
    }
    parser.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (name === 'file') chunks.push(chunk);
      });
      stream.on('end', () => {
        if (name === 'file') file = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(invalid('file', BODY_MESSAGES.multipart)));
    parser.on('close', () =>
      file ? resolve(new Uint8Array(file)) : reject(invalid('file', BODY_MESSAGES.multipart))
    );
    Readable.from([body]).pipe(parser);
  });

/** Restores the content type and reads the body in whichever form it came. */
export const readImportBody = async (ctx: Context, maxBytes: number): Promise<ImportBody> => {
  const held = ctx.state[HELD] as string | null | undefined;
  if (held) ctx.req.headers['content-type'] = held;
  const type = (held ?? '').split(';')[0].trim().toLowerCase();
  const body = await readBytes(ctx, maxBytes);
  if (type === 'application/json' || type.endsWith('+json')) {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw invalid('csv', BODY_MESSAGES.json);
    }
    const csv = (json as { csv?: unknown } | null)?.csv;
    if (typeof csv !== 'string') throw invalid('csv', BODY_MESSAGES.json);
    if (csv.trim() === '') throw invalid('csv', BODY_MESSAGES.jsonEmpty);
    return { field: 'csv', text: csv };
  }
  if (type === 'multipart/form-data') {
    return { field: 'file', bytes: await multipartFile(body, held!, maxBytes) };
  }
  if (type === 'application/x-www-form-urlencoded') throw invalid('file', BODY_MESSAGES.form);
  // text/csv, text/plain, the .xlsx type, application/octet-stream, none: the bytes decide
  return { field: 'file', bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
};
