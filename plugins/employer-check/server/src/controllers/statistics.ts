/** Admin routes: anonymous statistics and their CSV export. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EmployerCheckConfig } from '../config';
import { validateStatisticsQuery } from '../validation';

/** One CSV field; text that a spreadsheet would run as a formula gets a leading apostrophe. */
const csvField = (value: unknown) => {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('employer-check').service('statistics');
  const config = () => strapi.config.get('plugin::employer-check') as EmployerCheckConfig;
  const filter = (ctx: Context) =>
    validateStatisticsQuery(ctx.query, {
      sectors: Object.keys(config().sectors),
      sizeClasses: Object.keys(config().sizeClasses),
    });

  return {
    async summary(ctx: Context) {
      ctx.body = { data: await service().summary(filter(ctx)) };
    },

    async export(ctx: Context) {
      const { columns, rows } = await service().exportTable(filter(ctx));
      const lines = [columns, ...rows].map((cells: unknown[]) => cells.map(csvField).join(','));
      ctx.type = 'text/csv; charset=utf-8';
      ctx.set(
        'Content-Disposition',
        `attachment; filename="selbstcheck-statistik-${new Date().toISOString().slice(0, 10)}.csv"`
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.body = `${lines.join('\r\n')}\r\n`;
    },
  };
};
