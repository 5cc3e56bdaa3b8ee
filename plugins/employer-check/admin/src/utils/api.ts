/** The plugin's admin routes: shapes of their answers and the react-query hooks reading them. */
import { useFetchClient } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';
import { PLUGIN_ID } from '../pluginId';

export const QUESTIONNAIRE_UID = `plugin::${PLUGIN_ID}.questionnaire`;
export const DIMENSION_UID = `plugin::${PLUGIN_ID}.dimension`;
export const QUESTION_UID = `plugin::${PLUGIN_ID}.question`;

export interface Option {
  key: string;
  label: string;
}

export interface GroupFigures {
  count: number | null;
  suppressed: boolean;
  total: number | null;
  dimensions: Record<string, number | null> | null;
}

export type KeyedGroup = GroupFigures & { key: string };

export interface StatisticsFilter {
  sector?: string;
  sizeClass?: string;
  municipality?: string;
  from?: string;
  to?: string;
}

export const FILTER_FIELDS = ['sector', 'sizeClass', 'municipality', 'from', 'to'] as const;

export interface Thresholds {
  red: number;
  green: number;
}

export interface BandLabels {
  rot: string;
  gelb: string;
  gruen: string;
}

export interface StatisticsSummary {
  k: number;
  filter: StatisticsFilter;
  dimensions: { key: string; name: string }[];
  thresholds: Thresholds;
  bandLabels: BandLabels;
  options: { sectors: Option[]; sizeClasses: Option[]; municipalities: Option[] };
  overall: GroupFigures;
  bySector: KeyedGroup[];
  bySizeClass: KeyedGroup[];
  byMunicipality: KeyedGroup[];
  byMonth: KeyedGroup[];
  /** the employees' view (staff surveys), k-anonymous by companies */
  employees?: EmployeesFigures;
}

export interface EmployeesFigures {
  companies: number | null;
  responses: number | null;
  suppressed: boolean;
  dimensions: Record<string, number | null> | null;
}

export interface QuestionnaireVersion {
  documentId: string;
  title: string;
  version: string;
  active: boolean;
  updatedAt: string;
  questions: number;
  dimensions: number;
  drafts: number;
  completed: number;
}

export interface QuestionnaireStatus {
  active: QuestionnaireVersion | null;
  versions: QuestionnaireVersion[];
  suggestedVersion: string;
}

export interface QuestionnaireUsage {
  affectsActive: boolean;
  active: { documentId: string; title: string; version: string } | null;
  drafts: number;
}

/** The filter without empty values, as query parameters. */
export const filterParams = (filter: StatisticsFilter) =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => Boolean(value)));

export const useStatistics = (filter: StatisticsFilter, enabled: boolean) => {
  const { get } = useFetchClient();
  return useQuery(
    [PLUGIN_ID, 'statistics', filter],
    async () => {
      const { data } = await get<{ data: StatisticsSummary }>(`/${PLUGIN_ID}/statistics`, {
        params: filterParams(filter),
      });
      return data.data;
    },
    { enabled, keepPreviousData: true, retry: false }
  );
};

export const useQuestionnaireStatus = (enabled: boolean) => {
  const { get } = useFetchClient();
  return useQuery(
    [PLUGIN_ID, 'questionnaire-status'],
    async () => {
      const { data } = await get<{ data: QuestionnaireStatus }>(
        `/${PLUGIN_ID}/questionnaire/status`
      );
      return data.data;
    },
    { enabled, retry: false }
  );
};

/** Links into the Content Manager (paths inside the admin's router). */
export const contentManagerPath = (uid: string, documentId?: string) =>
  `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;
