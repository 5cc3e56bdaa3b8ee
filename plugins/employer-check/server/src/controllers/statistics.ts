/** Admin routes: anonymous statistics and their CSV export. */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateStatisticsQuery } from '../validation';

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('employer-check').service('statistics');
  return {
    async summary(ctx: Context) {
      ctx.body = { data: await service().summary(validateStatisticsQuery(ctx.query)) };
    },

    async export(ctx: Context) {
      const { columns, rows, keys } = await service().exportRows(
        validateStatisticsQuery(ctx.query)
      );
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
      ctx.body = `${lines.join('\r\n')}\r\n`;
    },
  };
};
