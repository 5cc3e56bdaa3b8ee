/** Admin routes: the questionnaire versions, their use by running checks, new versions. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateNewVersion, validateUsageQuery } from '../validation';

const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('employer-check').service('questionnaire');
  return {
    async status(ctx: Context) {
      ctx.body = { data: await service().status() };
    },

    async usage(ctx: Context) {
      const { model, documentId } = validateUsageQuery(ctx.query);
      ctx.body = { data: await service().usage(model, documentId) };
    },

    async createVersion(ctx: Context) {
      const input = validateNewVersion(body(ctx));
      ctx.status = 201;
      ctx.body = { data: await service().createVersion(input) };
    },
  };
};
