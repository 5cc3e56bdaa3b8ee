/**
 * Anonymous regional statistics for editors: completed submissions with statistics consent, one
 * per company (the latest of its re-checks); every group smaller than k is suppressed (see
 * lib/statistics).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { EmployerCheckConfig } from '../config';
import {
  figures,
  fillMonths,
  groupBy,
  latestPerCompany,
  optionList,
  statisticsTable,
} from '../lib/statistics';
import { getService } from '../utils/get-service';
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
    const all = await strapi.db.query(SUBMISSION).findMany({
      where,
      select: [
        'documentId',
        'sector',
        'sizeClass',
        'municipality',
        'completedAt',
        'result',
        'total',
        'companyKeyHash',
      ],
      orderBy: { completedAt: 'asc' },
    });
    // a company that re-checked counts once (its latest check in the filter): k counts companies
    const found = latestPerCompany(all);
    return {
      data: found.map(toStatisticsRow),
      checkIds: found.map((row: { documentId: string }) => row.documentId),
    };
  };

  /** The app's municipalities (config `municipalities`) as `{ key: documentId, label }`. */
  const municipalities = async () => {
    const settings = config().municipalities;
    if (!settings) return [];
    const found = (await strapi.db.query(settings.uid as never).findMany({
      select: ['documentId', settings.labelField],
      orderBy: { [settings.labelField]: 'asc' },
    })) as Record<string, unknown>[];
    const byId = new Map<string, string>();
    for (const row of found) {
      byId.set(String(row.documentId), String(row[settings.labelField] ?? row.documentId));
    }
    return [...byId].map(([key, label]) => ({ key, label }));
  };

  /** A filter on a municipality the app does not know is a 400 naming the field. */
  const checkMunicipality = async (municipality: string | undefined) => {
    const settings = config().municipalities;
    if (!municipality || !settings) return;
    const exists = await strapi.db
      .query(settings.uid as never)
      .count({ where: { documentId: municipality } });
    if (!exists) {
      const message = 'Diese Kommune ist nicht bekannt.';
      throw new errors.ValidationError(message, {
        errors: [{ path: ['municipality'], message, name: 'ValidationError' }],
      });
    }
  };

  /** What the admin's filters offer: the config's sectors and size classes, the municipalities. */
  const options = async () => ({
    sectors: optionList(config().sectors),
    sizeClasses: optionList(config().sizeClasses),
    municipalities: await municipalities(),
  });

  return {
    options,

    async summary(filter: StatisticsFilter) {
      await checkMunicipality(filter.municipality);
      const active = await strapi.plugin('employer-check').service('questionnaire').active();
      const dimensions = (active?.dimensions ?? []).map(
        ({ key, name }: { key: string; name: string }) => ({ key, name })
      );
      const keys = dimensions.map((dimension: { key: string }) => dimension.key);
      const { data, checkIds } = await rows(filter);
      const { k, thresholds, bandLabels } = config();
      // the employees' view: surveys of these checks with k answers each, from k companies on
      const employees = await getService(strapi, 'surveys').statistics(checkIds, keys, k);
      return {
        k,
        filter,
        dimensions,
        thresholds,
        bandLabels,
        options: await options(),
        overall: figures(data, keys, k),
        bySector: groupBy(data, 'sector', keys, k),
        bySizeClass: groupBy(data, 'sizeClass', keys, k),
        byMunicipality: groupBy(data, 'municipality', keys, k),
        byMonth: fillMonths(groupBy(data, 'month', keys, k), keys, k),
        employees,
      };
    },

    /** The summary's figures as a table (lib/statistics `statisticsTable`). */
    async exportTable(filter: StatisticsFilter) {
      const summary = await this.summary(filter);
      const labels = (list: { key: string; label: string }[]) =>
        Object.fromEntries(list.map((option) => [option.key, option.label]));
      return statisticsTable({
        dimensions: summary.dimensions,
        overall: summary.overall,
        groups: [
          { field: 'sector', figures: summary.bySector, labels: labels(summary.options.sectors) },
          {
            field: 'sizeClass',
            figures: summary.bySizeClass,
            labels: labels(summary.options.sizeClasses),
          },
          {
            field: 'municipality',
            figures: summary.byMunicipality,
            labels: labels(summary.options.municipalities),
          },
          { field: 'month', figures: summary.byMonth, labels: {} },
        ],
        employees: summary.employees,
      });
    },
  };
};
