/**
 * Anonymous regional statistics for editors: completed submissions with statistics consent;
 * every group smaller than k is suppressed (see lib/statistics).
 */
import type { Core } from '@strapi/strapi';
import type { EmployerCheckConfig } from '../config';
import { figures, groupBy } from '../lib/statistics';
import { SUBMISSION, toStatisticsRow } from './submissions';

export interface StatisticsFilter {
  sector?: string;
  sizeClass?: string;
  municipality?: string;
  from?: string;
  to?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::employer-check') as EmployerCheckConfig;

  const rows = async (filter: StatisticsFilter) => {
    const where: Record<string, unknown> = { status: 'complete', consentStatistics: true };
    if (filter.sector) where.sector = filter.sector;
    if (filter.sizeClass) where.sizeClass = filter.sizeClass;
    if (filter.municipality) where.municipality = filter.municipality;
    if (filter.from || filter.to) {
      where.completedAt = {
        ...(filter.from ? { $gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
        ...(filter.to ? { $lte: new Date(`${filter.to}T23:59:59.999Z`) } : {}),
      };
    }
    const found = await strapi.db.query(SUBMISSION).findMany({
      where,
      select: ['sector', 'sizeClass', 'municipality', 'completedAt', 'result', 'total'],
      orderBy: { completedAt: 'asc' },
    });
    return found.map(toStatisticsRow);
  };

  return {
    async summary(filter: StatisticsFilter) {
      const active = await strapi.plugin('employer-check').service('questionnaire').active();
      const dimensions = (active?.dimensions ?? []).map(
        ({ key, name }: { key: string; name: string }) => ({ key, name })
      );
      const keys = dimensions.map((dimension: { key: string }) => dimension.key);
      const data = await rows(filter);
      const k = config().k;
      return {
        k,
        filter,
        dimensions,
        overall: figures(data, keys, k),
        bySector: groupBy(data, 'sector', keys, k),
        bySizeClass: groupBy(data, 'sizeClass', keys, k),
        byMunicipality: groupBy(data, 'municipality', keys, k),
        byMonth: groupBy(data, 'month', keys, k),
      };
    },

    /** One anonymous row per submission: no token, no answers, no contact data. */
    async exportRows(filter: StatisticsFilter) {
      const data = await rows(filter);
      const keys = [...new Set(data.flatMap((row) => Object.keys(row.scores)))];
      return {
        columns: ['sector', 'sizeClass', 'municipality', 'month', 'total', ...keys],
        rows: data,
        keys,
      };
    },
  };
};
