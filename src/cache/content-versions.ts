/**
 * When content last changed, per model, for the public read cache (`middlewares/read-cache.ts`).
 *
 * A logical clock counts changes. Each change of a model sets that model's mark to a new tick;
 * a cached answer remembers the tick at which its read began and is valid while no model it
 * depends on has a later mark. A write that commits while a read is running therefore always
 * invalidates that read's answer, whichever of the two states the read saw.
 *
 * Changes are seen through the query engine's lifecycles (`after*` of create, update, delete and
 * their `Many` forms), which every Document Service, admin and plugin write passes: publish and
 * unpublish are deletes and creates of the published row. A change inside a transaction marks
 * the model at once and again when the transaction commits, so a read that began between the
 * write and the commit (and saw the old rows) cannot be stored as current. Writes that bypass
 * the query engine (raw knex on content tables) are not seen.
 *
 * Several instances (PostgreSQL): every committed change is also sent with `pg_notify` on one
 * channel, and each instance listens on a connection of its own (`LISTEN`) and marks the models
 * named. While that connection is down, `available()` is false and the cache is bypassed; when it
 * is back, every model is marked (notifications sent meanwhile are lost). A notification arrives
 * within milliseconds of the commit.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

const CHANNEL = 'strapi_read_cache';
const ACTIONS = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;
const RECONNECT_MS = [500, 1000, 2000, 5000];

interface PgClient {
  query(sql: string): Promise<unknown>;
  on(
    event: 'notification',
    listener: (message: { channel: string; payload?: string }) => void
  ): void;
  on(event: 'error' | 'end', listener: (error?: Error) => void): void;
  removeAllListeners(): void;
  end(): Promise<void>;
}

export interface ContentVersions {
  /** the clock now: what a read remembers when it begins */
  tick(): number;
  /** true when no model in `models` changed after `tick` */
  unchangedSince(models: readonly string[], tick: number): boolean;
  /** false while changes of other instances might be missed (listener down) */
  available(): boolean;
  /** marks models as changed here (and, on PostgreSQL, on the other instances) */
  changed(models: Iterable<string>): void;
  stop(): Promise<void>;
}

interface Options {
  /** models whose changes matter (the union of the cached answers' dependencies) */
  models: readonly string[];
}

export const createContentVersions = (
  strapi: Core.Strapi,
  { models }: Options
): ContentVersions => {
  const instance = crypto.randomBytes(6).toString('base64url');
  const postgres = strapi.db.dialect.client === 'postgres';
  let clock = 0;
  let everythingAt = 0;
  const marks = new Map<string, number>();
  const markLocal = (uids: Iterable<string>) => {
    clock += 1;
    for (const uid of uids) marks.set(uid, clock);
  };
  const markAll = () => {
    clock += 1;
    everythingAt = clock;
  };

  // Committed changes are sent to the other instances in one notification per tick of the
  // event loop.
  let outgoing: Set<string> | null = null;
  const publish = (uid: string) => {
    if (!postgres) return;
    if (!outgoing) {
      outgoing = new Set();
      setImmediate(() => {
        const payload = JSON.stringify({ from: instance, models: [...outgoing!] });
        outgoing = null;
        strapi.db.connection
          .raw('select pg_notify(?, ?)', [CHANNEL, payload])
          .catch((error: Error) =>
            strapi.log.warn(`read cache: could not notify other instances: ${error.message}`)
          );
      });
    }
    outgoing.add(uid);
  };

  const onCommitted = (uid: string) => {
    markLocal([uid]);
    publish(uid);
  };

  const record = async (event: { model: { uid: string } }) => {
    const { uid } = event.model;
    markLocal([uid]);
    if (strapi.db.inTransaction()) {
      // joins the running transaction (no new one) to be called after its commit or rollback
      await strapi.db.transaction(async ({ onCommit, onRollback }) => {
        onCommit(() => onCommitted(uid));
        onRollback(() => markLocal([uid]));
      });
    } else {
      onCommitted(uid);
    }
  };
  const unsubscribe = strapi.db.lifecycles.subscribe({
    models: [...models],
    ...Object.fromEntries(ACTIONS.map((action) => [action, record])),
  });

  // PostgreSQL: the listening connection
  let client: PgClient | null = null;
  let listening = !postgres;
  let stopped = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  const knexClient = strapi.db.connection.client as unknown as {
    acquireRawConnection(): Promise<PgClient>;
  };

  const close = (connection: PgClient | null) => {
    if (!connection) return Promise.resolve();
    connection.removeAllListeners();
    connection.on('error', () => undefined); // a late socket error must not be unhandled
    return connection.end().catch(() => undefined);
  };

  const lost = (error?: Error) => {
    if (!listening && client === null) return;
    listening = false;
    void close(client);
    client = null;
    if (stopped) return;
    strapi.log.warn(
      `read cache: lost the change notifications (${error?.message ?? 'connection ended'}); bypassed until they are back`
    );
    schedule();
  };

  const connect = async () => {
    retryTimer = null;
    if (stopped) return;
    let connection: PgClient | null = null;
    try {
      connection = await knexClient.acquireRawConnection();
      connection.on('error', (error) => lost(error));
      connection.on('end', () => lost());
      connection.on('notification', (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        try {
          const { from, models: changed } = JSON.parse(message.payload) as {
            from: string;
            models: string[];
          };
          if (from !== instance) markLocal(changed);
        } catch {
          markAll();
        }
      });
      await connection.query(`LISTEN ${CHANNEL}`);
      if (stopped) {
        await close(connection);
        return;
      }
      client = connection;
      // whatever changed while nobody listened is unknown: everything counts as changed
      markAll();
      listening = true;
      if (attempt > 0) strapi.log.info('read cache: change notifications are back');
      attempt = 0;
    } catch (error) {
      void close(connection);
      if (attempt === 0) {
        strapi.log.warn(
          `read cache: cannot listen for changes (${(error as Error).message}); bypassed until it can`
        );
      }
      schedule();
    }
  };

  const schedule = () => {
    if (stopped || retryTimer) return;
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
    attempt += 1;
    retryTimer = setTimeout(() => void connect(), delay);
    retryTimer.unref();
  };

  if (postgres) void connect();

  return {
    tick: () => clock,
    unchangedSince(dependencies, tick) {
      if (everythingAt > tick) return false;
      for (const uid of dependencies) {
        if ((marks.get(uid) ?? 0) > tick) return false;
      }
      return true;
    },
    available: () => listening,
    changed(uids) {
      const list = [...uids];
      markLocal(list);
      for (const uid of list) publish(uid);
    },
    async stop() {
      stopped = true;
      unsubscribe();
      if (retryTimer) clearTimeout(retryTimer);
      const old = client;
      client = null;
      listening = false;
      await close(old);
    },
  };
};
