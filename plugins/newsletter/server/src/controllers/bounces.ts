/** Admin routes of the bounce mailbox: its status for editors, and "read it now". */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await getService(strapi, 'bounces').status() };
  },

  async poll(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'bounces').poll() };
  },
});
