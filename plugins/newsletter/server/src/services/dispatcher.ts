/**
 * Sending an issue: the dispatcher service. The protocol (states, transitions, leases, failure
 * model and the guarantee) is written down once, in `plugins/newsletter/SENDING.md`; this file
 * runs it:
 * - `start`/`pause`/`resume`/`cancel` move the issue by compare-and-set;
 * - a loop per issue prepares it (`dispatch/prepare`, `dispatch/personalise`), claims batches
 *   (`dispatch/deliveries`) and sends them (`dispatch/send-batch`) until no delivery is left,
 *   pausing the issue when SMTP stays unreachable or too many messages fail in a row;
 * - `stop` (Strapi's destroy, e.g. on SIGTERM) lets messages already handed to SMTP finish, writes
 *   them and gives the rest of this instance's claims back at once.
 *
 * `createDispatcher` takes a small injected interface (`store`, `mailer`) so tests can make the
 * database or SMTP fail at a chosen moment; production uses the defaults.
 */
import crypto from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import type { NewsletterConfig } from '../config';
import { createDeliveryStore, type DeliveryStore } from '../dispatch/deliveries';
import { createPersonalisation } from '../dispatch/personalise';
import { createPreparation } from '../dispatch/prepare';
import { sendBatch, type BatchMailer } from '../dispatch/send-batch';
import { errorMessage, sleep, type IssueRow } from '../dispatch/types';
import { createIssueMessages, type IssueMessages } from '../mail/issue-mime';
import { getService } from '../utils/get-service';
import { ISSUE } from './composer';

export type { ClaimedDelivery, IssueRow } from '../dispatch/types';

export const PAUSE_REASONS = {
  manual: 'Von einer Redakteurin oder einem Redakteur angehalten.',
  unreachable: (seconds: number, error: string) =>
    `Der Mailserver war ${Math.round(seconds / 60)} Minuten lang nicht erreichbar (${error}). Bitte prüfen Sie die SMTP-Einstellungen und setzen Sie den Versand fort.`,
  failures: (count: number, error: string) =>
    `${count} Nachrichten in Folge konnten nicht zugestellt werden (zuletzt: ${error}). Bitte prüfen Sie den Mailserver und setzen Sie den Versand fort.`,
};

/** Consecutive errors of the loop's own statements (claim, prepare) before it gives up; the
 * scheduler's tick starts it again. */
const MAX_LOOP_ERRORS = 20;

export interface DispatcherOptions {
  /** lease owner name; default host:pid:random */
  owner?: string;
  /** the bookkeeping statements (default: `createDeliveryStore`) */
  store?: DeliveryStore;
  /** where messages go (default: the plugin's mailer service) */
  mailer?: BatchMailer & { reset?: () => void };
}

export const createDispatcher = (strapi: Core.Strapi, options: DispatcherOptions = {}) => {
  const me =
    options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const config = () => strapi.config.get('plugin::newsletter') as NewsletterConfig;
  const settings = () => config().dispatch;
  const store =
    options.store ??
    createDeliveryStore(strapi, { owner: me, leaseSeconds: () => settings().leaseSeconds });
  const mailer = () => options.mailer ?? getService(strapi, 'mailer');
  const preparation = createPreparation(strapi);
  const { personaliseAudience } = createPersonalisation(strapi);
  const loops = new Map<number, Promise<void>>();
  let stopRequestedAt: number | null = null;
  const stopping = () => stopRequestedAt !== null;
  const outOfTime = () =>
    stopRequestedAt !== null && Date.now() - stopRequestedAt > settings().stopTimeoutSeconds * 1000;

  const issues = () => strapi.db.query(ISSUE);
  const loadIssue = async (id: number) =>
    (await issues().findOne({ where: { id } })) as IssueRow | null;

  /** Compare-and-set on the issue's status; true when this call made the change. */
  const transition = async (
    id: number,
    from: string[],
    to: string,
    data: Record<string, unknown> = {}
  ) => {
    const { count } = await issues().updateMany({
      where: { id, status: { $in: from } },
      data: { status: to, ...data },
    });
    return count === 1;
  };

  /** Freezes the rendering, fixes the audience and personalises it, if not done yet. Idempotent. */
  const prepare = async (issueId: number) => {
    let issue = await loadIssue(issueId);
    if (!issue) return null;
    if (!issue.rendering) {
      await preparation.freeze(issue);
      issue = await loadIssue(issueId);
    }
    if (issue && !issue.audienceAt) {
      await preparation.snapshotAudience(issueId);
      issue = await loadIssue(issueId);
    }
    if (issue && !issue.personalisedAt) {
      await personaliseAudience(issue);
      issue = await loadIssue(issueId);
    }
    return issue;
  };

  const concurrency = () =>
    settings().concurrency ?? 2 * (config().transport.smtp?.maxConnections ?? 2);

  /**
   * The issue's raw messages (`mail/issue-mime.ts`): encoded once per rendering and kept while
   * the loop runs (the issue row, and so its rendering object, is read again for every batch).
   */
  const messagesByIssue = new Map<number, { frozenAt: string; messages: IssueMessages }>();
  const issueMessages = (issue: IssueRow) => {
    const frozen = issue.rendering!;
    const cached = messagesByIssue.get(issue.id);
    if (cached && cached.frozenAt === frozen.frozenAt) return cached.messages;
    const messages = createIssueMessages({
      frozen,
      issueDocumentId: issue.documentId,
      sender: config().sender,
    });
    messagesByIssue.set(issue.id, { frozenAt: frozen.frozenAt, messages });
    return messages;
  };

  /** The message of one delivery: the frozen rendering cut to its topics, its own links. */
  const composer = (issue: IssueRow) => {
    const tokens = getService(strapi, 'tokens');
    const messages = issueMessages(issue);
    return (row: Parameters<Parameters<typeof sendBatch>[0]['compose']>[0]) =>
      messages.message({
        email: row.email,
        subscriberId: row.subscriberId,
        topics: row.topics,
        name: row.name,
        items: row.personalItems,
        ...tokens.manageUrls(
          { documentId: row.subscriberDocumentId, email: row.email },
          { issueId: issue.id }
        ),
      });
  };

  /** The issue is sent when no delivery is pending or leased. Its counters are not touched:
   * every outcome was counted in the transaction that wrote it. */
  const finishIfDone = async (issueId: number) => {
    if ((await store.counts(issueId)).pending > 0) return false;
    await transition(issueId, ['sending'], 'sent', { finishedAt: new Date() });
    return true;
  };

  /** Works one issue until it is sent, paused, cancelled, or this dispatcher stops. */
  const runLoop = async (issueId: number) => {
    let unreachableSince: number | null = null;
    let consecutiveFailures = 0;
    let backoffMs = 500;
    let loopErrors = 0;
    while (!stopping()) {
      let result;
      try {
        const issue = await prepare(issueId);
        if (!issue || issue.status !== 'sending' || !issue.rendering) return;
        const claimedAt = performance.now();
        const batch = await store.claim(issueId, settings().batchSize);
        loopErrors = 0;
        if (batch.length === 0) {
          if (await finishIfDone(issueId)) return;
          // Rows wait for a retry or are leased by another instance: look again shortly.
          await sleep(Math.min(1000, backoffMs));
          continue;
        }
        result = await sendBatch(
          {
            issue,
            store,
            mailer: mailer(),
            settings: { ...settings(), concurrency: concurrency() },
            compose: composer(issue),
            stopping,
            outOfTime,
            warn: (message) => strapi.log.warn(message),
          },
          batch,
          claimedAt
        );
        if (result.lastError) {
          await issues().updateMany({
            where: { id: issueId },
            data: { lastError: result.lastError },
          });
        }
      } catch (error) {
        // The database refused the loop's own statements: wait and try again.
        if (stopping()) return;
        loopErrors += 1;
        strapi.log.warn(
          `[newsletter] issue ${issueId}: ${errorMessage(error)} (attempt ${loopErrors} of ${MAX_LOOP_ERRORS})`
        );
        if (loopErrors >= MAX_LOOP_ERRORS) throw error;
        await sleep(Math.min(250 * 2 ** loopErrors, 15_000));
        continue;
      }

      if (result.sent > 0) {
        consecutiveFailures = 0;
        unreachableSince = null;
        backoffMs = 500;
      } else {
        consecutiveFailures += result.failed + result.retried + result.unreachable;
      }
      if (result.unreachable > 0 && result.sent === 0) {
        unreachableSince ??= Date.now();
        const seconds = (Date.now() - unreachableSince) / 1000;
        if (seconds >= settings().unreachablePauseSeconds) {
          await transition(issueId, ['sending'], 'paused', {
            pausedReason: PAUSE_REASONS.unreachable(seconds, result.lastError ?? ''),
          });
          return;
        }
        mailer().reset?.();
        await sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 15_000);
        continue;
      }
      if (consecutiveFailures >= settings().maxConsecutiveFailures) {
        await transition(issueId, ['sending'], 'paused', {
          pausedReason: PAUSE_REASONS.failures(consecutiveFailures, result.lastError ?? ''),
        });
        return;
      }
    }
  };

  const kick = (issueId: number): Promise<void> => {
    const running = loops.get(issueId);
    if (running) return running;
    const loop = runLoop(issueId)
      .catch(async (error: unknown) => {
        const message = errorMessage(error);
        strapi.log.error(`[newsletter] issue ${issueId}: ${message}`);
        await issues()
          .updateMany({ where: { id: issueId }, data: { lastError: message.slice(0, 2000) } })
          .catch(() => undefined);
        throw error;
      })
      .finally(() => {
        loops.delete(issueId);
        messagesByIssue.delete(issueId);
      });
    loops.set(issueId, loop);
    loop.catch(() => undefined);
    return loop;
  };

  return {
    owner: me,
    store,
    counts: (issueId: number) => store.counts(issueId),
    prepare,
    runLoop,
    kick,

    /** Send now: draft|scheduled → sending; the work starts in the background at once. */
    async start(issueId: number) {
      const started = await transition(issueId, ['draft', 'scheduled'], 'sending', {
        startedAt: new Date(),
        pausedReason: null,
        lastError: null,
      });
      if (started) void kick(issueId).catch(() => undefined);
      return started;
    },

    async pause(issueId: number, reason = PAUSE_REASONS.manual) {
      return transition(issueId, ['sending'], 'paused', { pausedReason: reason });
    },

    async resume(issueId: number) {
      const resumed = await transition(issueId, ['paused'], 'sending', { pausedReason: null });
      if (resumed) void kick(issueId).catch(() => undefined);
      return resumed;
    },

    async cancel(issueId: number) {
      return transition(issueId, ['draft', 'scheduled', 'paused', 'sending'], 'cancelled', {
        finishedAt: new Date(),
      });
    },

    /** Starts scheduled issues whose time has come. */
    async startDue(now = new Date()) {
      if (stopping()) return 0;
      const due = (await issues().findMany({
        where: { status: 'scheduled', scheduledAt: { $lte: now } },
        select: ['id'],
      })) as { id: number }[];
      for (const { id } of due) await this.start(id);
      return due.length;
    },

    /** Picks up every issue in "sending" (after a restart, or to help another instance). */
    async resumeAll() {
      if (stopping()) return 0;
      const sending = (await issues().findMany({
        where: { status: 'sending' },
        select: ['id'],
      })) as { id: number }[];
      for (const { id } of sending) void kick(id).catch(() => undefined);
      return sending.length;
    },

    /** Waits for the running loops (e.g. in tests). */
    async idle() {
      await Promise.allSettled([...loops.values()]);
    },

    /**
     * Graceful stop: no new message starts; messages already with the SMTP server finish and are
     * written; the rest of this instance's claims go back to pending. Waits for that at most
     * `stopTimeoutSeconds` (writes that still fail then are given up: those rows wait for their
     * lease to expire, like a crashed instance's).
     */
    async stop() {
      stopRequestedAt ??= Date.now();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...loops.values()]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, settings().stopTimeoutSeconds * 1000 + 1000);
        }),
      ]);
      clearTimeout(timer);
    },
  };
};

export type Dispatcher = ReturnType<typeof createDispatcher>;

export default ({ strapi }: { strapi: Core.Strapi }) => createDispatcher(strapi);
