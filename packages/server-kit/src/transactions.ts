/**
 * Runs `work` in one database transaction (Strapi's: `strapi.db.query` and the Document Service
 * join it) and makes sure it really committed. Knex reports a failed BEGIN or COMMIT (e.g. the
 * connection was terminated at that moment) only on the transaction's execution promise: Strapi's
 * wrapper would answer success for a COMMIT that failed, or a confusing "Transaction query already
 * complete" for a BEGIN that failed. Found by the fault suite (tests/faults, db-outage).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** `work` gets the transaction for raw knex statements (`strapi.db.query` joins it by itself). */
export const atomically = async <T>(
  strapi: Core.Strapi,
  work: (trx: Knex.Transaction) => Promise<T>
): Promise<T> => {
  let execution: Promise<unknown> | undefined;
  try {
    const result = await strapi.db.transaction(({ trx }) => {
      execution = trx.executionPromise;
      return work(trx as Knex.Transaction);
    });
    await execution;
    return result;
  } catch (error) {
    const cause = execution
      ? await execution.then(
          () => null,
          (reason: unknown) => reason
        )
      : null;
    throw cause ?? error;
  }
};
