/**
 * Throw-away databases for the fault suite, and the parent's own access to them:
 * - SQLite: a file in a new temporary folder;
 * - PostgreSQL (when DATABASE_URL is set): a new database on that server, dropped afterwards
 *   (like tests/helpers/strapi.ts; the role needs CREATEDB, and SUPERUSER to terminate sessions).
 * `unavailable()` / `available()` take the database away from the Strapi processes and give it
 * back: PostgreSQL `ALTER DATABASE … ALLOW_CONNECTIONS false` plus `pg_terminate_backend` of every
 * session on it; SQLite an exclusive lock (`BEGIN EXCLUSIVE`) held by this process, so the
 * server's statements wait out their busy timeout and fail with SQLITE_BUSY. `interrupt()` makes
 * the servers' statements fail for a moment: PostgreSQL terminates their sessions again and again
 * for 1.5 s; SQLite holds the write lock that long.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const knexFactory = require('knex');

const PARENT_APPLICATION = 'fault-suite';

const createDatabase = async (label) => {
  const id = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const baseUrl = process.env.DATABASE_URL;
  let knex = null;

  if (baseUrl) {
    const { Client } = require('pg');
    const name = `cms_faults_${id}`;
    const onServer = async (sql) => {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await onServer(`CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const connect = () =>
      knexFactory({
        client: 'pg',
        // named, so interrupt() can spare this process's own sessions
        connection: { connectionString: url.toString(), application_name: PARENT_APPLICATION },
        pool: { min: 0, max: 4, idleTimeoutMillis: 1000 },
      });
    return {
      kind: 'postgres',
      name,
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      knex() {
        knex ??= connect();
        return knex;
      },
      async reconnect() {
        if (knex) await knex.destroy().catch(() => undefined);
        knex = null;
      },
      async unavailable() {
        await onServer(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        const result = await onServer(
          `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`
        );
        return { terminatedSessions: Number(result.rows[0].n) };
      },
      async available() {
        await onServer(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      },
      /** For `holdMs`, terminates the servers' sessions (not this process's) every 25 ms: the
       * statements in flight fail, the pools reconnect and are cut off again. */
      async interrupt({ holdMs = 1500 } = {}) {
        const { Client } = require('pg');
        const client = new Client({ connectionString: baseUrl });
        await client.connect();
        let terminated = 0;
        try {
          const until = Date.now() + holdMs;
          while (Date.now() < until) {
            const result = await client.query(
              `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = '${name}' AND application_name <> '${PARENT_APPLICATION}' AND pid <> pg_backend_pid()`
            );
            terminated += Number(result.rows[0].n);
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        } finally {
          await client.end();
        }
        return { terminatedSessions: terminated };
      },
      async drop() {
        if (knex) await knex.destroy().catch(() => undefined);
        await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cms-faults-${label}-`));
  const filename = path.join(dir, 'faults.db');
  let lock = null;
  const connect = () =>
    knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      pool: {
        afterCreate: (connection, done) => {
          connection.pragma('busy_timeout = 10000');
          done(null, connection);
        },
      },
    });
  return {
    kind: 'sqlite',
    name: filename,
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
    knex() {
      knex ??= connect();
      return knex;
    },
    async reconnect() {
      if (knex) await knex.destroy().catch(() => undefined);
      knex = null;
    },
    async unavailable() {
      // Our own pooled connection must not hold a lock meanwhile.
      await this.reconnect();
      const Database = require('better-sqlite3');
      lock = new Database(filename, { timeout: 10000 });
      lock.exec('BEGIN EXCLUSIVE');
      return { exclusiveLock: true };
    },
    async available() {
      if (!lock) return;
      lock.exec('COMMIT');
      lock.close();
      lock = null;
    },
    /** Holds the write lock for `holdMs` (readers go on): the servers' writes wait out their
     * busy timeout and fail with SQLITE_BUSY. */
    async interrupt({ holdMs = 1500 } = {}) {
      const Database = require('better-sqlite3');
      const writer = new Database(filename, { timeout: 10000 });
      writer.exec('BEGIN IMMEDIATE');
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      writer.exec('COMMIT');
      writer.close();
      return { writeLockMs: holdMs };
    },
    async drop() {
      if (lock) await this.available();
      if (knex) await knex.destroy().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Table names of the newsletter plugin (collectionName in its schemas). */
const TABLES = {
  subscribers: 'newsletter_subscribers',
  deliveries: 'newsletter_deliveries',
  issues: 'newsletter_issues',
  outbox: 'newsletter_outbox',
  submissions: 'employer_check_submissions',
};

/** Bulk-inserts `count` active subscribers with all topics: `<prefix><i>@<domain>`. */
const insertSubscribers = async (
  knex,
  count,
  { prefix = 'leser', domain = 'faults.example.org' } = {}
) => {
  const columns = await knex(TABLES.subscribers).columnInfo();
  const topics = JSON.stringify(['offers', 'practice-examples', 'employer-tips']);
  const now = new Date();
  const emails = [];
  for (let i = 0; i < count; i += 500) {
    const rows = [];
    for (let j = i; j < Math.min(count, i + 500); j += 1) {
      const email = `${prefix}${j}@${domain}`;
      emails.push(email);
      rows.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        email,
        name: j % 3 ? `Leserin ${j}` : null,
        topics,
        status: 'active',
        source: 'import',
        bounce_count: 0,
        created_at: now,
        updated_at: now,
        ...(columns.published_at ? { published_at: now } : {}),
      });
    }
    await knex.batchInsert(TABLES.subscribers, rows, 100);
  }
  return emails;
};

const issueRow = (knex, documentId) =>
  knex(TABLES.issues)
    .where('document_id', documentId)
    .first(
      'id',
      'document_id',
      'status',
      'recipients',
      'sent',
      'failed',
      'skipped',
      'paused_reason',
      'last_error'
    );

/** Delivery rows of an issue by status, e.g. { sent: 4990, failed: 10 }. */
const deliveriesByStatus = async (knex, issueId) => {
  const rows = await knex(TABLES.deliveries)
    .where('issue_id', issueId)
    .select('status')
    .count({ n: '*' })
    .groupBy('status');
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
};

/**
 * Waits until the issue's status is one of `statuses` (read from the database, so it works while
 * a server is down). Returns the row, or throws after `timeoutMs`.
 */
const waitForIssue = async (db, documentId, statuses, timeoutMs, { everyMs = 250 } = {}) => {
  const start = Date.now();
  for (;;) {
    const row = await issueRow(db.knex(), documentId).catch(() => null);
    if (row && statuses.includes(row.status)) return row;
    if (Date.now() - start > timeoutMs) {
      throw new Error(
        `issue ${documentId} still "${row?.status}" after ${Math.round(timeoutMs / 1000)} s (waiting for ${statuses.join('|')})`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};

module.exports = {
  createDatabase,
  insertSubscribers,
  issueRow,
  deliveriesByStatus,
  waitForIssue,
  TABLES,
};
