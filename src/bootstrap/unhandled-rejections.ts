/**
 * Strapi runs some work after a commit without awaiting it: the Document Service's entry events
 * re-read the entry in an `onCommit` callback whose promise nobody handles. When the database goes
 * away at that moment (found by the fault suite, tests/faults, scenario db-outage), the rejection
 * is unhandled and Node's default ends the whole process. A rejection that only says "the database
 * is unavailable" is logged and the server keeps running (requests meanwhile answer 503, see
 * src/middlewares/db-unavailable.ts); every other unhandled rejection keeps Node's default: it is
 * thrown again and ends the process.
 */
import type { EventEmitter } from 'events';
import { databaseUnavailableReason } from '../lib/db-errors';

interface Log {
  warn(message: string): void;
}

const guarded = new WeakSet<EventEmitter>();

export const guardDatabaseRejections = (
  log: Log,
  target: EventEmitter = process as unknown as EventEmitter
) => {
  if (guarded.has(target)) return;
  guarded.add(target);
  target.on('unhandledRejection', (reason: unknown) => {
    const unavailable = databaseUnavailableReason(reason);
    if (!unavailable) throw reason;
    const message = reason instanceof Error ? reason.message : String(reason);
    log.warn(
      `[db-unavailable] background work failed (${unavailable}), server keeps running: ${message.slice(0, 300)}`
    );
  });
};
