/**
 * Route middleware of the public content-API reads (find/findOne of the six public types, see
 * src/api/<type>/routes): a query Strapi would pass to the database although it cannot work
 * answers 400 (Strapi's ValidationError body naming the parameter) instead of 500, and so does a
 * findOne whose id cannot be a documentId (404, as for an unknown one). What counts is decided
 * by `src/lib/query-guard.ts`. A data error from the database that the check did not foresee
 * (PostgreSQL class 22, SQLite bind errors) is answered 400 as well and logged as a warning.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import {
  checkContentQuery,
  isDocumentId,
  isQueryValueError,
  type ModelLike,
} from '../lib/query-guard';

const INVALID_QUERY = 'Invalid query parameters';

export default (config: { uid?: string } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const getModel = (uid: string) =>
    strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as unknown as
      ModelLike | undefined;

  return async (ctx: Context, next: Next) => {
    const model = config?.uid ? getModel(config.uid) : undefined;
    if (ctx.params?.id !== undefined && !isDocumentId(ctx.params.id)) {
      throw new errors.NotFoundError('Not Found');
    }
    if (model) {
      const problem = checkContentQuery(ctx.query as Record<string, unknown>, model, getModel);
      if (problem) {
        throw new errors.ValidationError(problem.message, {
          source: 'query',
          param: problem.param,
          path: problem.path.join('.') || null,
          errors: [
            {
              path: [problem.param, ...problem.path],
              message: problem.message,
              name: 'ValidationError',
            },
          ],
        });
      }
    }
    try {
      await next();
    } catch (error) {
      if (!isQueryValueError(error)) throw error;
      strapi.log.warn(
        `[query-guard] ${ctx.method} ${ctx.path} → 400: ${String((error as Error)?.message ?? error).slice(0, 300)}`
      );
      throw new errors.ValidationError(INVALID_QUERY, { source: 'query' });
    }
  };
};
