/**
 * Sending one claimed batch (SENDING.md, "Sending a batch"). Free of Strapi: it works through a
 * `DeliveryStore` (the bookkeeping SQL) and a mailer, so its failure paths are unit-tested with
 * fakes and integration-tested on SQLite and PostgreSQL.
 *
 * - At most `concurrency` messages are with the SMTP server at a time; a new one starts only
 *   while the lease is safe: renewed within the last two thirds of its period (measured on a
 *   monotonic clock from the moment the renewing statement was sent) and never refused.
 * - Accepted messages are written "sent" every `flushSize` messages or `flushIntervalMs`. A write
 *   that fails keeps its ids and is tried again; until it succeeds the rows stay leased, and the
 *   lease keeps being renewed.
 * - A renewal that fails, or that finds rows taken over, stops the batch at once: no new SMTP
 *   transaction; messages already handed over finish and are written.
 * - On stop (or a lost lease, or an unreachable server) the rows not yet started go back to
 *   pending at once, so another instance continues without waiting for the lease to expire.
 */
import { retryDelayMs } from '../lib/backoff';
import { classifySmtpError } from '../lib/smtp-errors';
import type { OutgoingMail } from '../mail/transport';
import type { DeliveryStore, FailedDelivery, RetriedDelivery } from './deliveries';
import { errorMessage, sleep, type ClaimedDelivery } from './types';

export interface BatchSettings {
  flushSize: number;
  flushIntervalMs: number;
  leaseSeconds: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  /** a row taken over more often than this ends failed instead of being sent again */
  maxTakeovers: number;
  /** messages with the SMTP server at a time */
  concurrency: number;
}

export interface BatchMailer {
  send(mail: OutgoingMail): Promise<unknown>;
}

export interface BatchContext {
  issue: { id: number; documentId: string };
  store: DeliveryStore;
  mailer: BatchMailer;
  settings: BatchSettings;
  /** the message for one recipient (issue mails: raw, `mail/issue-mime.ts`); null: none of its
   * topics has an item (skipped) */
  compose: (row: ClaimedDelivery) => OutgoingMail | null;
  /** true once the dispatcher is asked to stop (graceful shutdown) */
  stopping: () => boolean;
  /** while stopping: true when the time to finish writes is up (they are given up then) */
  outOfTime: () => boolean;
  warn: (message: string) => void;
  /** monotonic milliseconds (performance.now) */
  clock?: () => number;
}

export interface BatchResult {
  /** rows written sent / failed / skipped by this batch */
  sent: number;
  failed: number;
  skipped: number;
  /** 4xx: back to pending with a delay */
  retried: number;
  /** no SMTP answer: back to pending, the attempt returned */
  unreachable: number;
  /** not started (stop, lost lease, unreachable server): back to pending at once */
  released: number;
  /** the renewal failed or found rows taken over */
  leaseLost: boolean;
  lastError: string | null;
}

export const TAKEOVER_REASON = (takeovers: number) =>
  `Nicht mehr versucht: Diese Zustellung wurde ${takeovers}-mal von einer anderen Instanz übernommen, weil die sendende Instanz ausgefallen ist. Bitte prüfen Sie die Server-Protokolle.`;

/** Runs `fn` after everything queued before it: the batch's writes never overlap. */
const serialiser = () => {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.then(
      () => undefined,
      () => undefined
    );
    return run;
  };
};

export const sendBatch = async (
  context: BatchContext,
  claimed: ClaimedDelivery[],
  /** monotonic time just before the claiming statement was sent */
  claimedAt: number
): Promise<BatchResult> => {
  const { issue, store, mailer, settings, warn } = context;
  const clock = context.clock ?? (() => performance.now());
  const leaseMs = settings.leaseSeconds * 1000;
  const result: BatchResult = {
    sent: 0,
    failed: 0,
    skipped: 0,
    retried: 0,
    unreachable: 0,
    released: 0,
    leaseLost: false,
    lastError: null,
  };
  const serial = serialiser();
  /** rows this batch still holds in the database (not yet written or released) */
  const held = new Set(claimed.map((row) => row.id));
  let leaseConfirmedAt = claimedAt;
  let unreachable = false;
  const leaseSafe = () => !result.leaseLost && clock() - leaseConfirmedAt < (leaseMs * 2) / 3;

  const writeError = (what: string, error: unknown) =>
    warn(`[newsletter] issue ${issue.id}: ${what} failed, will retry: ${errorMessage(error)}`);

  /** Retries a write until it succeeds; gives up only when stopping and out of time. */
  const persist = async <T>(what: string, write: () => Promise<T>): Promise<T | null> => {
    let delay = 100;
    for (;;) {
      try {
        return await serial(write);
      } catch (error) {
        writeError(what, error);
        if (context.stopping() && context.outOfTime()) return null;
        await sleep(delay);
        delay = Math.min(delay * 2, 5_000);
      }
    }
  };

  // A recipient taken over too often (its senders kept dying) is not tried again.
  const doomed = claimed.filter((row) => row.takeovers > settings.maxTakeovers);
  const queue = claimed.filter((row) => row.takeovers <= settings.maxTakeovers);
  const accepted: number[] = [];
  const skipped: number[] = [];
  const failures: { row: ClaimedDelivery; error: unknown }[] = [];

  /** Writes the accepted ids "sent"; on failure they stay for the next try. Not serialised:
   * call it through `serial` (or `persist`). */
  const writeSent = async () => {
    const ids = accepted.slice();
    if (ids.length === 0) return;
    result.sent += await store.markSent(issue.id, ids);
    accepted.splice(0, ids.length);
    for (const id of ids) held.delete(id);
  };
  const flush = () =>
    serial(writeSent).catch((error: unknown) => writeError('writing "sent"', error));

  const renew = () =>
    serial(async () => {
      const ids = [...held];
      if (ids.length === 0) return;
      const sentAt = clock();
      const still = await store.renew(ids);
      if (still < ids.length) {
        result.leaseLost = true;
        warn(
          `[newsletter] issue ${issue.id}: ${ids.length - still} of ${ids.length} deliveries were taken over by another instance; this batch stops`
        );
      } else {
        leaseConfirmedAt = sentAt;
      }
    }).catch((error: unknown) => {
      result.leaseLost = true;
      warn(
        `[newsletter] issue ${issue.id}: the lease could not be renewed, this batch stops sending: ${errorMessage(error)}`
      );
    });

  const flushTimer = setInterval(() => void flush(), settings.flushIntervalMs);
  const renewTimer = setInterval(() => void renew(), leaseMs / 3);
  flushTimer.unref?.();
  renewTimer.unref?.();

  try {
    const worker = async () => {
      for (;;) {
        if (context.stopping() || unreachable || !leaseSafe()) return;
        const row = queue.shift();
        if (!row) return;
        const mail = context.compose(row);
        if (!mail) {
          skipped.push(row.id);
          continue;
        }
        try {
          await mailer.send({ ...mail, returnPath: { kind: 'delivery', id: row.id } });
        } catch (error) {
          failures.push({ row, error });
          if (classifySmtpError(error).outcome === 'unreachable') unreachable = true;
          continue;
        }
        accepted.push(row.id);
        if (accepted.length >= settings.flushSize) await flush();
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(settings.concurrency, claimed.length)) }, worker)
    );
    clearInterval(flushTimer);

    // Everything handed to SMTP is written before anything else happens.
    while (accepted.length > 0) {
      if ((await persist('writing "sent"', writeSent)) === null) break;
    }

    if (doomed.length > 0) {
      const written = await persist('writing given-up deliveries', () =>
        store.markFailed(
          issue,
          doomed.map((row) => ({
            row,
            smtpCode: null,
            message: TAKEOVER_REASON(row.takeovers),
            bounce: false,
          }))
        )
      );
      result.failed += written ?? 0;
      for (const row of doomed) held.delete(row.id);
    }

    if (skipped.length > 0) {
      result.skipped =
        (await persist('writing "skipped"', () => store.markSkipped(issue.id, skipped))) ?? 0;
      for (const id of skipped) held.delete(id);
    }

    const failed: FailedDelivery[] = [];
    const retried: RetriedDelivery[] = [];
    for (const { row, error } of failures) {
      const { outcome, code } = classifySmtpError(error);
      const message = errorMessage(error).slice(0, 1000);
      result.lastError = message;
      if (outcome === 'unreachable') {
        // Not the recipient's fault: back to pending without using up an attempt.
        result.unreachable += 1;
        retried.push({ row, delayMs: 0, smtpCode: null, message, countsAsAttempt: false });
      } else if (outcome === 'retry' && row.attempts < settings.maxAttempts) {
        result.retried += 1;
        retried.push({
          row,
          delayMs: retryDelayMs(row.attempts, { baseMs: settings.retryBaseSeconds * 1000 }),
          smtpCode: code,
          message,
          countsAsAttempt: true,
        });
      } else {
        failed.push({ row, smtpCode: code, message, bounce: outcome === 'bounce' });
      }
    }
    if (failed.length > 0) {
      result.failed +=
        (await persist('writing "failed"', () => store.markFailed(issue, failed))) ?? 0;
    }
    if (retried.length > 0) {
      await persist('writing retries', () => store.retryLater(retried));
    }
    for (const { row } of failures) held.delete(row.id);

    // Not started: give them back now rather than when the lease expires.
    const leftovers = queue.splice(0).map((row) => row.id);
    if (leftovers.length > 0) {
      result.released =
        (await persist('releasing deliveries', () => store.release(leftovers))) ?? 0;
      for (const id of leftovers) held.delete(id);
    }
  } finally {
    clearInterval(flushTimer);
    clearInterval(renewTimer);
  }
  return result;
};
