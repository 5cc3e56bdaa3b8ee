/** Admin routes: anonymous statistics and their CSV export. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { EmployerCheckConfig } from '../config';
import { validateStatisticsQuery } from '../validation';

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
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
      const { columns, rows, keys } = await service().exportRows(filter(ctx));
      const lines = [columns.join(',')];
      for (const row of rows) {
        lines.push(
          [
            row.sector,
            row.sizeClass,
            row.municipality,
            row.month,
            row.total,
            ...keys.map((key: string) => row.scores[key]),
          ]
            .map(csvField)
            .join(',')
        );
      }
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
