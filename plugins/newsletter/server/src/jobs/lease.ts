/**
 * Leases of recurring jobs (reading the bounce mailbox, ...): at most one instance runs a job at a
 * time. One row per job in `newsletter_job_leases`; times on the database's clock, like the
 * dispatcher's leases, so all instances agree whatever their own clocks say.
 *
 * - `acquire` is one conditional UPDATE (free, expired, or already ours); the first acquire of a
 *   job inserts its row, and a unique violation there means another instance was first.
 * - `renew` extends only while this owner still holds the lease; 0 rows → the lease was lost and
 *   the job must stop before its next step with an effect.
 * - `release` frees it at once (a graceful stop, or the job is done) and records the run's result.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { databaseNowMs, readDatabaseNow } from '../lib/db-clock';
import { isDuplicateError } from '../services/subscriptions';

export const JOB_LEASE = 'plugin::newsletter.job-lease';

export interface JobLeaseState {
  name: string;
  owner: string | null;
  leaseUntil: number | null;
  lastRunAt: number | null;
  lastResult: unknown;
  /** the database's clock when this was read */
  now: number;
}

export interface JobLease {
  acquire(name: string, owner: string, seconds: number): Promise<boolean>;
  renew(name: string, owner: string, seconds: number): Promise<boolean>;
  release(name: string, owner: string, result?: unknown): Promise<void>;
  state(name: string): Promise<JobLeaseState | null>;
}

export const createJobLease = (strapi: Core.Strapi): JobLease => {
  const knex = (): Knex => strapi.db.connection;
  const client = () => strapi.db.dialect.client;
  const table = () => strapi.db.metadata.get(JOB_LEASE).tableName;
  const now = () => knex().raw(databaseNowMs(client()));
  const until = (seconds: number) =>
    knex().raw(`${databaseNowMs(client())} + ?`, [Math.round(seconds * 1000)]);

  return {
    async acquire(name, owner, seconds) {
      const taken = Number(
        await knex()(table())
          .where({ name })
          .andWhere((q) =>
            q.whereNull('lease_until').orWhere('lease_until', '<', now()).orWhere({ owner })
          )
          .update({ owner, lease_until: until(seconds) })
      );
      if (taken > 0) return true;
      const exists = await knex()(table()).where({ name }).first('id');
      if (exists) return false;
      try {
        const stamp = new Date();
        await knex()(table()).insert({
          name,
          owner,
          lease_until: until(seconds),
          created_at: stamp,
          updated_at: stamp,
        });
        return true;
      } catch (error) {
        if (isDuplicateError(error)) return false;
        throw error;
      }
    },

    async renew(name, owner, seconds) {
      const renewed = Number(
        await knex()(table())
          .where({ name, owner })
          .update({ lease_until: until(seconds) })
      );
      return renewed > 0;
    },

    async release(name, owner, result) {
      await knex()(table())
        .where({ name, owner })
        .update({
          owner: null,
          lease_until: null,
          last_run_at: now(),
          ...(result === undefined ? {} : { last_result: JSON.stringify(result) }),
        });
    },

    async state(name) {
      const row = (await knex()(table()).where({ name }).first()) as
        Record<string, unknown> | undefined;
      const clock = await readDatabaseNow(knex(), client());
      if (!row) return null;
      const number = (value: unknown) => (value == null ? null : Number(value));
      const result = row.last_result;
      return {
        name,
        owner: (row.owner as string | null) ?? null,
        leaseUntil: number(row.lease_until),
        lastRunAt: number(row.last_run_at),
        lastResult: typeof result === 'string' ? JSON.parse(result) : (result ?? null),
        now: clock,
      };
    },
  };
};
