/** HTTP helpers for supertest. */
import type { Response } from 'superagent';

/** supertest parser that keeps a binary body (a PDF, a spreadsheet) as one Buffer. */
export const binaryBody = (
  res: Response,
  callback: (error: Error | null, body: Buffer) => void
) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};
