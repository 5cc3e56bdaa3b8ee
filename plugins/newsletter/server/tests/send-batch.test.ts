/**
 * The batch sender's failure paths with an in-memory store (the SQL itself is tested on SQLite
 * and PostgreSQL in tests/integration/specs/newsletter-durability.spec.ts).
 */
import type { DeliveryStore, FailedDelivery, RetriedDelivery } from '../src/dispatch/deliveries';
import { sendBatch, TAKEOVER_REASON, type BatchContext } from '../src/dispatch/send-batch';
import type { ClaimedDelivery } from '../src/dispatch/types';
import type { OutgoingMail } from '../src/mail/transport';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Row = { status: string; owner: string | null; attempts: number; error?: string };

/** A store with the real one's rules: writes only change rows this owner still holds. */
const memoryStore = (ids: number[], owner = 'me') => {
  const rows = new Map<number, Row>(
    ids.map((id) => [id, { status: 'sending', owner, attempts: 1 }])
  );
  const counters = { sent: 0, failed: 0, skipped: 0 };
  const faults: Partial<Record<keyof DeliveryStore, number>> = {};
  const calls: string[] = [];
  const maybeFail = (name: keyof DeliveryStore) => {
    calls.push(name);
    if ((faults[name] ?? 0) > 0) {
      faults[name]! -= 1;
      throw new Error(`${name}: connection terminated`);
    }
  };
  const held = (id: number) => rows.get(id)?.owner === owner && rows.get(id)?.status === 'sending';
  const settle = (list: number[], status: string, counter?: keyof typeof counters) => {
    let written = 0;
    for (const id of list) {
      if (!held(id)) continue;
      rows.set(id, { ...rows.get(id)!, status, owner: null });
      written += 1;
    }
    if (counter) counters[counter] += written;
    return written;
  };
  const store: DeliveryStore = {
    owner,
    claim: async () => [],
    async renew(list) {
      maybeFail('renew');
      return list.filter(held).length;
    },
    async markSent(_issue, list) {
      maybeFail('markSent');
      return settle(list, 'sent', 'sent');
    },
    async markSkipped(_issue, list) {
      maybeFail('markSkipped');
      return settle(list, 'skipped', 'skipped');
    },
    async markFailed(_issue, failed: FailedDelivery[]) {
      maybeFail('markFailed');
      for (const { row, message } of failed) {
        if (held(row.id)) rows.set(row.id, { ...rows.get(row.id)!, error: message });
      }
      return settle(
        failed.map((entry) => entry.row.id),
        'failed',
        'failed'
      );
    },
    async retryLater(retried: RetriedDelivery[]) {
      maybeFail('retryLater');
      let written = 0;
      for (const { row, countsAsAttempt } of retried) {
        if (!held(row.id)) continue;
        const current = rows.get(row.id)!;
        rows.set(row.id, {
          status: 'pending',
          owner: null,
          attempts: current.attempts - (countsAsAttempt ? 0 : 1),
        });
        written += 1;
      }
      return written;
    },
    async release(list) {
      maybeFail('release');
      let written = 0;
      for (const id of list) {
        if (!held(id)) continue;
        rows.set(id, { status: 'pending', owner: null, attempts: rows.get(id)!.attempts - 1 });
        written += 1;
      }
      return written;
    },
    counts: async () => ({ recipients: 0, pending: 0, sent: 0, failed: 0, skipped: 0 }),
  };
  const byStatus = () => {
    const result: Record<string, number> = {};
    for (const row of rows.values()) result[row.status] = (result[row.status] ?? 0) + 1;
    return result;
  };
  return { store, rows, counters, faults, calls, byStatus };
};

const claimed = (count: number, extra: Partial<ClaimedDelivery> = {}): ClaimedDelivery[] =>
  Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    subscriberId: 100 + i,
    subscriberDocumentId: `doc${i}`,
    email: `r${i}@example.org`,
    name: null,
    topics: ['offers'],
    attempts: 1,
    takeovers: 0,
    personalItems: null,
    ...extra,
  }));

/** An SMTP stand-in: accepts after `delayMs`, or fails with `fail(to)`. */
const fakeMailer = ({
  delayMs = 2,
  fail,
  onSend,
}: {
  delayMs?: number;
  fail?: (to: string) => Error | null;
  onSend?: (to: string) => void;
} = {}) => {
  const accepted: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  return {
    accepted,
    maxInFlight: () => maxInFlight,
    mailer: {
      async send(mail: OutgoingMail) {
        onSend?.(mail.to);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(delayMs);
        inFlight -= 1;
        const error = fail?.(mail.to);
        if (error) throw error;
        accepted.push(mail.to);
        return {};
      },
    },
  };
};

const context = (
  store: DeliveryStore,
  mailer: BatchContext['mailer'],
  overrides: Omit<Partial<BatchContext>, 'settings'> & {
    settings?: Partial<BatchContext['settings']>;
  } = {}
): BatchContext => ({
  issue: { id: 1, documentId: 'issue1' },
  store,
  mailer,
  compose: (row) => ({ to: row.email, subject: 'S', html: '<p>x</p>', text: 'x' }),
  stopping: () => false,
  outOfTime: () => false,
  warn: () => undefined,
  ...overrides,
  settings: {
    flushSize: 5,
    flushIntervalMs: 20,
    leaseSeconds: 3,
    maxAttempts: 5,
    retryBaseSeconds: 60,
    maxTakeovers: 3,
    concurrency: 3,
    ...overrides.settings,
  },
});

describe('sendBatch', () => {
  test('sends every row once with at most `concurrency` in flight, and writes them all', async () => {
    const batch = claimed(40);
    const memory = memoryStore(batch.map((row) => row.id));
    const smtp = fakeMailer();
    const result = await sendBatch(context(memory.store, smtp.mailer), batch, performance.now());
    expect(result).toMatchObject({
      sent: 40,
      failed: 0,
      skipped: 0,
      released: 0,
      leaseLost: false,
    });
    expect(new Set(smtp.accepted).size).toBe(40);
    expect(smtp.accepted).toHaveLength(40);
    expect(smtp.maxInFlight()).toBe(3);
    expect(memory.byStatus()).toEqual({ sent: 40 });
    expect(memory.counters.sent).toBe(40);
  });

  test('a "sent" write that fails keeps its ids and writes them on the next try', async () => {
    const batch = claimed(23);
    const memory = memoryStore(batch.map((row) => row.id));
    memory.faults.markSent = 2;
    const warnings: string[] = [];
    const result = await sendBatch(
      context(memory.store, fakeMailer().mailer, { warn: (message) => warnings.push(message) }),
      batch,
      performance.now()
    );
    expect(result.sent).toBe(23);
    expect(memory.byStatus()).toEqual({ sent: 23 });
    expect(memory.counters.sent).toBe(23);
    expect(warnings.filter((w) => w.includes('writing "sent" failed'))).toHaveLength(2);
  });

  test('"failed", "skipped" and retry writes that fail are retried until written', async () => {
    const batch = claimed(6);
    const memory = memoryStore(batch.map((row) => row.id));
    Object.assign(memory.faults, { markFailed: 1, markSkipped: 1, retryLater: 1 });
    const smtp = fakeMailer({
      fail: (to) =>
        to === 'r1@example.org'
          ? Object.assign(new Error('550 5.1.1 unknown'), { responseCode: 550 })
          : to === 'r2@example.org'
            ? Object.assign(new Error('451 try later'), { responseCode: 451 })
            : null,
    });
    const result = await sendBatch(
      context(memory.store, smtp.mailer, {
        compose: (row) =>
          row.id === 6 ? null : { to: row.email, subject: 'S', html: 'x', text: 'x' },
      }),
      batch,
      performance.now()
    );
    expect(result).toMatchObject({ sent: 3, failed: 1, skipped: 1, retried: 1 });
    expect(memory.byStatus()).toEqual({ sent: 3, failed: 1, skipped: 1, pending: 1 });
    expect(memory.counters).toEqual({ sent: 3, failed: 1, skipped: 1 });
  });

  test('a renewal that fails stops the batch: no new message, in-flight ones written, the rest released', async () => {
    const batch = claimed(60);
    const memory = memoryStore(batch.map((row) => row.id));
    let sendsAfterFailure = 0;
    let failedAt: number | null = null;
    const smtp = fakeMailer({
      delayMs: 10,
      onSend: () => {
        if (failedAt !== null) sendsAfterFailure += 1;
      },
    });
    const store = {
      ...memory.store,
      async renew(ids: number[]) {
        failedAt ??= Date.now();
        throw new Error(`renew of ${ids.length}: connection terminated`);
      },
    };
    const result = await sendBatch(
      context(store, smtp.mailer, { settings: { leaseSeconds: 0.15, concurrency: 2 } }),
      batch,
      performance.now()
    );
    expect(result.leaseLost).toBe(true);
    expect(failedAt).not.toBeNull();
    // the two messages in flight when the renewal failed may finish; nothing new starts
    expect(sendsAfterFailure).toBe(0);
    expect(result.sent).toBe(smtp.accepted.length);
    expect(result.released).toBe(60 - smtp.accepted.length);
    expect(memory.byStatus()).toEqual({ sent: result.sent, pending: result.released });
  });

  test('rows found taken over on renewal stop the batch', async () => {
    const batch = claimed(60);
    const memory = memoryStore(batch.map((row) => row.id));
    const smtp = fakeMailer({ delayMs: 10 });
    const store = {
      ...memory.store,
      async renew(ids: number[]) {
        // another instance took row 60 (our lease had expired)
        memory.rows.set(60, { status: 'sending', owner: 'other', attempts: 2 });
        return memory.store.renew(ids);
      },
    };
    const result = await sendBatch(
      context(store, smtp.mailer, { settings: { leaseSeconds: 0.15, concurrency: 2 } }),
      batch,
      performance.now()
    );
    expect(result.leaseLost).toBe(true);
    expect(smtp.accepted).not.toContain('r59@example.org');
    expect(memory.rows.get(60)).toMatchObject({ owner: 'other', status: 'sending' });
    expect(result.sent + result.released).toBe(59);
  });

  test('no message starts once the lease may have expired (the clock says so, whatever the timers did)', async () => {
    const batch = claimed(10);
    const memory = memoryStore(batch.map((row) => row.id));
    let now = 0;
    const smtp = fakeMailer({
      onSend: () => {
        now += 1_000; // each message "takes" a second of a 3 s lease
      },
    });
    const result = await sendBatch(
      context(memory.store, smtp.mailer, {
        clock: () => now,
        settings: { leaseSeconds: 3, concurrency: 1 },
      }),
      batch,
      0
    );
    // started at 0 s and 1 s; at 2 s two thirds of the lease are gone
    expect(smtp.accepted).toHaveLength(2);
    expect(result.released).toBe(8);
  });

  test('stopping: messages in flight finish and are written, the rest goes back at once', async () => {
    const batch = claimed(50);
    const memory = memoryStore(batch.map((row) => row.id));
    let stop = false;
    const smtp = fakeMailer({
      delayMs: 5,
      onSend: () => {
        if (smtp.accepted.length >= 10) stop = true;
      },
    });
    const result = await sendBatch(
      context(memory.store, smtp.mailer, { stopping: () => stop }),
      batch,
      performance.now()
    );
    expect(result.sent).toBe(smtp.accepted.length);
    expect(result.sent).toBeLessThanOrEqual(10 + 3);
    expect(result.released).toBe(50 - result.sent);
    expect(memory.byStatus()).toEqual({ sent: result.sent, pending: result.released });
    // released rows get their attempt back
    expect([...memory.rows.values()].filter((row) => row.status === 'pending')[0].attempts).toBe(0);
  });

  test('stopping and out of time: writes that keep failing are given up (the rows keep their lease)', async () => {
    const batch = claimed(4);
    const memory = memoryStore(batch.map((row) => row.id));
    memory.faults.markSent = 1_000;
    let stop = false;
    const smtp = fakeMailer({
      onSend: () => {
        stop = true;
      },
    });
    const result = await sendBatch(
      context(memory.store, smtp.mailer, { stopping: () => stop, outOfTime: () => stop }),
      batch,
      performance.now()
    );
    expect(result.sent).toBe(0);
    expect(smtp.accepted.length).toBeGreaterThan(0);
    expect(memory.byStatus().sending).toBe(smtp.accepted.length);
  });

  test('SMTP unreachable: the batch stops after the first failures, nothing uses up an attempt', async () => {
    const batch = claimed(30);
    const memory = memoryStore(batch.map((row) => row.id));
    const smtp = fakeMailer({
      fail: () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }),
    });
    const result = await sendBatch(context(memory.store, smtp.mailer), batch, performance.now());
    expect(result.unreachable).toBe(3);
    expect(result.released).toBe(27);
    expect(memory.byStatus()).toEqual({ pending: 30 });
    expect([...memory.rows.values()].every((row) => row.attempts === 0)).toBe(true);
  });

  test('a row taken over more than maxTakeovers times ends failed with the reason, unsent', async () => {
    const batch = [
      ...claimed(3),
      ...claimed(1, { id: 4, email: 'doomed@example.org', takeovers: 4 }),
    ];
    const memory = memoryStore(batch.map((row) => row.id));
    const smtp = fakeMailer();
    const result = await sendBatch(context(memory.store, smtp.mailer), batch, performance.now());
    expect(result).toMatchObject({ sent: 3, failed: 1 });
    expect(smtp.accepted).not.toContain('doomed@example.org');
    expect(memory.rows.get(4)).toMatchObject({ status: 'failed', error: TAKEOVER_REASON(4) });
  });
});
