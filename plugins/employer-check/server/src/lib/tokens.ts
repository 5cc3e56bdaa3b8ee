/** Submission tokens: 192 random bits, given to the company once; only a SHA-256 hash is stored. */
import crypto from 'crypto';

export const createSubmissionToken = (): string => crypto.randomBytes(24).toString('base64url');

export const hashSubmissionToken = (token: string): string =>
  crypto.createHash('sha256').update(token).digest('hex');

export const looksLikeToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
