/**
 * Whether an error means "the database cannot be used right now" (as opposed to a bug or bad
 * input): the request may succeed when repeated a little later, so the API answers 503 with
 * Retry-After instead of 500. Pure: looks only at the error object (and its causes).
 *
 * Recognised:
 * - knex could not get a connection from its pool in time (`KnexTimeoutError`);
 * - PostgreSQL refuses or dropped the session: SQLSTATE class 08 (connection exception),
 *   57P01/57P02/57P03 (administrator/crash shutdown, cannot connect now), 53300 (too many
 *   connections), 55000 only with "not accepting connections" (e.g. `ALLOW_CONNECTIONS false`);
 *   node-postgres' own "Connection terminated …" / "not queryable" errors;
 * - the socket: ECONNREFUSED, ECONNRESET, ETIMEDOUT, EPIPE, EHOSTUNREACH, ENETUNREACH, EAI_AGAIN;
 * - SQLite: SQLITE_BUSY* / SQLITE_LOCKED* ("database is locked": another process holds the lock
 *   longer than the busy timeout).
 */

export type DatabaseUnavailableReason =
  | 'pool-timeout'
  | 'connection-refused'
  | 'connection-lost'
  | 'server-unavailable'
  | 'too-many-connections'
  | 'locked';

const PG_CODES: Record<string, DatabaseUnavailableReason> = {
  '08000': 'connection-lost', // connection_exception
  '08001': 'connection-refused', // sqlclient_unable_to_establish_sqlconnection
  '08003': 'connection-lost', // connection_does_not_exist
  '08004': 'connection-refused', // sqlserver_rejected_establishment_of_sqlconnection
  '08006': 'connection-lost', // connection_failure
  '57P01': 'server-unavailable', // admin_shutdown (also pg_terminate_backend)
  '57P02': 'server-unavailable', // crash_shutdown
  '57P03': 'server-unavailable', // cannot_connect_now (starting up, recovery)
  '53300': 'too-many-connections', // too_many_connections
};

const SOCKET_CODES: Record<string, DatabaseUnavailableReason> = {
  ECONNREFUSED: 'connection-refused',
  EHOSTUNREACH: 'connection-refused',
  ENETUNREACH: 'connection-refused',
  EAI_AGAIN: 'connection-refused',
  ECONNRESET: 'connection-lost',
  EPIPE: 'connection-lost',
  ETIMEDOUT: 'connection-lost',
};

const MESSAGES: [RegExp, DatabaseUnavailableReason][] = [
  [/Timeout acquiring a connection/i, 'pool-timeout'],
  [/Connection terminated/i, 'connection-lost'],
  [/not queryable/i, 'connection-lost'],
  [/is not (currently )?accepting connections/i, 'server-unavailable'],
  [/the database system is (starting up|shutting down|in recovery mode)/i, 'server-unavailable'],
  [/database is locked/i, 'locked'],
  [/database table is locked/i, 'locked'],
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  originalError?: unknown;
  nativeError?: unknown;
}

const classifyOne = (error: ErrorLike): DatabaseUnavailableReason | null => {
  if (error.name === 'KnexTimeoutError') return 'pool-timeout';
  const code = typeof error.code === 'string' ? error.code : '';
  if (PG_CODES[code]) return PG_CODES[code];
  if (SOCKET_CODES[code]) return SOCKET_CODES[code];
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'locked';
  const message = typeof error.message === 'string' ? error.message : '';
  // 55000 (object_not_in_prerequisite_state) is also used for unrelated errors: only the
  // "not accepting connections" one counts.
  for (const [pattern, reason] of MESSAGES) if (pattern.test(message)) return reason;
  return null;
};

/**
 * The reason the database is unavailable, or null when the error is something else. Looks at the
 * error and what it wraps (`cause`, `originalError`, `nativeError`, an AggregateError's `errors`),
 * a few levels deep.
 */
export const databaseUnavailableReason = (error: unknown): DatabaseUnavailableReason | null => {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as ErrorLike;
    const reason = classifyOne(candidate);
    if (reason) return reason;
    queue.push(candidate.cause, candidate.originalError, candidate.nativeError);
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
  return null;
};

export const isDatabaseUnavailable = (error: unknown): boolean =>
  databaseUnavailableReason(error) !== null;

/** What clients read (German, like every message of the public API). */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'Der Dienst ist gerade vorübergehend nicht erreichbar. Bitte versuchen Sie es in wenigen Sekunden erneut.';

/** Seconds clients are asked to wait (Retry-After). */
export const DATABASE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
