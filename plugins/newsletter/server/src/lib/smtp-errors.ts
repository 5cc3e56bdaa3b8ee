/**
 * What an SMTP failure means for one delivery:
 * - `retry`: temporary (4xx): try again later;
 * - `bounce`: permanent and about the mailbox (5.1.x, e.g. "550 5.1.1 user unknown"): the
 *   address is dead, the subscriber is marked bounced;
 * - `failed`: permanent for this message (other 5xx);
 * - `unreachable`: no SMTP answer at all (connection refused, timeout, TLS, DNS): nothing is
 *   wrong with the recipient; the send waits and tries again.
 */
export type SmtpOutcome = 'retry' | 'bounce' | 'failed' | 'unreachable';

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'ECONNREFUSED',
  'ECONNRESET',
  'EDNS',
  'ETLS',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPROTOCOL',
]);

export interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export const classifySmtpError = (
  error: unknown
): { outcome: SmtpOutcome; code: number | null } => {
  const e = (error ?? {}) as SmtpErrorLike;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (code !== null && code >= 400 && code < 500) return { outcome: 'retry', code };
  if (code !== null && code >= 500 && code < 600) {
    const text = `${e.response ?? ''} ${e.message ?? ''}`;
    return { outcome: /\b5\.1\.\d{1,3}\b/.test(text) ? 'bounce' : 'failed', code };
  }
  if (e.code && CONNECTION_CODES.has(e.code)) return { outcome: 'unreachable', code: null };
  if (/ECONNREFUSED|ETIMEDOUT|ECONNRESET|socket|connect/i.test(e.message ?? '')) {
    return { outcome: 'unreachable', code: null };
  }
  return { outcome: 'failed', code };
};
